// The store replica core (actors/store/core/store_replica.hpp): Raft joined to
// the MVCC state machine, with client tickets, limits, timeouts, watches,
// compaction and snapshots. Replicas run in one process over an in-memory
// network and in-memory disks, driven the way the replica actor drives them
// (apply each ready batch's committed entries, persist the batch, then
// finish() it and carry out its output).
// Everything is deterministic: fixed seeds and first-in first-out delivery.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "actors/store/core/store_replica.hpp"
#include "storage/core/memory_log_store.hpp"

// Refusals print by name in failure messages.
namespace Catch {
template <>
struct StringMaker<troupe::store_error> {
  static std::string convert(troupe::store_error value) { return troupe::to_string(value); }
};
template <>
struct StringMaker<std::optional<troupe::store_error>> {
  static std::string convert(const std::optional<troupe::store_error>& value) {
    return value ? troupe::to_string(*value) : "no error";
  }
};
}  // namespace Catch

using namespace troupe;
using namespace troupe::store;

namespace {

store_replica_settings test_settings() {
  store_replica_settings settings;
  settings.raft.election_ticks = 10;
  settings.raft.heartbeat_ticks = 1;
  return settings;
}

txn_request put(const std::string& key, const std::string& value, std::uint64_t client = 0,
                std::uint64_t sequence = 0) {
  txn_request request;
  request.success.push_back({txn_operation::kind::put, key, "", value});
  request.client = client;
  request.sequence = sequence;
  return request;
}

txn_request delete_key(const std::string& key) {
  txn_request request;
  request.success.push_back({txn_operation::kind::remove, key, "", ""});
  return request;
}

range_request read(const std::string& key, bool serializable = false, std::int64_t revision = 0) {
  range_request request;
  request.key = key;
  request.revision = revision;
  request.serializable = serializable;
  return request;
}

watch_request watch_of(const std::string& key, const std::string& range_end,
                       std::int64_t start_revision) {
  return watch_request{key, range_end, start_revision};
}

// "key=value v<version> @<mod_revision>", or "key deleted @<revision>".
std::string describe(const key_value& kv) {
  if (kv.version == 0) return kv.key + " deleted @" + std::to_string(kv.mod_revision);
  return kv.key + "=" + kv.value + " v" + std::to_string(kv.version) + " @" +
         std::to_string(kv.mod_revision);
}

std::vector<std::string> describe(const std::vector<key_value>& kvs) {
  std::vector<std::string> lines;
  for (const auto& kv : kvs) lines.push_back(describe(kv));
  return lines;
}

template <class T>
std::optional<store_error> error_of(const std::variant<T, store_error>& result) {
  if (const auto* error = std::get_if<store_error>(&result)) return *error;
  return std::nullopt;
}

// Every completion of ticket `id` in `list`: a ticket must complete exactly
// once, so callers check the count before looking at the result.
template <class T>
std::vector<std::variant<T, store_error>> completions_of(const std::vector<completion<T>>& list,
                                                         ticket id) {
  std::vector<std::variant<T, store_error>> found;
  for (const auto& done : list)
    if (done.id == id) found.push_back(done.result);
  return found;
}

template <class T>
std::variant<T, store_error> the_completion(const std::vector<completion<T>>& list, ticket id) {
  auto found = completions_of(list, id);
  INFO("ticket " << id);
  REQUIRE(found.size() == 1);
  return found.front();
}

template <class T>
T answer_of(const std::variant<T, store_error>& result) {
  INFO("refused: " << (error_of(result) ? to_string(*error_of(result)) : ""));
  REQUIRE(std::holds_alternative<T>(result));
  return std::get<T>(result);
}

// Every key of the store as of its current revision.
std::vector<std::string> contents(const store_replica& replica) {
  const std::string every_key(1, '\0');
  range_request everything;
  everything.key = every_key;
  everything.range_end = every_key;
  return describe(answer_of(replica.state().range(everything)).kvs);
}

// One replica with its disk and everything it has put out except messages
// (which go to the network).
struct member {
  std::string name;
  std::shared_ptr<storage::memory_disk> disk = std::make_shared<storage::memory_disk>();
  std::optional<store_replica> core;
  // Down: neither ticked nor driven, and every message to or from it is lost.
  bool up = true;
  std::uint64_t incarnation = 0;
  std::vector<completion<txn_response>> txns;
  std::vector<completion<range_response>> ranges;
  std::vector<completion<std::int64_t>> compactions;
  std::vector<completion<store_members>> changes;
  std::vector<watch_events> watch;
  std::vector<std::pair<std::uint64_t, store_error>> ended_watches;
  std::size_t snapshots_installed = 0;  // received from the leader
  std::size_t compactions_stored = 0;   // log compactions it wrote
  // Txns answered by apply_committed(), before the batch was persisted, and
  // how many of them came with new entries (answers that did not wait for
  // the write of those).
  std::vector<ticket> answered_before_write;
  std::size_t answered_ahead_of_entries = 0;
};

class cluster {
 public:
  explicit cluster(std::size_t size, store_replica_settings settings = test_settings())
      : settings_(settings) {
    REQUIRE_FALSE(settings_.validate());
    for (std::size_t i = 0; i < size; ++i) bootstrap_.voters.insert("r" + std::to_string(i));
    members_.resize(size);
    for (std::size_t i = 0; i < size; ++i) {
      members_[i].name = "r" + std::to_string(i);
      open(i);
    }
  }

  // As the replica actor does; off, finish() applies every committed entry.
  bool apply_before_write = true;

  member& operator[](std::size_t i) { return members_[i]; }
  store_replica& replica(std::size_t i) { return *members_[i].core; }
  std::size_t size() const { return members_.size(); }
  ticket next_ticket() { return next_ticket_++; }

