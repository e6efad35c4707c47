#include "tests/sim/raft_cluster.hpp"

#include "storage/core/memory_log_store.hpp"
#include "storage/core/mvcc_store.hpp"
#include "storage/core/store_command_codec.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <queue>

namespace troupe::testing {

namespace {

using namespace troupe::store::raft;

constexpr std::uint64_t tick_ms = 10;
constexpr std::uint64_t client_timeout_ms = 600;
// The log keeps this many entries behind the durable state machine and is
// compacted once twice that accumulated: small, so that snapshots are sent.
constexpr std::size_t compact_entries_retained = 8;
constexpr std::uint64_t expensive_check_every_ms = 20;
const std::vector<std::string> keys{"a", "b", "c"};

struct replica_state {
  std::string name;
  std::shared_ptr<storage::memory_disk> disk = std::make_shared<storage::memory_disk>();
  std::unique_ptr<node> raft;  // null while crashed
  storage::mvcc_store store;   // journaled: its changes go to the disk with the next write
  std::uint64_t applied = 0;
  std::uint64_t machine_durable = 0;  // the applied index of the state machine on disk
  std::optional<storage::snapshot_metadata> compaction;  // for the next write
  std::uint64_t tick_offset_ms = 0;
  std::vector<read_state> confirmed_reads;
  std::uint64_t last_leader_term = 0;
};

struct in_flight {
  std::uint64_t deliver_ms = 0;
  std::uint64_t sequence = 0;
  message content;
  bool operator>(const in_flight& other) const {
    return std::tie(deliver_ms, sequence) > std::tie(other.deliver_ms, other.sequence);
  }
};

struct pending_operation {
  std::size_t history_index = 0;
  std::string replica;
  std::uint64_t deadline_ms = 0;
};

// A put of one key as the store's transaction format.
storage::command_bytes put_command(const std::string& key, const std::string& value,
                                   std::uint64_t client) {
  txn_request request;
  request.success.push_back({txn_operation::kind::put, key, "", value});
  request.client = client;
  request.sequence = 1;
  return storage::encode_store_command(request);
}

// A client watching every key from revision 2 (the first write) on, attached
// to one replica and re-attached to another when that one crashes.
struct watcher {
  std::string replica;
  std::int64_t next_revision = 2;
  std::size_t received = 0;
};

class simulation {
 public:
  explicit simulation(const simulation_options& options)
      : options_(options), random_(options.seed) {
    for (std::size_t i = 0; i < options.replicas; ++i) {
      replica_state replica;
      replica.name = "r" + std::to_string(i);
      replica.tick_offset_ms = random_() % tick_ms;
      bootstrap_.voters.insert(replica.name);
      replicas_.push_back(std::move(replica));
    }
    settings_.election_ticks = 10;
    settings_.heartbeat_ticks = 1;
    settings_.message_bytes_max = 512;  // small, to exercise batching bounds
    settings_.inflight_messages_max = 4;
    settings_.uncommitted_bytes_max = 16 * 1024;
    for (auto& replica : replicas_) restart(replica);
    watchers_.push_back({replicas_.front().name});
    watchers_.push_back({replicas_.back().name});
  }

  simulation_result run();

 private:
  bool chance(double probability) {
    return std::uniform_real_distribution<double>(0, 1)(random_) < probability;
  }
  std::size_t pick(std::size_t count) { return static_cast<std::size_t>(random_() % count); }
  [[noreturn]] void fail(const std::string& what) {
    throw invariant_violation("seed " + std::to_string(options_.seed) + " at " +
                              std::to_string(now_ms_) + " ms: " + what);
  }
  replica_state* find(const std::string& name) {
    for (auto& replica : replicas_)
      if (replica.name == name) return &replica;
    return nullptr;
  }
  replica_state* leader() {
    replica_state* best = nullptr;
    for (auto& replica : replicas_)
      if (replica.raft && replica.raft->current_role() == role::leader &&
          (!best || replica.raft->term() > best->raft->term()))
        best = &replica;
    return best;
  }

