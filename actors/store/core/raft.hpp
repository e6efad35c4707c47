// The Raft consensus core: one replica's state machine, with no CAF and no
// I/O, modelled on etcd-raft (see ../shared/STYLE.md).
//
// Inputs: step(message) for every message from a peer, tick() at a fixed
// interval, and local requests (propose, propose_change, read_index,
// transfer_leadership, compact). Outputs accumulate and are taken with
// take_ready(); the caller carries them out in the order `ready` documents,
// then calls advance(). Randomness (election timeouts) comes from the seed.
//
// Features: leader election with randomized timeouts, pre-vote and
// check-quorum (leader lease); log replication with probing, pipelining
// and bounds (bytes per message, messages in flight, uncommitted bytes);
// commit by quorum of entries of the leader's term; InstallSnapshot for
// followers behind the leader's compaction point; single-server membership
// changes (add voter, add learner, promote a learner, remove) applied when
// committed, one at a time; leadership transfer; linearizable reads through
// ReadIndex (a heartbeat round confirms leadership, no log write).
//
// Invariants (asserted):
//   1. At most one vote per term; the vote and term are in the hard state
//      handed out before any message that depends on them.
//   2. A leader commits only entries of its own term by counting replicas;
//      earlier entries commit with them.
//   3. The leader counts its own copy of an entry only once it is persisted
//      (after advance()).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <vector>

#include "actors/store/core/raft_log.hpp"
#include "actors/store/core/raft_progress.hpp"
#include "actors/store/core/raft_settings.hpp"
#include "actors/store/core/raft_types.hpp"

namespace troupe::store::raft {

// What a replica reloads from its durable storage at start.
struct persisted_state {
  hard_state state;
  std::optional<snapshot_metadata> base;  // the log starts after it (none: at 1)
  std::vector<log_entry> entries;         // the durable log after the base
  std::uint64_t applied = 0;              // the durable state machine's applied index
  configuration bootstrap;                // the first configuration, when no base
};

class node {
 public:
  node(replica_id self, persisted_state persisted, raft_settings settings, std::uint64_t seed);

  void tick();
  void step(const message& incoming);

  // Local requests. Each returns an error when refused (nothing changes then).
  std::optional<raft_error> propose(storage::command_bytes command, storage::request_id request);
  std::optional<raft_error> propose_change(const storage::config_change& change);
  std::optional<raft_error> read_index(std::uint64_t context);
  void transfer_leadership(const replica_id& target);
  // The state machine is durable up to `index` (<= applied): entries up to
  // it may be dropped (the log's base moves there).
  void compact(std::uint64_t index);
  // Whether the leader needs an image of the state machine for a follower
  // behind the log's base; it asks until offer_snapshot() gives one.
  bool wants_snapshot() const { return snapshot_wanted_; }
  // `data` is the state machine's image at `index` (base <= index <= applied).
  void offer_snapshot(std::uint64_t index, std::vector<std::uint8_t> data);

  bool has_ready() const;
  ready take_ready();
  void advance(const ready& done);

  const replica_id& id() const { return self_; }
  role current_role() const { return role_; }
  std::uint64_t term() const { return term_; }
  const replica_id& leader() const { return leader_; }
  const configuration& config() const { return config_; }
  const raft_log& log() const { return log_; }
  const std::map<replica_id, progress>& followers() const { return progress_; }
  // The image the leader sends to followers behind the base (offered, or
  // received from an earlier leader), while the log still follows it.
  const std::optional<snapshot>& latest_snapshot() const { return snapshot_; }

 private:
  struct pending_read {
    std::uint64_t round = 0;  // 0: waits for the leader's first commit in its term
    std::uint64_t index = 0;
    std::uint64_t context = 0;
  };

  // raft.cpp: terms, roles, follower side, ready
  bool check_term(const message& incoming);
  void reset(std::uint64_t term);
  void become_follower(std::uint64_t term, const replica_id& leader);
  void send(message outgoing);
  static bool accepts(const message& m) {
    return m.type == message_type::append_response && !m.reject;
  }
  void handle_append(const message& incoming);
  void handle_heartbeat(const message& incoming);
  void handle_snapshot(const message& incoming);
  void on_committed(std::uint64_t previous_commit);
  void apply_change(const storage::config_change& change, std::uint64_t index);
  configuration config_at(std::uint64_t index) const;
  bool promotable() const { return config_.voters.count(self_) != 0; }
  std::size_t quorum() const { return config_.voters.size() / 2 + 1; }
  void randomize_election_timeout();

  // raft_election.cpp
  void campaign(bool pre, bool transfer);
  void handle_vote_request(const message& incoming);
  void handle_vote_response(const message& incoming);

  // raft_leader.cpp
  void become_leader();
  void tick_leader();
  void step_leader(const message& incoming);
  void handle_append_response(const message& incoming);
  void handle_heartbeat_response(const message& incoming);
  void send_append(const replica_id& to, bool send_if_empty);
  void broadcast_append(bool send_if_empty);
  void broadcast_heartbeat(std::uint64_t round);
  bool maybe_commit();
  bool committed_in_term() const;
  void start_waiting_reads();
  void release_reads();
  void track(const replica_id& id);

  replica_id self_;
  raft_settings settings_;
  std::uint64_t random_state_;
  std::uint64_t term_ = 0;
  replica_id vote_;
  replica_id leader_;
  role role_ = role::follower;
  raft_log log_;
  configuration config_;
  // Configurations in force from each index on (the latest before the
  // snapshot is kept), so a snapshot at index i records config_at(i).
  std::vector<std::pair<std::uint64_t, configuration>> config_history_;
  std::optional<snapshot> snapshot_;  // for lagging followers
  bool snapshot_wanted_ = false;
  // Sent by take_ready(): new entries (proposals, acknowledged pipelines)
  // and commit news (to every follower) not yet sent.
  bool append_pending_ = false;
  bool commit_pending_ = false;
  std::optional<snapshot> received_snapshot_;  // to hand out in ready
  hard_state handed_out_state_;

  std::uint32_t election_elapsed_ = 0;
  std::uint32_t heartbeat_elapsed_ = 0;
  std::uint32_t randomized_election_ticks_ = 0;
  std::map<replica_id, bool> votes_;

  // Leader state.
  std::map<replica_id, progress> progress_;
  std::uint64_t pending_change_index_ = 0;
  std::size_t uncommitted_bytes_ = 0;
  replica_id transferee_;
  std::deque<pending_read> pending_reads_;
  std::uint64_t read_round_ = 0;
  std::map<replica_id, std::uint64_t> acked_round_;

  std::vector<message> outbox_;
  std::vector<read_state> reads_;
};

}  // namespace troupe::store::raft
