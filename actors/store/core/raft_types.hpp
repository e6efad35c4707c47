// The vocabulary of the Raft core: messages between replicas, durable state,
// snapshots, configurations and the `ready` batch of effects.
//
// Replicas are named by their node names. Indexes start at 1; index 0 with
// term 0 is the empty log's sentinel. Plain data: no CAF, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storage/core/log_entry.hpp"
#include "storage/core/raft_durable_state.hpp"

namespace troupe::store::raft {

using storage::log_entry;
using replica_id = std::string;

enum class role : std::uint8_t { follower, pre_candidate, candidate, leader };
std::string to_string(role value);

enum class message_type : std::uint8_t {
  append,              // leader -> follower: entries after (index, log_term), commit
  append_response,     // follower -> leader: match `index`, or reject with `reject_hint`
  heartbeat,           // leader -> follower: commit (bounded by the follower's match), context
  heartbeat_response,  // follower -> leader: echoes context
  pre_vote,            // (pre-)candidate -> all: last log (index, log_term), term it would use
  pre_vote_response,
  vote,
  vote_response,
  snapshot,     // leader -> follower: install `snapshot`
  timeout_now,  // leader -> transfer target: campaign at once
};
std::string to_string(message_type value);

using storage::configuration;
using storage::hard_state;
using storage::snapshot;
using storage::snapshot_metadata;

struct message {
  message_type type = message_type::append;
  replica_id from;
  replica_id to;
  std::uint64_t term = 0;
  std::uint64_t log_term = 0;  // append: term of `index`; votes: last log term
  std::uint64_t index = 0;     // append: previous index; votes: last index; responses: match
  std::vector<log_entry> entries;
  std::uint64_t commit = 0;
  bool reject = false;
  std::uint64_t reject_hint = 0;  // the follower's last index when rejecting an append
  std::uint64_t context = 0;      // read-index round (heartbeats)
  bool force = false;             // vote for a leadership transfer: ignores leader leases
  std::optional<raft::snapshot> snapshot;
};

// A linearizable read may be served once the state machine has applied
// `index`: the leader was still the leader when it confirmed `index`.
struct read_state {
  std::uint64_t index = 0;
  std::uint64_t context = 0;
};

// Effects to carry out, in this order:
//   1. persist `snapshot` (and restore the state machine from it), `entries`
//      (truncating any persisted entries at or after entries.front().index)
//      and `state`, durably, in one write;
//   2. only then send `messages`;
//   3. apply `committed` in order (all are persisted by then), serve
//      `reads` whose index is applied;
//   4. call raft::advance(ready).
struct ready {
  std::optional<raft::snapshot> snapshot;
  std::vector<log_entry> entries;
  std::optional<hard_state> state;
  std::vector<message> messages;
  std::vector<log_entry> committed;
  std::vector<read_state> reads;
  bool empty() const {
    return !snapshot && entries.empty() && !state && messages.empty() && committed.empty() &&
           reads.empty();
  }
};

// Why a local request was refused.
enum class raft_error : std::uint8_t {
  not_leader = 1,         // ask the leader (raft::leader() names it, if known)
  transfer_in_progress,   // leadership is being handed over; retry shortly
  uncommitted_too_large,  // too many bytes proposed but not yet committed
  config_change_pending,  // one membership change at a time
  read_queue_full,        // too many reads waiting for confirmation
  invalid_change,         // the membership change makes no sense (e.g. remove a non-member)
  learner_behind,         // a learner to promote has not caught up yet; retry later
};

}  // namespace troupe::store::raft