  // Inputs that produce output at once, carried out like finish()'s.
  std::optional<store_error> submit_range(std::size_t i, ticket id, const range_request& request) {
    store_replica_output out;
    auto refused = replica(i).submit_range(id, request, out);
    collect(i, out);
    return refused;
  }
  std::variant<std::uint64_t, store_error> watch(std::size_t i, const watch_request& request) {
    store_replica_output out;
    auto started = replica(i).watch(request, out);
    collect(i, out);
    return started;
  }

  // Until nothing moves: rounds of delivery and processing.
  void drive() {
    for (int round = 0; this->round(); ++round)
      REQUIRE(round < 10'000);  // a livelock must fail, not hang
  }

  // Delivers every message in flight, then lets every up replica process
  // each of its ready batches. Returns whether anything moved.
  bool round() {
    bool moved = !network_.empty();
    for (auto pending = std::exchange(network_, {}); !pending.empty(); pending.pop_front())
      deliver(pending.front());
    for (std::size_t i = 0; i < members_.size(); ++i) {
      if (!members_[i].up) continue;
      while (replica(i).has_ready()) {
        moved = true;
        process_ready(i);
      }
    }
    return moved;
  }

  // `times` ticks of every up replica, each followed by drive().
  void tick(std::size_t times = 1) {
    for (std::size_t t = 0; t < times; ++t) {
      for (std::size_t i = 0; i < members_.size(); ++i) {
        if (!members_[i].up) continue;
        store_replica_output out;
        replica(i).tick(out);
        collect(i, out);
      }
      drive();
    }
  }

  // Ticks until one of `among` (default: every up replica) leads and all of
  // them know it; returns its index.
  std::size_t elect(std::vector<std::size_t> among = {}) {
    if (among.empty())
      for (std::size_t i = 0; i < members_.size(); ++i)
        if (members_[i].up) among.push_back(i);
    for (int ticks = 0; ticks < 500; ++ticks) {
      for (auto candidate : among) {
        if (replica(candidate).raft().current_role() != raft::role::leader) continue;
        bool known = true;
        for (auto other : among)
          known = known && replica(other).leader() == members_[candidate].name;
        if (known) return candidate;
      }
      tick();
    }
    FAIL("no leader elected within 500 ticks");
    return 0;
  }

  // A new incarnation of replica i from what its disk holds (a crash and
  // restart: nothing in memory survives).
  void restart(std::size_t i) {
    ++members_[i].incarnation;
    open(i);
  }

  // Messages from `from` to `to` are lost until heal().
  void cut(std::size_t from, std::size_t to) {
    cut_.insert({members_[from].name, members_[to].name});
  }
  void isolate(std::size_t i) {
    for (std::size_t other = 0; other < members_.size(); ++other) {
      if (other == i) continue;
      cut(i, other);
      cut(other, i);
    }
  }
  void heal() { cut_.clear(); }

  // Carries out `out` for replica i: messages to the network, the rest kept
  // for the test to inspect.
  void collect(std::size_t i, store_replica_output& out) {
    auto& m = members_[i];
    network_.insert(network_.end(), out.messages.begin(), out.messages.end());
    m.txns.insert(m.txns.end(), out.txns.begin(), out.txns.end());
    m.ranges.insert(m.ranges.end(), out.ranges.begin(), out.ranges.end());
    m.compactions.insert(m.compactions.end(), out.compactions.begin(), out.compactions.end());
    m.changes.insert(m.changes.end(), out.changes.begin(), out.changes.end());
    m.watch.insert(m.watch.end(), out.watch.begin(), out.watch.end());
    m.ended_watches.insert(m.ended_watches.end(), out.ended_watches.begin(),
                           out.ended_watches.end());
  }

 private:
  void open(std::size_t i) {
    auto& m = members_[i];
    auto loaded = storage::memory_log_store(m.disk).load();
    REQUIRE(std::holds_alternative<storage::stored_state>(loaded));
    // Each incarnation needs its own seed: it names its proposals (nonce).
    auto seed = 1 + i + 1000 * m.incarnation;
    auto opened = store_replica::open(m.name, std::get<storage::stored_state>(std::move(loaded)),
                                      bootstrap_, settings_, seed);
    if (auto* error = std::get_if<storage::log_store_error>(&opened))
      FAIL(m.name << " does not open: " << error->message);
    m.core.reset();
    m.core.emplace(std::get<store_replica>(std::move(opened)));
  }

  member* find(const std::string& name) {
    for (auto& m : members_)
      if (m.name == name) return &m;
    return nullptr;
  }

  void deliver(const raft::message& message) {
    auto* from = find(message.from);
    auto* to = find(message.to);
    REQUIRE(from);
    REQUIRE(to);
    if (!from->up || !to->up || cut_.count({message.from, message.to})) return;
    to->core->step(message);
  }

  void process_ready(std::size_t i) {
    auto& m = members_[i];
    auto batch = replica(i).take_ready();
    if (apply_before_write) {
      store_replica_output applied;
      if (auto fatal = replica(i).apply_committed(batch, applied))
        FAIL(m.name << " stops: " << *fatal);
      for (const auto& done : applied.txns) m.answered_before_write.push_back(done.id);
      if (!batch.entries.empty()) m.answered_ahead_of_entries += applied.txns.size();
      collect(i, applied);
    }
    auto machine = replica(i).take_machine_write();
    storage::durable_write write{&machine.changes, machine.compaction,
                                 batch.snapshot ? &*batch.snapshot : nullptr, batch.entries,
                                 batch.state};
    if (auto error = storage::memory_log_store(m.disk).save(write))
      FAIL(m.name << " cannot persist: " << error->message);
    replica(i).machine_written(machine);
    if (machine.compaction) ++m.compactions_stored;
    if (batch.snapshot) ++m.snapshots_installed;
    store_replica_output out;
    if (auto fatal = replica(i).finish(batch, out)) FAIL(m.name << " stops: " << *fatal);
    collect(i, out);
  }

  store_replica_settings settings_;
  storage::configuration bootstrap_;
  std::vector<member> members_;
  std::deque<raft::message> network_;
  std::set<std::pair<std::string, std::string>> cut_;
  ticket next_ticket_ = 1;
};

// Submits `request` at replica i, drives, and returns its one completion.
std::variant<txn_response, store_error> run_txn(cluster& c, std::size_t i,
                                                const txn_request& request) {
  auto id = c.next_ticket();
  auto refused = c.replica(i).submit_txn(id, request);
  INFO("refused: " << (refused ? to_string(*refused) : ""));
  REQUIRE_FALSE(refused);
  c.drive();
  return the_completion(c[i].txns, id);
}

// A put that must succeed; returns its revision.
std::int64_t commit_put(cluster& c, std::size_t i, const std::string& key,
                        const std::string& value) {
  auto response = answer_of(run_txn(c, i, put(key, value)));
  REQUIRE(response.succeeded);
  return response.revision;
}

// Every watch event delivered to watch `id` so far, and the revision the last
// delivery covered (0: none).
struct watch_stream {
  std::vector<std::string> events;
  std::int64_t covered = 0;
};

watch_stream stream_of(const member& m, std::uint64_t id) {
  watch_stream stream;
  for (const auto& delivery : m.watch) {
    if (delivery.watch_id != id) continue;
    // Deliveries advance: each covers later revisions than the one before.
    CHECK(delivery.revision > stream.covered);
    CHECK_FALSE(delivery.puts_and_deletes.empty());
    for (const auto& event : delivery.puts_and_deletes) {
      CHECK(event.mod_revision > stream.covered);
      CHECK(event.mod_revision <= delivery.revision);
      stream.events.push_back(describe(event));
    }
    stream.covered = delivery.revision;
  }
  return stream;
}

std::uint64_t watch_id_of(const std::variant<std::uint64_t, store_error>& started) {
  return answer_of(started);
}

}  // namespace

TEST_CASE("a single replica commits a txn and serves reads of both kinds", "[store]") {
  cluster c(1);
  REQUIRE(c.elect() == 0);
  auto& r0 = c.replica(0);
  REQUIRE(r0.state().current_revision() == 1);

  auto txn = c.next_ticket();
  REQUIRE_FALSE(r0.submit_txn(txn, put("a", "1")));
  // Nothing completes before the entry is persisted and applied.
  CHECK(c[0].txns.empty());
  CHECK(r0.pending_requests() == 1);
  c.drive();
  auto response = answer_of(the_completion(c[0].txns, txn));
  CHECK(response.succeeded);
  CHECK(response.revision == 2);
  CHECK(r0.pending_requests() == 0);

  SECTION("a linearizable read waits for ReadIndex and sees the txn") {
    auto id = c.next_ticket();
    REQUIRE_FALSE(c.submit_range(0, id, read("a")));
    CHECK(c[0].ranges.empty());
    CHECK(r0.pending_requests() == 1);
    c.drive();
    auto range = answer_of(the_completion(c[0].ranges, id));
    CHECK(describe(range.kvs) == std::vector<std::string>{"a=1 v1 @2"});
    CHECK(range.revision == 2);
    CHECK(r0.pending_requests() == 0);
  }
  SECTION("a serializable read is answered in the same call") {
    auto id = c.next_ticket();
    store_replica_output out;
    REQUIRE_FALSE(r0.submit_range(id, read("a", true), out));
    auto range = answer_of(the_completion(out.ranges, id));
    CHECK(describe(range.kvs) == std::vector<std::string>{"a=1 v1 @2"});
    CHECK(range.revision == 2);
    CHECK(r0.pending_requests() == 0);
  }
}

TEST_CASE("only the leader of three replicas accepts txns and linearizable reads", "[store]") {
  cluster c(3);

  SECTION("before any election every replica refuses with no_leader") {
    for (std::size_t i = 0; i < c.size(); ++i) {
      CHECK(c.replica(i).submit_txn(c.next_ticket(), put("a", "1")) == store_error::no_leader);
      CHECK(c.submit_range(i, c.next_ticket(), read("a")) == store_error::no_leader);
      CHECK(c.replica(i).pending_requests() == 0);
    }
  }
  SECTION("after the election") {
    auto leader = c.elect();
    const auto& leader_name = c[leader].name;
    auto id = c.next_ticket();
    REQUIRE_FALSE(c.replica(leader).submit_txn(id, put("a", "1")));
    c.drive();
    auto response = answer_of(the_completion(c[leader].txns, id));
    CHECK(response.succeeded);
    CHECK(response.revision == 2);
    for (std::size_t i = 0; i < c.size(); ++i) {
      CHECK(c.replica(i).state().current_revision() == 2);
      if (i == leader) continue;
      // Followers know the leader, so they send clients there.
      CHECK(c.replica(i).leader() == leader_name);
      CHECK(c.replica(i).submit_txn(c.next_ticket(), put("b", "1")) == store_error::not_leader);
      CHECK(c.submit_range(i, c.next_ticket(), read("a")) == store_error::not_leader);
      CHECK(c.replica(i).pending_requests() == 0);
      // A serializable read is served from the follower's own state.
      auto local = c.next_ticket();
      REQUIRE_FALSE(c.submit_range(i, local, read("a", true)));
      CHECK(describe(answer_of(the_completion(c[i].ranges, local)).kvs) ==
            std::vector<std::string>{"a=1 v1 @2"});
    }
    c.drive();
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (i != leader) CHECK(c[i].txns.empty());
      CHECK(c.replica(i).state().current_revision() == 2);
    }
  }
}

