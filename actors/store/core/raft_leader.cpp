// The leader's side: proposals, replication, commit, reads, transfer.
#include <algorithm>
#include <cassert>

#include "actors/store/core/raft.hpp"

namespace troupe::store::raft {

void node::track(const replica_id& id) {
  if (progress_.count(id)) return;
  auto& tracked = progress_[id];
  tracked.next = log_.last_index() + 1;
  tracked.match = 0;
  tracked.recently_active = true;
}

void node::become_leader() {
  assert(role_ == role::candidate);
  role_ = role::leader;
  leader_ = self_;
  progress_.clear();
  for (const auto& id : config_.voters) track(id);
  for (const auto& id : config_.learners) track(id);
  progress_[self_].match = log_.stable();
  // No membership change until an entry of this term commits (etcd's rule
  // for single-server changes across leader changes).
  pending_change_index_ = log_.last_index() + 1;
  log_.append({log_entry{term_, log_.last_index() + 1, {}, storage::no_op{}}});
  broadcast_append(true);
}

void node::tick_leader() {
  ++heartbeat_elapsed_;
  ++election_elapsed_;
  if (election_elapsed_ >= settings_.election_ticks) {
    election_elapsed_ = 0;
    transferee_.clear();  // a transfer that took an election timeout failed
    if (settings_.check_quorum) {
      std::size_t active = 0;
      for (auto& [id, tracked] : progress_) {
        if (config_.voters.count(id) && (id == self_ || tracked.recently_active)) ++active;
        tracked.recently_active = false;
      }
      if (active < quorum()) {
        become_follower(term_, {});
        return;
      }
    }
  }
  // A snapshot (or its acknowledgement) may be lost: after an election
  // timeout without news, probe again, which resends it if still needed.
  for (auto& [id, tracked] : progress_) {
    if (tracked.state == progress::mode::snapshot &&
        ++tracked.snapshot_ticks >= settings_.election_ticks) {
      tracked.become_probe();
      send_append(id, true);
    }
  }
  if (heartbeat_elapsed_ >= settings_.heartbeat_ticks) {
    heartbeat_elapsed_ = 0;
    broadcast_heartbeat(pending_reads_.empty() ? 0 : read_round_);
  }
}

std::optional<raft_error> node::propose(storage::command_bytes command,
                                        storage::request_id request) {
  if (role_ != role::leader) return raft_error::not_leader;
  if (!transferee_.empty()) return raft_error::transfer_in_progress;
  log_entry entry{term_, log_.last_index() + 1, request, std::move(command)};
  auto bytes = entry_bytes(entry);
  if (uncommitted_bytes_ > 0 && uncommitted_bytes_ + bytes > settings_.uncommitted_bytes_max)
    return raft_error::uncommitted_too_large;
  uncommitted_bytes_ += bytes;
  log_.append({std::move(entry)});
  // Sent by take_ready(): proposals made between two batches share one
  // append per follower instead of one each.
  append_pending_ = true;
  return std::nullopt;
}

std::optional<raft_error> node::propose_change(const storage::config_change& change) {
  if (role_ != role::leader) return raft_error::not_leader;
  if (!transferee_.empty()) return raft_error::transfer_in_progress;
  if (pending_change_index_ > log_.committed()) return raft_error::config_change_pending;
  bool voter = config_.voters.count(change.replica) != 0;
  bool learner = config_.learners.count(change.replica) != 0;
  switch (change.kind) {
    case storage::config_change_kind::add_voter: {
      // Only a learner that has caught up becomes a voter.
      if (!learner) return raft_error::invalid_change;
      auto tracked = progress_.find(change.replica);
      if (tracked == progress_.end() ||
          tracked->second.match + settings_.promotable_lag_entries < log_.committed())
        return raft_error::learner_behind;
      break;
    }
    case storage::config_change_kind::add_learner:
      if (voter || learner) return raft_error::invalid_change;
      break;
    case storage::config_change_kind::remove_replica:
      if (!voter && !learner) return raft_error::invalid_change;
      if (voter && config_.voters.size() == 1) return raft_error::invalid_change;
      break;
  }
  pending_change_index_ = log_.last_index() + 1;
  log_.append({log_entry{term_, log_.last_index() + 1, {}, change}});
  broadcast_append(false);
  return std::nullopt;
}

void node::send_append(const replica_id& to, bool send_if_empty) {
  auto& tracked = progress_.at(to);
  if (tracked.paused(settings_.inflight_messages_max)) return;
  auto previous_term = log_.term(tracked.next - 1);
  if (!previous_term) {
    // The follower needs entries we compacted away: send an image of the
    // state machine that the log still follows, once the replica offers one.
    if (!snapshot_ || snapshot_->metadata.index < log_.snapshot().index) {
      snapshot_wanted_ = true;
      return;
    }
    tracked.become_snapshot(snapshot_->metadata.index);
    send(message{.type = message_type::snapshot, .to = to, .snapshot = snapshot_});
    return;
  }
  auto entries = log_.entries_from(tracked.next, settings_.message_bytes_max);
  if (entries.empty() && !send_if_empty && tracked.state != progress::mode::probe) return;
  auto last = entries.empty() ? tracked.next - 1 : entries.back().index;
  send(message{.type = message_type::append,
               .to = to,
               .log_term = *previous_term,
               .index = tracked.next - 1,
               .entries = std::move(entries),
               .commit = log_.committed()});
  tracked.sent(last);
}

void node::broadcast_append(bool send_if_empty) {
  for (const auto& [id, tracked] : progress_)
    if (id != self_) send_append(id, send_if_empty);
}

void node::broadcast_heartbeat(std::uint64_t round) {
  for (const auto& [id, tracked] : progress_) {
    if (id == self_) continue;
    // Never tell a follower to commit beyond what it is known to hold.
    send(message{.type = message_type::heartbeat,
                 .to = id,
                 .commit = std::min(tracked.match, log_.committed()),
                 .context = round});
  }
}

void node::step_leader(const message& incoming) {
  if (!progress_.count(incoming.from)) return;  // not (or no longer) a member
  switch (incoming.type) {
    case message_type::append_response:
      handle_append_response(incoming);
      return;
    case message_type::heartbeat_response:
      handle_heartbeat_response(incoming);
      return;
    default:
      return;  // appends of a stale term were answered by check_term
  }
}

void node::handle_append_response(const message& incoming) {
  auto& tracked = progress_.at(incoming.from);
  tracked.recently_active = true;
  if (incoming.reject) {
    if (tracked.step_back(incoming.index, incoming.reject_hint)) {
      if (tracked.state == progress::mode::replicate) tracked.become_probe();
      send_append(incoming.from, true);
    }
    return;
  }
  if (tracked.acknowledge(incoming.index)) {
    if (tracked.state == progress::mode::snapshot && tracked.match >= tracked.pending_snapshot)
      tracked.become_probe();
    if (tracked.state == progress::mode::probe) tracked.become_replicate();
    // Commit news goes to everyone; otherwise keep this follower's pipeline
    // full. Both wait for take_ready(), so the responses handled between two
    // batches share one append per follower instead of one each.
    if (maybe_commit()) {
      // The commit may have applied a membership change that removed this
      // follower or this leader: `tracked` may be gone.
      if (role_ != role::leader || !progress_.count(incoming.from)) return;
      commit_pending_ = true;
    } else {
      append_pending_ = true;
    }
    if (incoming.from == transferee_ && progress_.at(incoming.from).match == log_.last_index())
      send(message{.type = message_type::timeout_now, .to = incoming.from});
  } else if (tracked.state == progress::mode::probe) {
    tracked.probe_sent = false;
    send_append(incoming.from, false);
  }
}

void node::handle_heartbeat_response(const message& incoming) {
  auto& tracked = progress_.at(incoming.from);
  tracked.recently_active = true;
  tracked.probe_sent = false;
  // Appends may have been lost: a live follower frees one in-flight slot per
  // heartbeat so the pipeline cannot stall forever (as etcd-raft does).
  if (tracked.state == progress::mode::replicate &&
      tracked.inflight.size() >= settings_.inflight_messages_max)
    tracked.inflight.pop_front();
  if (tracked.match < log_.last_index()) send_append(incoming.from, true);
  auto& acked = acked_round_[incoming.from];
  acked = std::max(acked, incoming.context);
  release_reads();
}

bool node::maybe_commit() {
  std::vector<std::uint64_t> matches;
  for (const auto& voter : config_.voters) {
    auto found = progress_.find(voter);
    matches.push_back(found == progress_.end() ? 0 : found->second.match);
  }
  std::sort(matches.begin(), matches.end(), std::greater<>());
  auto candidate = matches[quorum() - 1];
  if (candidate <= log_.committed() || log_.term(candidate) != term_) return false;
  auto previous = log_.committed();
  std::size_t committed_bytes = 0;
  for (auto index = previous + 1; index <= candidate; ++index)
    committed_bytes += entry_bytes(log_.entry(index));
  uncommitted_bytes_ -= std::min(uncommitted_bytes_, committed_bytes);
  log_.commit_to(candidate);
  on_committed(previous);
  start_waiting_reads();
  return true;
}

bool node::committed_in_term() const {
  return log_.term(log_.committed()) == term_;
}

std::optional<raft_error> node::read_index(std::uint64_t context) {
  if (role_ != role::leader) return raft_error::not_leader;
  if (pending_reads_.size() >= settings_.pending_reads_max) return raft_error::read_queue_full;
  if (config_.voters.size() == 1 && committed_in_term()) {
    reads_.push_back({log_.committed(), context});
    return std::nullopt;
  }
  pending_reads_.push_back({0, 0, context});
  start_waiting_reads();
  return std::nullopt;
}

// Reads wait for the leader's first commit in its term: only then is its
// commit index at least every earlier leader's. They then join a new
// heartbeat round that confirms the leadership.
void node::start_waiting_reads() {
  if (role_ != role::leader || !committed_in_term()) return;
  bool started = false;
  for (auto& read : pending_reads_) {
    if (read.round != 0) continue;
    if (!started) ++read_round_;
    started = true;
    read.round = read_round_;
    read.index = log_.committed();
  }
  if (!started) return;
  if (config_.voters.size() == 1) {
    release_reads();
    return;
  }
  broadcast_heartbeat(read_round_);
}

void node::release_reads() {
  std::vector<std::uint64_t> rounds;
  for (const auto& voter : config_.voters) {
    if (voter == self_) {
      rounds.push_back(read_round_);
      continue;
    }
    auto found = acked_round_.find(voter);
    rounds.push_back(found == acked_round_.end() ? 0 : found->second);
  }
  std::sort(rounds.begin(), rounds.end(), std::greater<>());
  auto confirmed = rounds[quorum() - 1];
  while (!pending_reads_.empty() && pending_reads_.front().round != 0 &&
         pending_reads_.front().round <= confirmed) {
    reads_.push_back({pending_reads_.front().index, pending_reads_.front().context});
    pending_reads_.pop_front();
  }
}

void node::transfer_leadership(const replica_id& target) {
  if (role_ != role::leader || target == self_ || !config_.voters.count(target)) return;
  if (transferee_ == target) return;
  transferee_ = target;
  election_elapsed_ = 0;  // the transfer gives up after one election timeout
  if (progress_.at(target).match == log_.last_index())
    send(message{.type = message_type::timeout_now, .to = target});
  else
    send_append(target, true);
}

}  // namespace troupe::store::raft
