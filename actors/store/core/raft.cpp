#include "actors/store/core/raft.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

namespace troupe::store::raft {

std::string to_string(role value) {
  switch (value) {
    case role::follower:
      return "follower";
    case role::pre_candidate:
      return "pre-candidate";
    case role::candidate:
      return "candidate";
    case role::leader:
      return "leader";
  }
  return "unknown";
}

std::optional<std::string> raft_settings::validate() const {
  if (heartbeat_ticks == 0) return "heartbeat-ticks: must be at least 1";
  if (election_ticks <= heartbeat_ticks)
    return "election-ticks: must be greater than heartbeat-ticks";
  if (message_bytes_max == 0) return "message-bytes-max: must be positive";
  if (inflight_messages_max == 0) return "inflight-messages-max: must be positive";
  if (uncommitted_bytes_max == 0) return "uncommitted-bytes-max: must be positive";
  if (pending_reads_max == 0) return "pending-reads-max: must be positive";
  return std::nullopt;
}

node::node(replica_id self, persisted_state persisted, raft_settings settings, std::uint64_t seed)
    : self_(std::move(self)), settings_(settings), random_state_(seed) {
  assert(!settings_.validate());
  term_ = persisted.state.term;
  vote_ = persisted.state.vote;
  snapshot_metadata base;
  if (persisted.base)
    base = *persisted.base;
  else
    base.config = persisted.bootstrap;
  config_ = base.config;
  config_history_.push_back({base.index, base.config});
  // What the state machine applied was committed, even if the hard state's
  // commit index (not written on its own) is older.
  log_.restore(base, std::move(persisted.entries),
               std::max(persisted.state.commit, persisted.applied));
  on_committed(base.index);
  log_.applied_to(std::clamp(persisted.applied, base.index, log_.committed()));
  handed_out_state_ = hard_state{term_, vote_, log_.committed()};
  randomize_election_timeout();
}

void node::randomize_election_timeout() {
  // splitmix64: deterministic from the seed, good enough for jitter.
  random_state_ += 0x9e3779b97f4a7c15ull;
  auto z = random_state_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  randomized_election_ticks_ =
      settings_.election_ticks + static_cast<std::uint32_t>(z % settings_.election_ticks);
}

void node::tick() {
  if (role_ == role::leader) {
    tick_leader();
    return;
  }
  ++election_elapsed_;
  if (promotable() && election_elapsed_ >= randomized_election_ticks_) {
    election_elapsed_ = 0;
    campaign(settings_.pre_vote, false);
  }
}

void node::reset(std::uint64_t term) {
  if (term != term_) {
    term_ = term;
    vote_.clear();
  }
  leader_.clear();
  election_elapsed_ = 0;
  heartbeat_elapsed_ = 0;
  randomize_election_timeout();
  votes_.clear();
  progress_.clear();
  transferee_.clear();
  pending_reads_.clear();
  acked_round_.clear();
  uncommitted_bytes_ = 0;
  snapshot_wanted_ = false;
  append_pending_ = false;
  commit_pending_ = false;
}

void node::become_follower(std::uint64_t term, const replica_id& leader) {
  reset(term);
  role_ = role::follower;
  leader_ = leader;
}

void node::send(message outgoing) {
  outgoing.from = self_;
  // Pre-vote requests and granted pre-vote responses carry the future term.
  if (outgoing.term == 0) outgoing.term = term_;
  if (accepts(outgoing)) {
    // The leader needs only the highest of the acknowledgements of one
    // batch: it covers every lower index (and frees their in-flight slots).
    for (auto& queued : outbox_) {
      if (accepts(queued) && queued.to == outgoing.to && queued.term == outgoing.term) {
        queued.index = std::max(queued.index, outgoing.index);
        return;
      }
    }
  }
  outbox_.push_back(std::move(outgoing));
}

// Returns false when the message must be dropped after handling the term.
bool node::check_term(const message& incoming) {
  auto is_vote = incoming.type == message_type::vote || incoming.type == message_type::pre_vote;
  if (incoming.term > term_) {
    if (is_vote) {
      bool in_lease = settings_.check_quorum && !leader_.empty() &&
                      election_elapsed_ < settings_.election_ticks;
      if (in_lease && !incoming.force) return false;
    }
    if (incoming.type == message_type::pre_vote) return true;
    if (incoming.type == message_type::pre_vote_response && !incoming.reject) return true;
    bool from_leader = incoming.type == message_type::append ||
                       incoming.type == message_type::heartbeat ||
                       incoming.type == message_type::snapshot;
    become_follower(incoming.term, from_leader ? incoming.from : replica_id{});
    return true;
  }
  if (incoming.term < term_) {
    // Tell a stale leader about the newer term so that it steps down (with
    // check-quorum or pre-vote it may otherwise never learn of it).
    if ((settings_.check_quorum || settings_.pre_vote) &&
        (incoming.type == message_type::append || incoming.type == message_type::heartbeat)) {
      send(message{.type = message_type::append_response, .to = incoming.from});
    } else if (incoming.type == message_type::pre_vote) {
      send(message{.type = message_type::pre_vote_response, .to = incoming.from, .reject = true});
    }
    return false;
  }
  return true;
}

void node::step(const message& incoming) {
  if (incoming.to != self_ || incoming.from == self_) return;
  if (!check_term(incoming)) return;
  switch (incoming.type) {
    case message_type::vote:
    case message_type::pre_vote:
      handle_vote_request(incoming);
      return;
    case message_type::vote_response:
    case message_type::pre_vote_response:
      handle_vote_response(incoming);
      return;
    default:
      break;
  }
  if (role_ == role::leader) {
    step_leader(incoming);
    return;
  }
  switch (incoming.type) {
    case message_type::append:
    case message_type::heartbeat:
    case message_type::snapshot:
      if (role_ != role::follower) become_follower(term_, incoming.from);
      leader_ = incoming.from;
      election_elapsed_ = 0;
      if (incoming.type == message_type::append) handle_append(incoming);
      if (incoming.type == message_type::heartbeat) handle_heartbeat(incoming);
      if (incoming.type == message_type::snapshot) handle_snapshot(incoming);
      return;
    case message_type::timeout_now:
      if (promotable()) campaign(false, true);
      return;
    default:
      return;  // responses for a leader we no longer are
  }
}

void node::handle_append(const message& incoming) {
  if (incoming.index < log_.committed()) {
    send(message{
        .type = message_type::append_response, .to = incoming.from, .index = log_.committed()});
    return;
  }
  auto last_new = log_.try_append(incoming.index, incoming.log_term, incoming.entries);
  if (!last_new) {
    send(message{.type = message_type::append_response,
                 .to = incoming.from,
                 .index = incoming.index,
                 .reject = true,
                 .reject_hint = std::min(incoming.index, log_.last_index())});
    return;
  }
  auto previous = log_.committed();
  log_.commit_to(std::max(previous, std::min(incoming.commit, *last_new)));
  on_committed(previous);
  send(message{.type = message_type::append_response, .to = incoming.from, .index = *last_new});
}

void node::handle_heartbeat(const message& incoming) {
  auto previous = log_.committed();
  // The leader bounds the commit by what it knows we hold (our match).
  if (incoming.commit > previous) log_.commit_to(std::min(incoming.commit, log_.last_index()));
  on_committed(previous);
  send(message{
      .type = message_type::heartbeat_response, .to = incoming.from, .context = incoming.context});
}

void node::handle_snapshot(const message& incoming) {
  assert(incoming.snapshot);
  const auto& metadata = incoming.snapshot->metadata;
  if (metadata.index <= log_.committed()) {
    send(message{
        .type = message_type::append_response, .to = incoming.from, .index = log_.committed()});
    return;
  }
  if (log_.matches(metadata.index, metadata.term)) {
    // We already hold the entries: the snapshot only tells us they commit.
    auto previous = log_.committed();
    log_.commit_to(metadata.index);
    on_committed(previous);
  } else {
    log_.install(metadata);
    config_ = metadata.config;
    config_history_.assign(1, {metadata.index, metadata.config});
    snapshot_ = incoming.snapshot;
    received_snapshot_ = incoming.snapshot;
  }
  send(message{
      .type = message_type::append_response, .to = incoming.from, .index = log_.last_index()});
}

// Membership changes take effect when their entry commits.
void node::on_committed(std::uint64_t previous_commit) {
  bool changed = false;
  auto until = log_.committed();
  for (auto index = std::max(previous_commit + 1, log_.first_index()); index <= until; ++index) {
    if (auto* change = std::get_if<storage::config_change>(&log_.entry(index).payload)) {
      apply_change(*change, index);
      changed = true;
    }
  }
  // A smaller quorum may already commit more (re-enters for the new range).
  if (changed && role_ == role::leader && maybe_commit()) broadcast_append(true);
}

void node::apply_change(const storage::config_change& change, std::uint64_t index) {
  switch (change.kind) {
    case storage::config_change_kind::add_voter:
      config_.learners.erase(change.replica);
      config_.voters.insert(change.replica);
      break;
    case storage::config_change_kind::add_learner:
      if (!config_.voters.count(change.replica)) config_.learners.insert(change.replica);
      break;
    case storage::config_change_kind::remove_replica:
      config_.voters.erase(change.replica);
      config_.learners.erase(change.replica);
      break;
  }
  config_history_.push_back({index, config_});
  if (role_ != role::leader) return;
  if (config_.contains(change.replica))
    track(change.replica);
  else
    progress_.erase(change.replica);
  if (transferee_ == change.replica && !config_.voters.count(change.replica)) transferee_.clear();
  if (!promotable()) {
    // A removed leader tells the others the commit (so they apply the
    // removal) before it steps down and they elect a successor.
    broadcast_append(true);
    become_follower(term_, {});
  }
}

configuration node::config_at(std::uint64_t index) const {
  configuration result = config_history_.front().second;
  for (const auto& [from, config] : config_history_)
    if (from <= index) result = config;
  return result;
}

bool node::has_ready() const {
  return received_snapshot_ || log_.stable() < log_.last_index() ||
         handed_out_state_ != hard_state{term_, vote_, log_.committed()} || !outbox_.empty() ||
         log_.applied() < std::min(log_.committed(), log_.stable()) || !reads_.empty() ||
         (role_ == role::leader && (append_pending_ || commit_pending_));
}

ready node::take_ready() {
  bool appends = std::exchange(append_pending_, false);
  bool commit = std::exchange(commit_pending_, false);
  if (role_ == role::leader && (appends || commit)) broadcast_append(commit);
  ready result;
  result.snapshot = received_snapshot_;
  result.entries = log_.unstable_entries();
  hard_state current{term_, vote_, log_.committed()};
  if (current != handed_out_state_) result.state = current;
  result.messages = std::move(outbox_);
  outbox_.clear();
  result.committed = log_.next_committed_entries();
  result.reads = std::move(reads_);
  reads_.clear();
  return result;
}

void node::advance(const ready& done) {
  if (done.snapshot) received_snapshot_.reset();
  if (!done.entries.empty()) log_.stable_to(done.entries.back().index);
  if (done.state) handed_out_state_ = *done.state;
  if (!done.committed.empty()) log_.applied_to(done.committed.back().index);
  if (role_ != role::leader) return;
  // Our own copy counts only now that it is durable (invariant 3).
  if (progress_[self_].acknowledge(log_.stable()) && maybe_commit()) commit_pending_ = true;
}

void node::compact(std::uint64_t index) {
  assert(index <= log_.applied());
  if (index <= log_.snapshot().index) return;
  snapshot_metadata metadata{index, *log_.term(index), config_at(index)};
  log_.compact(metadata);
  // An image older than the base no longer connects to the log.
  if (snapshot_ && snapshot_->metadata.index < index) snapshot_.reset();
  // Keep the configuration in force at the base and everything after.
  auto keep = config_history_.begin();
  for (auto it = config_history_.begin(); it != config_history_.end(); ++it)
    if (it->first <= index) keep = it;
  config_history_.erase(config_history_.begin(), keep);
}

void node::offer_snapshot(std::uint64_t index, std::vector<std::uint8_t> data) {
  assert(index >= log_.snapshot().index && index <= log_.applied());
  snapshot_ = snapshot{{index, *log_.term(index), config_at(index)}, std::move(data)};
  snapshot_wanted_ = false;
  if (role_ != role::leader) return;
  for (const auto& [id, tracked] : progress_)
    if (id != self_ && !log_.term(tracked.next - 1)) send_append(id, true);
}

}  // namespace troupe::store::raft