TEST_CASE("requests beyond the store's limits are refused and change nothing", "[store]") {
  auto settings = test_settings();
  settings.pending_requests_max = 2;
  cluster c(1, settings);
  c.elect();
  auto& r0 = c.replica(0);

  auto refused_unchanged = [&](const txn_request& request, store_error expected) {
    CHECK(r0.submit_txn(c.next_ticket(), request) == expected);
    CHECK(r0.pending_requests() == 0);
    c.drive();
    CHECK(c[0].txns.empty());
    CHECK(r0.state().current_revision() == 1);
  };

  SECTION("a value above 1.5 MiB") {
    refused_unchanged(put("a", std::string(storage::value_bytes_max + 1, 'x')),
                      store_error::value_too_large);
    // The limit itself is accepted: the command still fits one log entry.
    CHECK(commit_put(c, 0, "a", std::string(storage::value_bytes_max, 'x')) == 2);
  }
  SECTION("values each within the limit whose txn does not fit one log entry") {
    auto request = put("a", std::string(storage::value_bytes_max, 'x'));
    request.success.push_back({txn_operation::kind::put, "b", "", request.success[0].value});
    refused_unchanged(request, store_error::value_too_large);
  }
  SECTION("an empty key") {
    refused_unchanged(put("", "1"), store_error::malformed_request);
    CHECK(c.submit_range(0, c.next_ticket(), read("")) == store_error::malformed_request);
    CHECK(std::get<store_error>(c.watch(0, watch_of("", "", 0))) == store_error::malformed_request);
    CHECK(r0.watch_count() == 0);
    CHECK(c[0].ranges.empty());
  }
  SECTION("more pending requests than pending_requests_max") {
    auto first = c.next_ticket();
    auto second = c.next_ticket();
    REQUIRE_FALSE(r0.submit_txn(first, put("a", "1")));
    REQUIRE_FALSE(c.submit_range(0, second, read("a")));
    CHECK(r0.pending_requests() == 2);
    CHECK(r0.submit_txn(c.next_ticket(), put("b", "1")) == store_error::queue_full);
    CHECK(c.submit_range(0, c.next_ticket(), read("a")) == store_error::queue_full);
    // A serializable read waits for nothing, so it is never queued.
    auto local = c.next_ticket();
    REQUIRE_FALSE(c.submit_range(0, local, read("a", true)));
    CHECK(c[0].ranges.size() == 1);
    CHECK(r0.pending_requests() == 2);
    c.drive();
    CHECK(answer_of(the_completion(c[0].txns, first)).revision == 2);
    answer_of(the_completion(c[0].ranges, second));
    CHECK(c[0].txns.size() == 1);
    CHECK(c[0].ranges.size() == 2);
    CHECK(r0.pending_requests() == 0);
    CHECK(r0.state().current_revision() == 2);
    // The queue has room again.
    CHECK(commit_put(c, 0, "b", "1") == 3);
  }
}

