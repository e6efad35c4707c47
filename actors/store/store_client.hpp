// The store client: what components (api, tests, benchmarks) use to reach
// the consensus store. Interface: store_client_actor in
// messages/interfaces/store_replica_actor.hpp.
//
//   - Finds the replicas through membership (component store_replica) and
//     sends each request to the leader, following not_leader hints and
//     trying other replicas while no leader is known.
//   - Retries safely: a txn without a request id gets one, kept across
//     retries, so the store applies it at most once however often it is
//     resent. The store remembers one sequence per client id, so each txn in
//     flight uses a lane of its own: client id client_id + lane, with the
//     lane's next sequence (lanes are reused once their txn is answered).
//   - Bounds its work: at most `requests_max` requests in progress (more are
//     refused with queue_full at once); each request ends within `timeout`,
//     answered store_error::timeout with what was last seen otherwise.
//   - Watches survive replica failures: the client follows each watch's
//     revision and re-attaches it elsewhere from the next revision, so the
//     watcher sees every change once and in order. A watch from revision 0
//     ("from now") starts right after a linearizable read of its key.
//   - Permanent refusals (malformed_request, value_too_large, compacted,
//     future_revision) are passed on unchanged.
#pragma once

#include <caf/actor_system.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "messages/interfaces/membership_actor.hpp"
#include "messages/interfaces/store_replica_actor.hpp"

namespace troupe::store {

struct client_config {
  membership_actor membership;
  // Unique per client instance and never 0 (0 is anonymous): chosen at
  // random by the caller (randomness is an input). Lanes use the ids
  // client_id .. client_id + requests_max - 1.
  std::uint64_t client_id = 1;
  std::size_t requests_max = 4096;
  std::chrono::milliseconds timeout{5000};
  // One attempt at one replica; the request moves on after this.
  std::chrono::milliseconds attempt_timeout{1000};
  // Pause before retrying when no leader is known.
  std::chrono::milliseconds retry_delay{50};
};

store_client_actor spawn_store_client(caf::actor_system& system, client_config config);

}  // namespace troupe::store
