// Spawns a consensus store replica: the thin CAF shell around
// core/store_replica.hpp and the LMDB log store (storage/lmdb_log_store.hpp).
// Interface and message semantics: messages/interfaces/store_replica_actor.hpp.
//
// What the shell does, in order, for every batch of Raft effects: one durable
// LMDB write (group commit: every request that queued up meanwhile rides in
// the same fsync), then the Raft messages to peers, then the replies and
// watch events. Peers are found through membership (component
// store_replica, named by node) and announced there. The replica runs on a
// thread of its own (it blocks in fsync), ticks every `tick_interval` and
// stops, reporting why through `on_fatal`, if its storage fails.
#pragma once

#include <caf/actor_system.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <variant>

#include "actors/store/core/store_replica.hpp"
#include "messages/interfaces/membership_actor.hpp"
#include "messages/interfaces/store_replica_actor.hpp"

namespace troupe::store {

struct replica_config {
  std::string name;       // this node's name: the replica's id
  std::string cluster;    // the cluster's name, recorded in the data dir
  std::string directory;  // the LMDB environment (created if missing)
  storage::configuration bootstrap;
  store_replica_settings settings;
  std::chrono::milliseconds tick_interval{10};
  membership_actor membership;
  std::uint64_t seed = 0;
  // Called (on the replica's thread) when it stops because of its storage.
  std::function<void(const std::string&)> on_fatal;
};

// Opens the data dir and spawns the replica, or says why it cannot start
// (a corrupt or foreign data dir, invalid settings).
std::variant<store_replica_actor, std::string> spawn_replica(caf::actor_system& system,
                                                             replica_config config);

}  // namespace troupe::store