TEST_CASE("a txn the leader cannot replicate times out after request_timeout_ticks", "[store]") {
  auto settings = test_settings();
  settings.request_timeout_ticks = 3;
  cluster c(3, settings);
  auto leader = c.elect();
  c.isolate(leader);
  auto txn = c.next_ticket();
  auto range = c.next_ticket();
  REQUIRE_FALSE(c.replica(leader).submit_txn(txn, put("a", "1")));
  REQUIRE_FALSE(c.submit_range(leader, range, read("a")));
  c.drive();
  c.tick(2);
  CHECK(c[leader].txns.empty());
  CHECK(c[leader].ranges.empty());
  CHECK(c.replica(leader).pending_requests() == 2);
  c.tick();
  // Timeout, not a refusal: check-quorum cannot depose the leader this soon
  // (its followers were active within the last election timeout), so the
  // deadline comes first.
  CHECK(error_of(the_completion(c[leader].txns, txn)) == store_error::timeout);
  CHECK(error_of(the_completion(c[leader].ranges, range)) == store_error::timeout);
  CHECK(c.replica(leader).pending_requests() == 0);

  // Later, check-quorum deposes the leader: nothing completes twice.
  c.tick(2 * settings.raft.election_ticks);
  CHECK(c.replica(leader).raft().current_role() != raft::role::leader);
  CHECK(completions_of(c[leader].txns, txn).size() == 1);
  CHECK(completions_of(c[leader].ranges, range).size() == 1);
}

TEST_CASE("pending requests of a leader that loses leadership are refused once", "[store]") {
  // Long enough that no request times out first.
  constexpr std::uint32_t timeout_ticks = 1000;

  SECTION("deposed by check-quorum, it knows no leader: no_leader") {
    auto settings = test_settings();
    settings.request_timeout_ticks = timeout_ticks;
    cluster c(3, settings);
    auto leader = c.elect();
    c.isolate(leader);
    auto txn = c.next_ticket();
    REQUIRE_FALSE(c.replica(leader).submit_txn(txn, put("a", "1")));
    c.drive();
    std::uint32_t ticks = 0;
    while (c[leader].txns.empty() && ticks < timeout_ticks) {
      c.tick();
      ++ticks;
    }
    // Within two election timeouts: the first check still counts followers
    // heard before the partition.
    CHECK(ticks > settings.raft.election_ticks);
    CHECK(ticks <= 2 * settings.raft.election_ticks);
    CHECK(error_of(the_completion(c[leader].txns, txn)) == store_error::no_leader);
    CHECK(c.replica(leader).pending_requests() == 0);
    c.tick(timeout_ticks);
    CHECK(completions_of(c[leader].txns, txn).size() == 1);
  }

  SECTION("told of its successor, it refuses with not_leader; a retry applies once") {
    auto settings = test_settings();
    settings.request_timeout_ticks = timeout_ticks;
    // Without check-quorum the isolated leader keeps leading until it hears
    // of the next term.
    settings.raft.check_quorum = false;
    cluster c(3, settings);
    auto old_leader = c.elect();
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < c.size(); ++i)
      if (i != old_leader) others.push_back(i);
    c.isolate(old_leader);
    auto retried = put("a", "1", 7, 1);
    auto first = c.next_ticket();
    auto second = c.next_ticket();
    auto range = c.next_ticket();
    REQUIRE_FALSE(c.replica(old_leader).submit_txn(first, retried));
    REQUIRE_FALSE(c.replica(old_leader).submit_txn(second, put("b", "1")));
    REQUIRE_FALSE(c.submit_range(old_leader, range, read("a")));
    c.drive();

    auto new_leader = c.elect(others);
    CHECK(c.replica(old_leader).raft().current_role() == raft::role::leader);
    CHECK(c[old_leader].txns.empty());
    CHECK(c.replica(old_leader).pending_requests() == 3);
    // Only messages to the old leader get through: it learns of the new
    // term from its successor, whose name it then knows.
    c.heal();
    for (auto other : others) c.cut(old_leader, other);
    c.tick();
    CHECK(c.replica(old_leader).leader() == c[new_leader].name);
    CHECK(error_of(the_completion(c[old_leader].txns, first)) == store_error::not_leader);
    CHECK(error_of(the_completion(c[old_leader].txns, second)) == store_error::not_leader);
    CHECK(error_of(the_completion(c[old_leader].ranges, range)) == store_error::not_leader);
    CHECK(c.replica(old_leader).pending_requests() == 0);

    // The old leader's uncommitted entries are overwritten once it rejoins;
    // the client's retry at the new leader applies exactly once.
    c.heal();
    c.tick(3);
    auto response = answer_of(run_txn(c, new_leader, retried));
    CHECK(response.succeeded);
    CHECK(response.revision == 2);
    c.tick(3);
    for (std::size_t i = 0; i < c.size(); ++i) {
      CHECK(c.replica(i).state().current_revision() == 2);
      CHECK(contents(c.replica(i)) == std::vector<std::string>{"a=1 v1 @2"});
    }
    CHECK(completions_of(c[old_leader].txns, first).size() == 1);
    CHECK(completions_of(c[old_leader].txns, second).size() == 1);
  }
}

