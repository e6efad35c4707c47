// Tunables of the Raft core, each with its reason. Times are in ticks: the
// replica actor calls raft::tick() every tick_interval.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace troupe::store::raft {

struct raft_settings {
  // A follower that hears no leader for a random time in
  // [election_ticks, 2 * election_ticks) campaigns.
  std::uint32_t election_ticks = 10;
  // A leader heartbeats every heartbeat_ticks; well below election_ticks so
  // that one lost heartbeat does not start an election.
  std::uint32_t heartbeat_ticks = 1;
  // Pre-vote: a candidate first asks whether it could win, so a partitioned
  // node rejoining does not disrupt the leader with a higher term.
  bool pre_vote = true;
  // Check-quorum: a leader that has not heard from a quorum within an
  // election timeout steps down; followers ignore votes while they hear from
  // a leader (leader lease).
  bool check_quorum = true;
  // Replication bounds: bytes of entries per append message (at least one
  // entry is always sent), append messages in flight per follower, and bytes
  // proposed but not yet committed (beyond which proposals are refused).
  std::size_t message_bytes_max = 1024 * 1024;
  std::size_t inflight_messages_max = 256;
  std::size_t uncommitted_bytes_max = 64 * 1024 * 1024;
  // Reads waiting for their heartbeat round to be confirmed.
  std::size_t pending_reads_max = 4096;
  // A learner becomes a voter only when its log is at most this many
  // entries behind the leader's commit index (etcd's rule: a new voter far
  // behind would weaken the quorum).
  std::uint64_t promotable_lag_entries = 1000;

  std::optional<std::string> validate() const;
};

}  // namespace troupe::store::raft