  void restart(replica_state& replica);
  void crash(replica_state& replica);
  void send(const message& outgoing);
  void deliver();
  void process_ready(replica_state& replica);
  void apply(replica_state& replica, const log_entry& entry);
  void serve_reads(replica_state& replica);
  void maybe_compact(replica_state& replica);
  void offer_snapshot(replica_state& replica);
  void record_commits(replica_state& replica);
  void client_operation();
  void inject_fault();
  void change_membership(replica_state& leader);
  void expire_operations();
  storage::mvcc_store restore_store(const std::vector<std::uint8_t>& image);
  void read_value(replica_state& replica, recorded_operation& operation);
  void advance_watchers();
  void check_election_safety();
  void check_logs();
  bool converged();
  void dump_state();

  simulation_options options_;
  std::mt19937_64 random_;
  raft_settings settings_;
  configuration bootstrap_;
  std::vector<replica_state> replicas_;
  std::priority_queue<in_flight, std::vector<in_flight>, std::greater<>> network_;
  std::uint64_t sequence_ = 0;
  std::uint64_t now_ms_ = 0;
  bool faults_ = true;
  std::set<std::string> partition_side_;  // empty: no partition
  std::map<std::uint64_t, std::string> leader_of_term_;
  // index -> entry as first applied anywhere (state-machine safety)
  std::map<std::uint64_t, log_entry> applied_entries_;
  // index -> (term of the leader that first committed it, entry term)
  std::map<std::uint64_t, std::pair<std::uint64_t, std::uint64_t>> committed_;
  // The watch stream as the first watcher to reach each position saw it;
  // every watcher must see exactly this sequence.
  std::vector<key_value> canonical_events_;
  std::vector<watcher> watchers_;
  std::uint64_t next_client_ = 1;
  std::map<std::pair<std::uint64_t, std::uint64_t>, pending_operation> pending_puts_;
  std::map<std::uint64_t, pending_operation> pending_gets_;  // by read context
  simulation_result result_;
};

void simulation::restart(replica_state& replica) {
  auto loaded = storage::memory_log_store(replica.disk).load();
  if (!std::holds_alternative<storage::stored_state>(loaded)) fail(replica.name + " cannot load");
  auto& stored = std::get<storage::stored_state>(loaded);
  persisted_state persisted;
  persisted.state = stored.state;
  persisted.base = stored.base;
  persisted.entries = std::move(stored.entries);
  persisted.bootstrap = bootstrap_;
  auto restored = storage::mvcc_store::from_image(stored.machine);
  if (!std::holds_alternative<storage::mvcc_store>(restored))
    fail(replica.name + " cannot load its state machine");
  replica.store = std::get<storage::mvcc_store>(std::move(restored));
  replica.store.enable_journal();
  replica.applied = stored.machine.applied;
  replica.machine_durable = replica.applied;
  replica.compaction.reset();
  persisted.applied = replica.applied;
  replica.confirmed_reads.clear();
  replica.raft = std::make_unique<node>(replica.name, std::move(persisted), settings_, random_());
}

void simulation::crash(replica_state& replica) {
  replica.raft.reset();
  replica.store = storage::mvcc_store{};
  replica.confirmed_reads.clear();
}

void simulation::send(const message& outgoing) {
  if (faults_ && chance(0.03)) return;  // lost
  auto copies = faults_ && chance(0.02) ? 2 : 1;
  for (int i = 0; i < copies; ++i) {
    auto delay = 1 + random_() % 5;
    if (faults_ && chance(0.05)) delay += 20 + random_() % 60;  // reordered far behind
    network_.push({now_ms_ + delay, sequence_++, outgoing});
  }
}

void simulation::deliver() {
  while (!network_.empty() && network_.top().deliver_ms <= now_ms_) {
    auto next = network_.top();
    network_.pop();
    auto* target = find(next.content.to);
    if (!target || !target->raft) continue;
    bool split = !partition_side_.empty() && (partition_side_.count(next.content.from) !=
                                              partition_side_.count(next.content.to));
    if (split) continue;
    target->raft->step(next.content);
  }
}

void simulation::process_ready(replica_state& replica) {
  offer_snapshot(replica);
  while (replica.raft && replica.raft->has_ready()) {
    record_commits(replica);
    auto batch = replica.raft->take_ready();
    storage::memory_log_store store(replica.disk);
    if (faults_ && chance(0.001)) store.fail_writes(1);
    // Under faults the state machine's changes sometimes wait for a later
    // write, so restarts re-apply committed entries on top of an older
    // durable state machine.
    bool with_machine = !faults_ || chance(0.7);
    storage::machine_changes changes;
    storage::durable_write write{.received = batch.snapshot ? &*batch.snapshot : nullptr,
                                 .entries = batch.entries,
                                 .state = batch.state};
    if (with_machine) {
      changes = replica.store.take_changes(replica.applied);
      write.machine = &changes;
      write.compaction = std::exchange(replica.compaction, std::nullopt);
    }
    if (store.save(write)) {
      // Nothing of the batch is durable: the replica must not act on it
      // (persist before send), so it stops, losing its unsynced state.
      crash(replica);
      return;
    }
    if (with_machine) replica.machine_durable = changes.applied;
    if (batch.snapshot) {
      replica.store = restore_store(batch.snapshot->data);
      replica.store.enable_journal();
      replica.applied = batch.snapshot->metadata.index;
      replica.machine_durable = replica.applied;
      replica.compaction.reset();
      ++result_.snapshots_installed;
    }
    for (const auto& outgoing : batch.messages) send(outgoing);
    for (const auto& entry : batch.committed) apply(replica, entry);
    replica.confirmed_reads.insert(replica.confirmed_reads.end(), batch.reads.begin(),
                                   batch.reads.end());
    serve_reads(replica);
    replica.raft->advance(batch);
    record_commits(replica);
    maybe_compact(replica);
    offer_snapshot(replica);
  }
}

void simulation::apply(replica_state& replica, const log_entry& entry) {
  if (entry.index <= replica.applied) return;
  if (entry.index != replica.applied + 1)
    fail(replica.name + " applies " + std::to_string(entry.index) + " after " +
         std::to_string(replica.applied));
  auto [known, inserted] = applied_entries_.emplace(entry.index, entry);
  if (!inserted && !(known->second == entry))
    fail("state-machine safety: " + replica.name + " applies a different entry at " +
         std::to_string(entry.index));
  replica.applied = entry.index;
  auto* command = std::get_if<storage::command_bytes>(&entry.payload);
  if (!command) return;
  auto request = storage::decode_store_command(*command);
  if (auto* error = std::get_if<storage::decode_error>(&request))
    fail(replica.name + " cannot decode entry " + std::to_string(entry.index) + ": " +
         error->message);
  auto outcome =
      replica.store.txn(std::get<txn_request>(std::get<storage::store_command>(request)));
  if (!std::holds_alternative<txn_response>(outcome))
    fail(replica.name + " refused entry " + std::to_string(entry.index));
  auto pending = pending_puts_.find({entry.request.client, entry.request.sequence});
  if (pending != pending_puts_.end() && pending->second.replica == replica.name) {
    auto& operation = result_.history[pending->second.history_index];
    operation.completed = true;
    operation.completed_ms = now_ms_;
    pending_puts_.erase(pending);
  }
}

void simulation::serve_reads(replica_state& replica) {
  std::erase_if(replica.confirmed_reads, [&](const read_state& read) {
    if (read.index > replica.applied) return false;
    auto pending = pending_gets_.find(read.context);
    if (pending != pending_gets_.end() && pending->second.replica == replica.name) {
      auto& operation = result_.history[pending->second.history_index];
      read_value(replica, operation);
      operation.completed = true;
      operation.completed_ms = now_ms_;
      pending_gets_.erase(pending);
    }
    return true;
  });
}

void simulation::maybe_compact(replica_state& replica) {
  auto& raft = *replica.raft;
  if (replica.machine_durable < raft.log().snapshot().index + 2 * compact_entries_retained) return;
  raft.compact(replica.machine_durable - compact_entries_retained);
  replica.compaction = raft.log().snapshot();
}

void simulation::offer_snapshot(replica_state& replica) {
  if (!replica.raft || !replica.raft->wants_snapshot()) return;
  replica.raft->offer_snapshot(replica.applied, replica.store.snapshot());
}

void simulation::record_commits(replica_state& replica) {
  auto& raft = *replica.raft;
  if (raft.current_role() != role::leader) return;
  auto from = committed_.empty() ? 1 : committed_.rbegin()->first + 1;
  for (auto index = std::max(from, raft.log().first_index()); index <= raft.log().committed();
       ++index)
    committed_[index] = {raft.term(), *raft.log().term(index)};
}

void simulation::client_operation() {
  // Clients mostly find the leader; some ask whichever replica they reach.
  auto* target = chance(0.7) ? leader() : nullptr;
  auto& replica = target ? *target : replicas_[pick(replicas_.size())];
  if (!replica.raft) return;
  recorded_operation operation;
  operation.client = next_client_++;
  operation.key = keys[pick(keys.size())];
  operation.invoked_ms = now_ms_;
  if (chance(0.5)) {
    operation.type = recorded_operation::kind::put;
    operation.value = "v" + std::to_string(operation.client);
    storage::request_id request{operation.client, 1};
    if (replica.raft->propose(put_command(operation.key, operation.value, operation.client),
                              request))
      return;
    pending_puts_[{request.client, request.sequence}] = {result_.history.size(), replica.name,
                                                         now_ms_ + client_timeout_ms};
    result_.history.push_back(operation);
    return;
  }
  operation.type = recorded_operation::kind::get;
  if (options_.stale_reads) {
    read_value(replica, operation);
    operation.completed = true;
    operation.completed_ms = now_ms_;
    result_.history.push_back(operation);
    return;
  }
  if (replica.raft->read_index(operation.client)) return;
  pending_gets_[operation.client] = {result_.history.size(), replica.name,
                                     now_ms_ + client_timeout_ms};
  result_.history.push_back(operation);
}

void simulation::change_membership(replica_state& leader_replica) {
  auto& raft = *leader_replica.raft;
  const auto& config = raft.config();
  std::vector<std::string> outsiders;
  for (const auto& replica : replicas_)
    if (!config.voters.count(replica.name)) outsiders.push_back(replica.name);
  if (config.voters.size() > 3 && chance(0.5)) {
    std::vector<std::string> voters(config.voters.begin(), config.voters.end());
    auto victim = voters[pick(voters.size())];
    // The leader may remove itself: it then steps down after the commit.
    raft.propose_change({storage::config_change_kind::remove_replica, victim});
  } else if (!outsiders.empty()) {
    auto name = outsiders[pick(outsiders.size())];
    auto kind = config.learners.count(name) ? storage::config_change_kind::add_voter
                                            : storage::config_change_kind::add_learner;
    raft.propose_change({kind, name});
  }
}

void simulation::inject_fault() {
  auto& replica = replicas_[pick(replicas_.size())];
  switch (pick(options_.membership_changes ? 7 : 6)) {
    case 0:
      if (replica.raft) crash(replica);
      break;
    case 1:
      if (!replica.raft) restart(replica);
      break;
    case 2:
      partition_side_.clear();
      for (const auto& member : replicas_)
        if (chance(0.5)) partition_side_.insert(member.name);
      break;
    case 3:
      partition_side_.clear();
      break;
    case 4:
      if (auto* current = leader())
        current->raft->transfer_leadership(replicas_[pick(replicas_.size())].name);
      break;
    case 5:
      // The replica's clock jumps ahead: a burst of ticks at once.
      if (replica.raft)
        for (std::uint32_t i = 0; i < settings_.election_ticks; ++i) replica.raft->tick();
      break;
    case 6:
      if (auto* current = leader()) change_membership(*current);
      break;
  }
}

void simulation::expire_operations() {
  std::erase_if(pending_puts_, [&](const auto& item) {
    return item.second.deadline_ms <= now_ms_;  // outcome stays unknown
  });
  // A lost read stays uncompleted and is dropped from the history at the end.
  std::erase_if(pending_gets_,
                [&](const auto& item) { return item.second.deadline_ms <= now_ms_; });
}

storage::mvcc_store simulation::restore_store(const std::vector<std::uint8_t>& image) {
  auto restored = storage::mvcc_store::restore(image);
  if (!std::holds_alternative<storage::mvcc_store>(restored)) fail("a snapshot does not restore");
  return std::get<storage::mvcc_store>(std::move(restored));
}

void simulation::read_value(replica_state& replica, recorded_operation& operation) {
  range_request request;
  request.key = operation.key;
  auto answer = replica.store.range(request);
  if (!std::holds_alternative<range_response>(answer)) fail("a read of the latest revision failed");
  const auto& kvs = std::get<range_response>(answer).kvs;
  operation.found = !kvs.empty();
  operation.value = operation.found ? kvs.front().value : "";
}

// Watchers must see every revision once, in order, whichever replicas serve
// them across crashes and leader changes.
void simulation::advance_watchers() {
  constexpr std::size_t batch_events_max = 8;
  for (auto& watch : watchers_) {
    auto* replica = find(watch.replica);
    if (!replica || !replica->raft) {
      auto& other = replicas_[pick(replicas_.size())];
      if (other.raft) watch.replica = other.name;
      continue;
    }
    // Every key, as etcd writes it: from "\0" to the end ("\0").
    const std::string every_key(1, '\0');
    auto batch = replica->store.events(every_key, every_key, watch.next_revision, batch_events_max);
    if (!std::holds_alternative<storage::mvcc_event_batch>(batch))
      fail("watch from revision " + std::to_string(watch.next_revision) + " failed on " +
           replica->name);
    const auto& events = std::get<storage::mvcc_event_batch>(batch);
    for (const auto& event : events.events) {
      if (event.mod_revision != watch.next_revision)
        fail("watch gap or duplicate on " + replica->name + ": expected revision " +
             std::to_string(watch.next_revision) + ", got " + std::to_string(event.mod_revision));
      if (watch.received == canonical_events_.size()) canonical_events_.push_back(event);
      const auto& expected = canonical_events_[watch.received];
      if (event.key != expected.key || event.value != expected.value ||
          event.mod_revision != expected.mod_revision)
        fail("watch streams differ at revision " + std::to_string(event.mod_revision));
      ++watch.received;
      ++watch.next_revision;
    }
  }
}

void simulation::check_election_safety() {
  for (auto& replica : replicas_) {
    if (!replica.raft || replica.raft->current_role() != role::leader) continue;
    auto [known, inserted] = leader_of_term_.emplace(replica.raft->term(), replica.name);
    if (!inserted && known->second != replica.name)
      fail("election safety: " + known->second + " and " + replica.name + " lead term " +
           std::to_string(replica.raft->term()));
    if (inserted) ++result_.leaders_elected;
  }
}

void simulation::check_logs() {
  std::vector<replica_state*> live;
  for (auto& replica : replicas_)
    if (replica.raft) live.push_back(&replica);
  for (std::size_t i = 0; i < live.size(); ++i) {
    const auto& log_a = live[i]->raft->log();
    for (std::size_t j = i + 1; j < live.size(); ++j) {
      const auto& log_b = live[j]->raft->log();
      auto low = std::max(log_a.first_index(), log_b.first_index());
      auto high = std::min(log_a.last_index(), log_b.last_index());
      if (low > high) continue;
      auto entries_a = log_a.entries_from(low, std::numeric_limits<std::size_t>::max());
      auto entries_b = log_b.entries_from(low, std::numeric_limits<std::size_t>::max());
      // From the highest index where the terms agree, everything below must agree.
      bool agreeing = false;
      for (auto index = high; index >= low; --index) {
        const auto& a = entries_a[index - low];
        const auto& b = entries_b[index - low];
        agreeing = agreeing || a.term == b.term;
        if (agreeing && !(a == b))
          fail("log matching: " + live[i]->name + " and " + live[j]->name + " differ at " +
               std::to_string(index));
        if (index == 0) break;
      }
    }
  }
  for (auto* replica : live) {
    auto& raft = *replica->raft;
    if (raft.current_role() != role::leader) continue;
    for (const auto& [index, terms] : committed_) {
      if (terms.first >= raft.term() || index < raft.log().first_index()) continue;
      if (raft.log().term(index) != terms.second)
        fail("leader completeness: leader " + replica->name + " of term " +
             std::to_string(raft.term()) + " lacks committed entry " + std::to_string(index));
    }
  }
}

bool simulation::converged() {
  auto* current = leader();
  if (!current) return false;
  auto& raft = *current->raft;
  if (raft.log().term(raft.log().committed()) != raft.term()) return false;
  if (raft.log().committed() != raft.log().last_index()) return false;
  auto members = raft.config().voters;
  members.insert(raft.config().learners.begin(), raft.config().learners.end());
  for (const auto& name : members) {
    auto* replica = find(name);
    if (!replica->raft || replica->applied != raft.log().committed()) return false;
  }
  return true;
}

// TROUPE_SIM_DEBUG=1: the final state of every replica, to debug a seed.
void simulation::dump_state() {
  for (auto& replica : replicas_) {
    if (!replica.raft) {
      std::fprintf(stderr, "%s down\n", replica.name.c_str());
      continue;
    }
    const auto& raft = *replica.raft;
    std::fprintf(stderr, "%s %s term %llu leader %s commit %llu last %llu applied %llu\n",
                 replica.name.c_str(), to_string(raft.current_role()).c_str(),
                 static_cast<unsigned long long>(raft.term()), raft.leader().c_str(),
                 static_cast<unsigned long long>(raft.log().committed()),
                 static_cast<unsigned long long>(raft.log().last_index()),
                 static_cast<unsigned long long>(replica.applied));
    for (const auto& [id, tracked] : raft.followers())
      std::fprintf(stderr, "  %s match %llu next %llu mode %d inflight %zu\n", id.c_str(),
                   static_cast<unsigned long long>(tracked.match),
                   static_cast<unsigned long long>(tracked.next), static_cast<int>(tracked.state),
                   tracked.inflight.size());
  }
}

simulation_result simulation::run() {
  auto end_ms = options_.safety_ms + options_.liveness_ms;
  for (now_ms_ = 1; now_ms_ <= end_ms; ++now_ms_) {
    if (faults_ && now_ms_ > options_.safety_ms) {
      faults_ = false;  // liveness: heal everything and let it converge
      partition_side_.clear();
      for (auto& replica : replicas_)
        if (!replica.raft) restart(replica);
    }
    for (auto& replica : replicas_)
      if (replica.raft && now_ms_ % tick_ms == replica.tick_offset_ms) replica.raft->tick();
    deliver();
    if (chance(faults_ ? 0.1 : 0.01)) client_operation();
    if (faults_ && chance(0.004)) inject_fault();
    for (auto& replica : replicas_) process_ready(replica);
    expire_operations();
    advance_watchers();
    check_election_safety();
    if (now_ms_ % expensive_check_every_ms == 0) check_logs();
    if (!faults_ && converged() && pending_puts_.empty() && pending_gets_.empty()) {
      result_.converged = true;
      result_.converged_at_ms = now_ms_;
      break;
    }
  }
  if (std::getenv("TROUPE_SIM_DEBUG")) dump_state();
  check_logs();
  result_.entries_applied = applied_entries_.size();
  result_.watch_events = canonical_events_.size();
  for (const auto& [index, entry] : applied_entries_)
    if (std::holds_alternative<storage::config_change>(entry.payload)) ++result_.membership_changes;
  std::erase_if(result_.history, [](const recorded_operation& operation) {
    return operation.type == recorded_operation::kind::get && !operation.completed;
  });
  return std::move(result_);
}

}  // namespace

simulation_result simulate(const simulation_options& options) {
  return simulation(options).run();
}

}  // namespace troupe::testing