TEST_CASE("a leadership won and lost within steps still refuses its requests at once", "[store]") {
  // The replica actor steps each message as it arrives and finishes once per
  // flush, so a vote that elects the replica, a client's txn and news of a
  // newer term can all come before the next finish(). The messages here are
  // crafted; r0 hears nothing else.
  cluster c(3);
  c.isolate(0);
  auto& r0 = c.replica(0);
  for (int ticks = 0; r0.raft().current_role() == raft::role::follower; ++ticks) {
    REQUIRE(ticks < 100);
    store_replica_output out;
    r0.tick(out);
    c.collect(0, out);
  }
  REQUIRE(r0.raft().current_role() == raft::role::pre_candidate);
  r0.step({.type = raft::message_type::pre_vote_response, .from = "r1", .to = "r0", .term = 1});
  r0.step({.type = raft::message_type::vote_response, .from = "r1", .to = "r0", .term = 1});
  REQUIRE(r0.raft().current_role() == raft::role::leader);
  auto id = c.next_ticket();
  REQUIRE_FALSE(r0.submit_txn(id, put("a", "1")));
  r0.step({.type = raft::message_type::heartbeat, .from = "r2", .to = "r0", .term = 2});
  REQUIRE(r0.leader() == "r2");
  c.drive();
  // Refused now, not only when request_timeout_ticks have passed.
  CHECK(error_of(the_completion(c[0].txns, id)) == store_error::not_leader);
  CHECK(r0.pending_requests() == 0);
}

TEST_CASE("watches deliver every change of their range once, in order", "[store]") {
  cluster c(1);
  c.elect();
  auto& r0 = c.replica(0);
  REQUIRE(commit_put(c, 0, "a", "1") == 2);
  REQUIRE(commit_put(c, 0, "b", "1") == 3);
  REQUIRE(answer_of(run_txn(c, 0, delete_key("a"))).revision == 4);
  REQUIRE(commit_put(c, 0, "a", "2") == 5);

  SECTION("from revision 0: only changes after the watch starts") {
    auto id = watch_id_of(c.watch(0, watch_of("a", "", 0)));
    CHECK(c[0].watch.empty());
    commit_put(c, 0, "b", "2");  // another key: nothing
    commit_put(c, 0, "a", "3");
    auto stream = stream_of(c[0], id);
    CHECK(stream.events == std::vector<std::string>{"a=3 v2 @7"});
    CHECK(stream.covered == 7);
    CHECK(c[0].watch.size() == 1);
  }
  SECTION("from a retained revision: the history first, then live changes") {
    // "a" up to (excluding) "c": both keys.
    auto id = watch_id_of(c.watch(0, watch_of("a", "c", 3)));
    // The history is delivered by the watch call itself.
    auto stream = stream_of(c[0], id);
    CHECK(stream.events == std::vector<std::string>{"b=1 v1 @3", "a deleted @4", "a=2 v1 @5"});
    CHECK(stream.covered == 5);
    commit_put(c, 0, "c", "1");  // outside the range
    commit_put(c, 0, "b", "2");
    stream = stream_of(c[0], id);
    CHECK(stream.events ==
          std::vector<std::string>{"b=1 v1 @3", "a deleted @4", "a=2 v1 @5", "b=2 v2 @7"});
    CHECK(stream.covered == 7);
  }
  SECTION("a prefix watch sees only its keys") {
    auto id = watch_id_of(c.watch(0, watch_of("p/", "p0", 0)));
    commit_put(c, 0, "p/x", "1");
    commit_put(c, 0, "p", "1");
    commit_put(c, 0, "p0", "1");  // range_end is excluded
    commit_put(c, 0, "p/y", "1");
    commit_put(c, 0, "q", "1");
    CHECK(stream_of(c[0], id).events == std::vector<std::string>{"p/x=1 v1 @6", "p/y=1 v1 @9"});
  }
  SECTION("cancel_watch stops delivery") {
    auto cancelled = watch_id_of(c.watch(0, watch_of("a", "", 0)));
    auto kept = watch_id_of(c.watch(0, watch_of("a", "", 0)));
    CHECK(cancelled != kept);
    CHECK(r0.watch_count() == 2);
    r0.cancel_watch(cancelled);
    CHECK(r0.watch_count() == 1);
    commit_put(c, 0, "a", "3");
    CHECK(stream_of(c[0], cancelled).events.empty());
    CHECK(stream_of(c[0], kept).events == std::vector<std::string>{"a=3 v2 @6"});
  }
  SECTION("a start below the compaction point is refused with compacted") {
    auto id = c.next_ticket();
    REQUIRE_FALSE(r0.submit_compact(id, 3));
    c.drive();
    CHECK(answer_of(the_completion(c[0].compactions, id)) == 3);
    CHECK(std::get<store_error>(c.watch(0, watch_of("a", "c", 2))) == store_error::compacted);
    CHECK(r0.watch_count() == 0);
    // The compaction revision itself is still readable, so watchable.
    auto from_compaction = watch_id_of(c.watch(0, watch_of("a", "c", 3)));
    CHECK(stream_of(c[0], from_compaction).events ==
          std::vector<std::string>{"b=1 v1 @3", "a deleted @4", "a=2 v1 @5"});
  }
}

