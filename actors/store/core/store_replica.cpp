#include "actors/store/core/store_replica.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

#include "storage/core/store_command_codec.hpp"

namespace troupe::store {

namespace {

// Room the log entry's envelope (term, index, request id) needs around a
// command, so that an accepted command always fits in one entry.
constexpr std::size_t entry_envelope_bytes = 1024;

// How often (in ticks) the leader checks whether retention asks for a
// compaction.
constexpr std::uint32_t retention_check_ticks = 100;

template <class T>
void complete(std::vector<completion<T>>& list, ticket id,
              std::type_identity_t<std::variant<T, store_error>> result) {
  list.push_back(completion<T>{id, std::move(result)});
}

// Admitted work belongs to the current leadership. check_leadership() sees
// the role only in finish() and tick(), but step() can both win and lose a
// leadership between two of those calls; recording the leadership here lets it
// notice that loss and refuse the work at once rather than at its timeout. A
// recorded leadership is kept: work admitted under it may still be pending.
void note_leadership(raft::role& last_role, std::uint64_t& last_term, const raft::node& raft) {
  if (last_role == raft::role::leader) return;
  last_role = raft::role::leader;
  last_term = raft.term();
}

}  // namespace

std::optional<std::string> store_replica_settings::validate() const {
  if (auto error = raft.validate()) return error;
  if (log_entries_retained == 0) return "log_entries_retained: must be at least 1";
  if (machine_changes_max == 0) return "machine_changes_max: must be at least 1";
  if (revisions_retained < 0) return "revisions_retained: must not be negative";
  if (pending_requests_max == 0) return "pending_requests_max: must be at least 1";
  if (request_timeout_ticks == 0) return "request_timeout_ticks: must be at least 1";
  if (watch_batch_events_max == 0) return "watch_batch_events_max: must be at least 1";
  return std::nullopt;
}

std::variant<store_replica, storage::log_store_error> store_replica::open(
    raft::replica_id self, storage::stored_state loaded, storage::configuration bootstrap,
    store_replica_settings settings, std::uint64_t seed) {
  auto restored = storage::mvcc_store::from_image(loaded.machine);
  if (auto* error = std::get_if<store_error>(&restored))
    return storage::log_store_error{*error, "the stored state machine at index " +
                                                std::to_string(loaded.machine.applied) +
                                                " does not load: " + to_string(*error)};
  auto state = std::get<storage::mvcc_store>(std::move(restored));
  raft::persisted_state persisted;
  persisted.applied = loaded.machine.applied;
  persisted.state = loaded.state;
  persisted.base = loaded.base;
  persisted.entries = std::move(loaded.entries);
  persisted.bootstrap = std::move(bootstrap);
  return store_replica(std::move(self), std::move(persisted), std::move(state), settings, seed);
}

store_replica::store_replica(raft::replica_id self, raft::persisted_state persisted,
                             storage::mvcc_store state, store_replica_settings settings,
                             std::uint64_t seed)
    : settings_(settings),
      raft_(
          std::make_unique<raft::node>(std::move(self), std::move(persisted), settings.raft, seed)),
      // Distinct from the Raft core's use of the seed; never 0 (anonymous).
      nonce_((seed * 0x9e3779b97f4a7c15ULL) | 1) {
  machine_durable_ = raft_->log().applied();
  set_state(std::move(state));
}

void store_replica::set_state(storage::mvcc_store state) {
  state_ = std::move(state);
  state_.enable_journal();
}

std::optional<store_error> store_replica::admit() const {
  if (pending_requests() >= settings_.pending_requests_max) return store_error::queue_full;
  if (raft_->current_role() != raft::role::leader)
    return raft_->leader().empty() ? store_error::no_leader : store_error::not_leader;
  return std::nullopt;
}

store_error store_replica::refusal_of(raft::raft_error error) const {
  switch (error) {
    case raft::raft_error::not_leader:
      return raft_->leader().empty() ? store_error::no_leader : store_error::not_leader;
    case raft::raft_error::transfer_in_progress:
      return store_error::no_leader;
    case raft::raft_error::uncommitted_too_large:
    case raft::raft_error::read_queue_full:
    case raft::raft_error::config_change_pending:  // one change at a time: retry later
      return store_error::queue_full;
    case raft::raft_error::learner_behind:
      return store_error::learner_not_ready;
    case raft::raft_error::invalid_change:
      break;
  }
  return store_error::malformed_request;
}

std::optional<store_error> store_replica::submit_txn(ticket id, const txn_request& request) {
  if (auto error = storage::check_txn_request(request)) return error;
  if (auto error = admit()) return error;
  auto command = storage::encode_store_command(request);
  if (command.size() + entry_envelope_bytes > storage::encoded_log_entry_bytes_max)
    return store_error::value_too_large;
  auto sequence = next_sequence_++;
  if (auto error = raft_->propose(std::move(command), {nonce_, sequence}))
    return refusal_of(*error);
  txns_[sequence] = {id, now_ + settings_.request_timeout_ticks};
  note_leadership(last_role_, last_term_, *raft_);
  return std::nullopt;
}

std::optional<store_error> store_replica::submit_compact(ticket id, std::int64_t revision) {
  if (revision <= state_.compacted_revision()) return store_error::compacted;
  if (revision > state_.current_revision()) return store_error::future_revision;
  if (auto error = admit()) return error;
  auto sequence = next_sequence_++;
  auto command = storage::encode_store_command(storage::compact_command{revision});
  if (auto error = raft_->propose(std::move(command), {nonce_, sequence}))
    return refusal_of(*error);
  compactions_[sequence] = {id, now_ + settings_.request_timeout_ticks};
  note_leadership(last_role_, last_term_, *raft_);
  return std::nullopt;
}

std::optional<store_error> store_replica::submit_change(ticket id, const replica_change& change) {
  if (change.replica.empty()) return store_error::malformed_request;
  if (auto error = admit()) return error;
  storage::config_change proposal{storage::config_change_kind::add_learner, change.replica};
  if (change.type == replica_change::kind::add_voter)
    proposal.kind = storage::config_change_kind::add_voter;
  else if (change.type == replica_change::kind::remove)
    proposal.kind = storage::config_change_kind::remove_replica;
  if (auto error = raft_->propose_change(proposal)) return refusal_of(*error);
  note_leadership(last_role_, last_term_, *raft_);
  changes_[raft_->log().last_index()] = {id, now_ + settings_.request_timeout_ticks, raft_->term()};
  return std::nullopt;
}

std::optional<store_error> store_replica::submit_range(ticket id, const range_request& request,
                                                       store_replica_output& out) {
  if (auto error = storage::check_range_request(request)) return error;
  if (request.serializable) {
    complete(out.ranges, id, storage::store_result<range_response>(state_.range(request)));
    return std::nullopt;
  }
  if (auto error = admit()) return error;
  auto context = next_sequence_++;
  if (auto error = raft_->read_index(context)) return refusal_of(*error);
  reads_[context] = {id, request, now_ + settings_.request_timeout_ticks, 0};
  note_leadership(last_role_, last_term_, *raft_);
  return std::nullopt;
}

std::variant<std::uint64_t, store_error> store_replica::watch(const watch_request& request,
                                                              store_replica_output& out) {
  if (auto error = storage::check_key_range({request.key, request.range_end})) return *error;
  if (request.start_revision < 0) return store_error::malformed_request;
  if (watches_.size() >= settings_.watches_max) return store_error::queue_full;
  auto start = request.start_revision == 0 ? state_.current_revision() + 1 : request.start_revision;
  if (start < state_.compacted_revision()) return store_error::compacted;
  auto id = next_watch_++;
  watches_[id] = {request, start};
  deliver_watches(out);
  return id;
}

void store_replica::tick(store_replica_output& out) {
  ++now_;
  raft_->tick();
  auto expire = [&](auto& pending, auto& list) {
    std::erase_if(pending, [&](const auto& item) {
      if (item.second.deadline > now_) return false;
      complete(list, item.second.id, store_error::timeout);
      return true;
    });
  };
  expire(txns_, out.txns);
  expire(compactions_, out.compactions);
  expire(changes_, out.changes);
  expire(reads_, out.ranges);
  std::erase_if(waiting_, [&](const pending_read& read) {
    if (read.deadline > now_) return false;
    complete(out.ranges, read.id, store_error::timeout);
    return true;
  });
  if (now_ % retention_check_ticks == 0) maybe_compact_by_retention();
  check_leadership(out);
  deliver_watches(out);
  maybe_offer_snapshot();
}

void store_replica::maybe_compact_by_retention() {
  if (settings_.revisions_retained == 0 || raft_->current_role() != raft::role::leader) return;
  auto revision = storage::retention_compaction_revision(
      state_.current_revision(), state_.compacted_revision(), settings_.revisions_retained);
  // Compaction scans every key, so it waits until a tenth of the retention
  // has accumulated rather than trimming a few revisions every check.
  auto step = std::max<std::int64_t>(1, settings_.revisions_retained / 10);
  if (!revision || *revision - state_.compacted_revision() < step) return;
  // Nobody waits for it; a refusal (e.g. too much uncommitted) retries later.
  raft_->propose(storage::encode_store_command(storage::compact_command{*revision}),
                 {nonce_, next_sequence_++});
}

std::optional<std::string> store_replica::apply_committed(raft::ready& batch,
                                                          store_replica_output& out) {
  if (batch.snapshot || batch.committed.empty()) return std::nullopt;
  for (const auto& entry : batch.committed)
    if (auto error = apply(entry, out)) return error;
  complete_changes(batch, out);
  // The log learns what is applied (invariant 1) before the state machine's
  // changes are taken for the batch's write.
  raft::ready applied;
  applied.committed = std::move(batch.committed);
  batch.committed.clear();
  raft_->advance(applied);
  deliver_watches(out);
  return std::nullopt;
}

std::optional<std::string> store_replica::finish(const raft::ready& batch,
                                                 store_replica_output& out) {
  if (batch.snapshot) {
    auto restored = storage::mvcc_store::restore(batch.snapshot->data);
    if (auto* error = std::get_if<store_error>(&restored))
      return "the leader's snapshot at index " + std::to_string(batch.snapshot->metadata.index) +
             " does not restore: " + to_string(*error);
    // The durable write that carried the snapshot replaced the stored
    // state machine with it.
    set_state(std::get<storage::mvcc_store>(std::move(restored)));
    machine_durable_ = batch.snapshot->metadata.index;
    compaction_.reset();
  }
  out.messages.insert(out.messages.end(), batch.messages.begin(), batch.messages.end());
  for (const auto& entry : batch.committed)
    if (auto error = apply(entry, out)) return error;
  for (const auto& read : batch.reads) {
    auto found = reads_.find(read.context);
    if (found == reads_.end()) continue;  // timed out meanwhile
    found->second.index = read.index;
    waiting_.push_back(std::move(found->second));
    reads_.erase(found);
  }
  raft_->advance(batch);
  complete_changes(batch, out);
  serve_reads(out);
  check_leadership(out);
  deliver_watches(out);
  maybe_offer_snapshot();
  return std::nullopt;
}

machine_write store_replica::take_machine_write() {
  return machine_write{state_.take_changes(raft_->log().applied()), std::exchange(compaction_, {})};
}

void store_replica::machine_written(const machine_write& done) {
  machine_durable_ = std::max(machine_durable_, done.changes.applied);
  machine_written_at_ = now_;
  maybe_compact_log();
}

bool store_replica::machine_write_due() const {
  if (compaction_) return true;
  auto pending = state_.journal_size();
  return pending >= settings_.machine_changes_max || (pending > 0 && now_ > machine_written_at_);
}

std::optional<std::string> store_replica::apply(const storage::log_entry& entry,
                                                store_replica_output& out) {
  auto* command = std::get_if<storage::command_bytes>(&entry.payload);
  if (!command) return std::nullopt;
  auto decoded = storage::decode_store_command(*command);
  if (auto* error = std::get_if<storage::decode_error>(&decoded))
    return "committed entry " + std::to_string(entry.index) + " does not decode: " + error->message;
  bool ours = entry.request.client == nonce_;
  auto& decoded_command = std::get<storage::store_command>(decoded);
  if (auto* compaction = std::get_if<storage::compact_command>(&decoded_command)) {
    auto refused = state_.compact(compaction->revision);
    auto pending = ours ? compactions_.find(entry.request.sequence) : compactions_.end();
    if (pending != compactions_.end()) {
      std::variant<std::int64_t, store_error> result = compaction->revision;
      if (refused) result = *refused;
      complete(out.compactions, pending->second.id, result);
      compactions_.erase(pending);
    }
    return std::nullopt;
  }
  // Every replica gets the same answer: a refused txn changes nothing anywhere.
  auto result = state_.txn(std::get<txn_request>(decoded_command));
  auto pending = ours ? txns_.find(entry.request.sequence) : txns_.end();
  if (pending != txns_.end()) {
    complete(out.txns, pending->second.id, std::move(result));
    txns_.erase(pending);
  }
  return std::nullopt;
}

void store_replica::complete_changes(const raft::ready& batch, store_replica_output& out) {
  for (const auto& entry : batch.committed) {
    auto pending = changes_.find(entry.index);
    if (pending == changes_.end()) continue;
    if (entry.term != pending->second.term) {
      // A later leader's entry took the index: the change was lost.
      complete(out.changes, pending->second.id, store_error::not_leader);
      changes_.erase(pending);
      continue;
    }
    // Committed changes are in force now (the Raft core applies them at commit).
    const auto& config = raft_->config();
    store_members members{{config.voters.begin(), config.voters.end()},
                          {config.learners.begin(), config.learners.end()}};
    complete(out.changes, pending->second.id, members);
    changes_.erase(pending);
  }
}

void store_replica::serve_reads(store_replica_output& out) {
  auto applied = raft_->log().applied();
  std::erase_if(waiting_, [&](const pending_read& read) {
    if (read.index > applied) return false;
    complete(out.ranges, read.id, state_.range(read.request));
    return true;
  });
}

void store_replica::check_leadership(store_replica_output& out) {
  auto role = raft_->current_role();
  auto term = raft_->term();
  bool lost =
      last_role_ == raft::role::leader && (role != raft::role::leader || term != last_term_);
  last_role_ = role;
  last_term_ = term;
  if (!lost) return;
  // Whatever was proposed may still commit under the next leader; the client
  // retries with the same request id, which applies at most once. Replica
  // changes carry no request id, so they are not refused here: each is
  // answered when its index commits (success if the entry is still its own,
  // as when a leader removes itself) or when it times out.
  auto reason = raft_->leader().empty() ? store_error::no_leader : store_error::not_leader;
  for (const auto& [sequence, txn] : txns_) complete(out.txns, txn.id, reason);
  for (const auto& [sequence, compaction] : compactions_)
    complete(out.compactions, compaction.id, reason);
  for (const auto& [context, read] : reads_) complete(out.ranges, read.id, reason);
  for (const auto& read : waiting_) complete(out.ranges, read.id, reason);
  txns_.clear();
  compactions_.clear();
  reads_.clear();
  waiting_.clear();
}

void store_replica::deliver_watches(store_replica_output& out) {
  for (auto it = watches_.begin(); it != watches_.end();) {
    auto& [id, watch] = *it;
    if (watch.next_revision > state_.current_revision()) {
      ++it;
      continue;
    }
    auto batch = state_.events(watch.request.key, watch.request.range_end, watch.next_revision,
                               settings_.watch_batch_events_max);
    if (auto* error = std::get_if<store_error>(&batch)) {
      // Only compaction (e.g. a snapshot from the leader jumping past the
      // watch) can refuse a watch that was valid: it ends, and says why.
      out.ended_watches.push_back({id, *error});
      it = watches_.erase(it);
      continue;
    }
    auto& events = std::get<storage::mvcc_event_batch>(batch);
    watch.next_revision = events.next_revision;
    if (!events.events.empty())
      out.watch.push_back(watch_events{id, std::move(events.events), events.next_revision - 1});
    ++it;
  }
}

void store_replica::maybe_compact_log() {
  auto retained = settings_.log_entries_retained;
  auto base = raft_->log().snapshot().index;
  if (machine_durable_ < base + 2 * retained) return;
  raft_->compact(machine_durable_ - retained);
  compaction_ = raft_->log().snapshot();
}

void store_replica::maybe_offer_snapshot() {
  if (!raft_->wants_snapshot()) return;
  raft_->offer_snapshot(raft_->log().applied(), state_.snapshot());
}

}  // namespace troupe::store
