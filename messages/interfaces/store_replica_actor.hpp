// A consensus store replica (the store issue): Raft over an MVCC key-value
// state machine in LMDB, with etcd's semantics.
//
//   range request        -> range_response (linearizable via ReadIndex unless
//                           request.serializable)
//   txn request          -> txn_response (writes only at the leader; followers
//                           answer store_error::not_leader)
//   txn batch            -> one outcome per txn, in order (the store client's
//                           path: many txns per network message)
//   watch request w      -> watch id; `w` then receives watch_events in order
//   cancel id            ends a watch
//   compact revision     -> the new compaction revision
//   change c             -> the replicas once `c` is committed (leader only;
//                           queue_full while another change is pending)
//   raft envelope        replica-to-replica protocol traffic
//   status               -> component_status
//   tick, flush          its own timer and group-commit trigger
// Refusals are store errors (messages/errors.hpp); not_leader carries the
// leader's name as detail when known.
#pragma once

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include <cstdint>

#include "messages/atoms.hpp"
#include "messages/core/store.hpp"
#include "messages/status.hpp"

namespace troupe {

// Receives a watch's events; `cancel id error` ends the watch (only
// store_error::compacted: the replica skipped past it; re-watch from later).
using store_watcher_actor =
    caf::typed_actor<caf::reacts_to<event_atom, watch_events>,
                     caf::reacts_to<cancel_atom, std::uint64_t, caf::error>>;

using store_replica_actor = caf::typed_actor<
    caf::replies_to<range_atom, range_request>::with<range_response>,
    caf::replies_to<txn_atom, txn_request>::with<txn_response>,
    caf::replies_to<txn_atom, txn_batch>::with<txn_batch_outcome>,
    caf::replies_to<watch_atom, watch_request, store_watcher_actor>::with<std::uint64_t>,
    caf::reacts_to<cancel_atom, std::uint64_t>,
    caf::replies_to<compact_atom, std::int64_t>::with<std::int64_t>,
    caf::replies_to<change_atom, replica_change>::with<store_members>,
    caf::reacts_to<raft_atom, raft_envelope>, caf::replies_to<status_atom>::with<component_status>,
    caf::reacts_to<tick_atom>, caf::reacts_to<flush_atom>>;

// What components hold to use the store: the same requests, answered by a
// client that finds the leader, retries and re-attaches watches (see
// actors/store/store_client.hpp).
using store_client_actor = caf::typed_actor<
    caf::replies_to<range_atom, range_request>::with<range_response>,
    caf::replies_to<txn_atom, txn_request>::with<txn_response>,
    caf::replies_to<watch_atom, watch_request, store_watcher_actor>::with<std::uint64_t>,
    caf::reacts_to<cancel_atom, std::uint64_t>,
    caf::replies_to<compact_atom, std::int64_t>::with<std::int64_t>,
    caf::replies_to<change_atom, replica_change>::with<store_members>,
    caf::replies_to<status_atom>::with<component_status>>;

}  // namespace troupe