TEST_CASE("a long watch history is delivered in batches without gap or duplicate", "[store]") {
  auto settings = test_settings();
  settings.watch_batch_events_max = 2;
  cluster c(1, settings);
  c.elect();
  for (int i = 0; i < 7; ++i) commit_put(c, 0, "k", std::to_string(i));  // revisions 2..8
  commit_put(c, 0, "z", "1");                                            // 9: outside the range

  auto id = watch_id_of(c.watch(0, watch_of("k", "", 2)));
  // One batch per delivery: the watch call gives the first, each tick the next.
  CHECK(stream_of(c[0], id).events.size() == 2);
  for (int ticks = 0; stream_of(c[0], id).covered < 9; ++ticks) {
    REQUIRE(ticks < 10);
    c.tick();
  }
  std::vector<std::string> expected;
  for (int i = 0; i < 7; ++i)
    expected.push_back("k=" + std::to_string(i) + " v" + std::to_string(i + 1) + " @" +
                       std::to_string(i + 2));
  auto stream = stream_of(c[0], id);
  CHECK(stream.events == expected);
  // The last delivery covers revision 9 although its last event is at 8.
  CHECK(stream.covered == 9);
  CHECK(c[0].watch.size() == 4);
}

TEST_CASE("a compaction applies on every replica at the same revision", "[store]") {
  cluster c(3);
  auto leader = c.elect();
  for (int i = 0; i < 4; ++i) commit_put(c, leader, "k", std::to_string(i));  // revisions 2..5
  auto& r = c.replica(leader);
  REQUIRE(r.state().current_revision() == 5);

  auto id = c.next_ticket();
  REQUIRE_FALSE(r.submit_compact(id, 3));
  c.drive();
  CHECK(answer_of(the_completion(c[leader].compactions, id)) == 3);
  for (std::size_t i = 0; i < c.size(); ++i) {
    CHECK(c.replica(i).state().compacted_revision() == 3);
    if (i != leader) CHECK(c[i].compactions.empty());
  }

  // Refused at once, and nothing is pending.
  CHECK(r.submit_compact(c.next_ticket(), 3) == store_error::compacted);
  CHECK(r.submit_compact(c.next_ticket(), 2) == store_error::compacted);
  CHECK(r.submit_compact(c.next_ticket(), 6) == store_error::future_revision);
  auto follower = (leader + 1) % c.size();
  CHECK(c.replica(follower).submit_compact(c.next_ticket(), 4) == store_error::not_leader);
  CHECK(r.pending_requests() == 0);

  // Two compactions to the same revision pass the check at submit; the log
  // orders them and the second applies as a refusal everywhere.
  auto first = c.next_ticket();
  auto second = c.next_ticket();
  REQUIRE_FALSE(r.submit_compact(first, 4));
  REQUIRE_FALSE(r.submit_compact(second, 4));
  c.drive();
  CHECK(answer_of(the_completion(c[leader].compactions, first)) == 4);
  CHECK(error_of(the_completion(c[leader].compactions, second)) == store_error::compacted);
  for (std::size_t i = 0; i < c.size(); ++i) CHECK(c.replica(i).state().compacted_revision() == 4);

  // Reads below the compaction point now fail; at it they succeed.
  auto below = c.next_ticket();
  auto at = c.next_ticket();
  REQUIRE_FALSE(c.submit_range(leader, below, read("k", false, 3)));
  REQUIRE_FALSE(c.submit_range(leader, at, read("k", false, 4)));
  c.drive();
  CHECK(error_of(the_completion(c[leader].ranges, below)) == store_error::compacted);
  CHECK(describe(answer_of(the_completion(c[leader].ranges, at)).kvs) ==
        std::vector<std::string>{"k=2 v3 @4"});
}

TEST_CASE("the leader compacts what revisions_retained no longer keeps", "[store]") {
  auto settings = test_settings();
  settings.revisions_retained = 3;
  cluster c(3, settings);
  auto leader = c.elect();
  for (int i = 0; i < 5; ++i) commit_put(c, leader, "k", std::to_string(i));  // revisions 2..6
  CHECK(c.replica(leader).state().compacted_revision() == 0);
  // The leader checks retention every 100 of its ticks.
  c.tick(100);
  for (std::size_t i = 0; i < c.size(); ++i) {
    CHECK(c.replica(i).state().compacted_revision() == 6 - 3);
    CHECK(c[i].compactions.empty());  // nobody waited for it
  }
}

TEST_CASE("a lagging replica catches up by snapshot and restarts from its disk", "[store]") {
  auto settings = test_settings();
  settings.log_entries_retained = 2;
  cluster c(3, settings);
  auto leader = c.elect();
  auto lagging = (leader + 1) % c.size();
  auto other = (leader + 2) % c.size();
  commit_put(c, leader, "k0", "first");
  // A watch of every "k..." key at the lagging replica, caught up now.
  auto watch = watch_id_of(c.watch(lagging, watch_of("k", "l", 0)));

  c[lagging].up = false;
  for (int i = 1; i <= 20; ++i)
    commit_put(c, leader, "k" + std::to_string(i % 7), "v" + std::to_string(i));
  auto compact = c.next_ticket();
  REQUIRE_FALSE(c.replica(leader).submit_compact(compact, 15));
  c.drive();
  REQUIRE(answer_of(the_completion(c[leader].compactions, compact)) == 15);
  // The image the lagging replica gets includes the MVCC compaction.
  for (int i = 21; i <= 26; ++i)
    commit_put(c, leader, "k" + std::to_string(i % 7), "v" + std::to_string(i));

  const auto& leader_raft = c.replica(leader).raft();
  // 29 entries applied (a no-op, 27 puts, the compaction); the log keeps 2
  // behind the durable state machine, compacted once 4 accumulated.
  CHECK(leader_raft.log().applied() == 29);
  CHECK(leader_raft.log().snapshot().index >= 29 - 2 - 4);
  CHECK(c[leader].compactions_stored >= 5);
  CHECK(c[other].compactions_stored >= 5);
  REQUIRE(c[leader].disk->contents.base);
  CHECK(c[leader].disk->contents.base->index <= leader_raft.log().snapshot().index);
  CHECK(c[leader].disk->contents.base->index >= 29 - 2 - 4 - 4);
  // The durable state machine is at or behind what was applied, ahead of the base.
  CHECK(c[leader].disk->contents.machine.applied >= c[leader].disk->contents.base->index);
  // The entries the lagging replica misses are gone from the leader's log.
  CHECK(leader_raft.log().first_index() > c.replica(lagging).raft().log().last_index() + 1);

  c[lagging].up = true;
  c.tick(3);
  CHECK(c[lagging].snapshots_installed == 1);
  auto revision = c.replica(leader).state().current_revision();
  CHECK(revision == 28);
  for (std::size_t i = 0; i < c.size(); ++i) {
    CHECK(c.replica(i).state().current_revision() == revision);
    CHECK(c.replica(i).state().compacted_revision() == 15);
    CHECK(c.replica(i).raft().log().applied() == leader_raft.log().applied());
    CHECK(contents(c.replica(i)) == contents(c.replica(leader)));
  }
  // The snapshot skipped past the watch's next revision: it ends, told why.
  REQUIRE(c[lagging].ended_watches.size() == 1);
  CHECK(c[lagging].ended_watches.front().first == watch);
  CHECK(c[lagging].ended_watches.front().second == store_error::compacted);
  CHECK(c.replica(lagging).watch_count() == 0);
  CHECK(stream_of(c[lagging], watch).events.empty());

  SECTION("restarted from their disks, followers hold the same state") {
    for (auto i : {lagging, other}) {
      auto before = contents(c.replica(i));
      auto applied = c.replica(i).raft().log().applied();
      c.restart(i);
      // Replaying what is durable (the state machine, then the committed
      // entries after it) alone restores the state, before any message arrives.
      c.drive();
      CHECK(c.replica(i).raft().log().applied() == applied);
      CHECK(c.replica(i).state().current_revision() == revision);
      CHECK(c.replica(i).state().compacted_revision() == 15);
      CHECK(contents(c.replica(i)) == before);
    }
    c.tick(3);
    CHECK(commit_put(c, leader, "after", "restart") == revision + 1);
    for (std::size_t i = 0; i < c.size(); ++i)
      CHECK(contents(c.replica(i)) == contents(c.replica(leader)));
  }
}

TEST_CASE("a retried txn applies at most once", "[store]") {
  cluster c(3);
  auto leader = c.elect();
  auto request = put("k", "v", 7, 1);
  auto first = answer_of(run_txn(c, leader, request));
  CHECK(first.succeeded);
  CHECK(first.revision == 2);

  SECTION("a retry after the answer gets the recorded response") {
    auto retry = answer_of(run_txn(c, leader, request));
    CHECK(retry.succeeded);
    CHECK(retry.revision == 2);
    for (std::size_t i = 0; i < c.size(); ++i) {
      CHECK(c.replica(i).state().current_revision() == 2);
      CHECK(contents(c.replica(i)) == std::vector<std::string>{"k=v v1 @2"});
    }
  }
  SECTION("two copies in flight at once apply once") {
    auto next = put("k", "w", 7, 2);
    auto a = c.next_ticket();
    auto b = c.next_ticket();
    REQUIRE_FALSE(c.replica(leader).submit_txn(a, next));
    REQUIRE_FALSE(c.replica(leader).submit_txn(b, next));
    c.drive();
    CHECK(answer_of(the_completion(c[leader].txns, a)).revision == 3);
    CHECK(answer_of(the_completion(c[leader].txns, b)).revision == 3);
    for (std::size_t i = 0; i < c.size(); ++i) {
      CHECK(c.replica(i).state().current_revision() == 3);
      CHECK(contents(c.replica(i)) == std::vector<std::string>{"k=w v2 @3"});
    }
    // The older sequence is now stale: refused when applied, not re-applied.
    CHECK(error_of(run_txn(c, leader, request)) == store_error::malformed_request);
    CHECK(c.replica(leader).state().current_revision() == 3);
  }
}

TEST_CASE("an idle replica's state machine changes are due for a write after a tick", "[store]") {
  cluster c(3);
  c.apply_before_write = false;
  auto leader = c.elect();
  commit_put(c, leader, "k", "v");
  // The last batch applied the put after its write: its changes wait.
  auto& replica = c.replica(leader);
  CHECK_FALSE(replica.machine_write_due());
  store_replica_output out;
  replica.tick(out);
  CHECK(replica.machine_write_due());
  auto machine = replica.take_machine_write();
  CHECK_FALSE(machine.changes.empty());
  replica.machine_written(machine);
  CHECK_FALSE(replica.machine_write_due());
}

TEST_CASE("committed txns are answered before the write of the batch that applies them",
          "[store]") {
  cluster c(3);
  auto leader = c.elect();
  // A txn submitted every round keeps the leader's batches carrying new
  // entries alongside the ones a quorum has just acknowledged.
  std::vector<ticket> submitted;
  for (int round = 0; round < 20; ++round) {
    auto id = c.next_ticket();
    auto key = "k" + std::to_string(round % 3);
    REQUIRE_FALSE(c.replica(leader).submit_txn(id, put(key, std::to_string(round))));
    submitted.push_back(id);
    c.round();
  }
  c.drive();
  const auto& early = c[leader].answered_before_write;
  CHECK(early.size() == submitted.size());
  CHECK(c[leader].answered_ahead_of_entries > 0);
  std::vector<std::int64_t> revisions;
  for (auto id : submitted) {
    CHECK(std::count(early.begin(), early.end(), id) == 1);
    auto response = answer_of(the_completion(c[leader].txns, id));  // exactly once
    revisions.push_back(response.revision);
  }
  CHECK(std::is_sorted(revisions.begin(), revisions.end()));
  CHECK(revisions.back() == 21);
  auto before = contents(c.replica(leader));
  CHECK(before == std::vector<std::string>{"k0=18 v7 @20", "k1=19 v7 @21", "k2=17 v6 @19"});

  // What each replica wrote (its state machine stamped with the entries it
  // applied early) loads back to the same store, and the next txn follows.
  for (std::size_t i = 0; i < c.size(); ++i) c.restart(i);
  leader = c.elect();
  for (std::size_t i = 0; i < c.size(); ++i) {
    CHECK(contents(c.replica(i)) == before);
    CHECK(c.replica(i).state().current_revision() == 21);
  }
  CHECK(commit_put(c, leader, "k3", "v") == 22);
}

TEST_CASE("only a learner that has caught up is promoted to voter", "[store]") {
  auto settings = test_settings();
  settings.raft.promotable_lag_entries = 2;
  cluster c(3, settings);
  auto leader = c.elect();
  auto learner = (leader + 1) % c.size();
  auto name = c[learner].name;
  auto change = [&](replica_change::kind kind, const std::string& replica) {
    auto id = c.next_ticket();
    auto refused = c.replica(leader).submit_change(id, {kind, replica});
    if (refused) return std::variant<store_members, store_error>(*refused);
    c.drive();
    return std::variant<store_members, store_error>(the_completion(c[leader].changes, id));
  };
  // Not a learner (unknown, or a voter): refused.
  CHECK(error_of(change(replica_change::kind::add_voter, "nobody")) ==
        store_error::malformed_request);
  REQUIRE(std::holds_alternative<store_members>(change(replica_change::kind::remove, name)));
  REQUIRE(std::holds_alternative<store_members>(change(replica_change::kind::add_learner, name)));
  // The learner is down while the log grows past the allowed lag.
  c[learner].up = false;
  for (int i = 0; i < 5; ++i) commit_put(c, leader, "k" + std::to_string(i), "v");
  CHECK(error_of(change(replica_change::kind::add_voter, name)) == store_error::learner_not_ready);
  c[learner].up = true;
  c.tick(3);
  auto promoted = change(replica_change::kind::add_voter, name);
  REQUIRE(std::holds_alternative<store_members>(promoted));
  CHECK(std::get<store_members>(promoted).voters.size() == 3);
}

TEST_CASE("replica changes go one at a time through the leader and answer the new replicas",
          "[store]") {
  cluster c(3);
  auto leader = c.elect();
  auto follower = (leader + 1) % c.size();
  auto removed = (leader + 2) % c.size();
  auto name_of = [&](std::size_t i) { return c[i].name; };

  CHECK(c.replica(follower).submit_change(c.next_ticket(),
                                          {replica_change::kind::remove, name_of(removed)}) ==
        store_error::not_leader);
  CHECK(c.replica(leader).submit_change(c.next_ticket(),
                                        {replica_change::kind::add_voter, name_of(follower)}) ==
        store_error::malformed_request);  // already a voter

  auto first = c.next_ticket();
  REQUIRE_FALSE(
      c.replica(leader).submit_change(first, {replica_change::kind::remove, name_of(removed)}));
  // A second change waits for the first to commit.
  CHECK(c.replica(leader).submit_change(c.next_ticket(),
                                        {replica_change::kind::add_learner, name_of(removed)}) ==
        store_error::queue_full);
  c.drive();
  auto members = the_completion(c[leader].changes, first);
  REQUIRE(std::holds_alternative<store_members>(members));
  std::vector<std::string> voters{name_of(leader), name_of(follower)};
  std::sort(voters.begin(), voters.end());
  CHECK(std::get<store_members>(members).voters == voters);
  CHECK(std::get<store_members>(members).learners.empty());
  c.tick(1);  // followers learn the commit index with the next heartbeat
  CHECK(c.replica(follower).raft().config().voters.size() == 2);

  // The removed replica comes back as a learner: it follows without voting.
  auto learner = c.next_ticket();
  REQUIRE_FALSE(c.replica(leader).submit_change(
      learner, {replica_change::kind::add_learner, name_of(removed)}));
  c.drive();
  members = the_completion(c[leader].changes, learner);
  REQUIRE(std::holds_alternative<store_members>(members));
  CHECK(std::get<store_members>(members).voters == voters);
  CHECK(std::get<store_members>(members).learners == std::vector<std::string>{name_of(removed)});

  // A leader removing itself steps down once the change commits, and the
  // change is still answered as done (a retry would be refused as invalid).
  auto itself = c.next_ticket();
  REQUIRE_FALSE(
      c.replica(leader).submit_change(itself, {replica_change::kind::remove, name_of(leader)}));
  c.drive();
  c.tick(1);
  members = the_completion(c[leader].changes, itself);
  REQUIRE(std::holds_alternative<store_members>(members));
  CHECK(std::get<store_members>(members).voters == std::vector<std::string>{name_of(follower)});
  CHECK(c.replica(leader).raft().current_role() != raft::role::leader);
}
