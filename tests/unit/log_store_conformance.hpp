// The contract of storage/core/raft_log_store.hpp as tests any
// implementation runs: call check_log_store_contract(open) from a TEST_CASE,
// where `open` opens a store over the same durable data each time it is
// called (so each call after the first is a restart).
#pragma once

#include <catch2/catch.hpp>

#include <functional>
#include <memory>

#include "storage/core/machine_state.hpp"
#include "storage/core/mvcc_store.hpp"
#include "storage/core/raft_log_store.hpp"

namespace troupe::testing {

inline storage::log_entry command_entry(std::uint64_t term, std::uint64_t index) {
  auto text = "command " + std::to_string(index) + "@" + std::to_string(term);
  return storage::log_entry{
      term, index, {7, index}, storage::command_bytes(text.begin(), text.end())};
}

inline std::vector<storage::log_entry> entries_between(std::uint64_t term, std::uint64_t first,
                                                       std::uint64_t last) {
  std::vector<storage::log_entry> result;
  for (auto index = first; index <= last; ++index) result.push_back(command_entry(term, index));
  return result;
}

inline storage::stored_state load_ok(storage::raft_log_store& store) {
  auto loaded = store.load();
  if (auto* error = std::get_if<storage::log_store_error>(&loaded)) FAIL(error->message);
  return std::get<storage::stored_state>(std::move(loaded));
}

inline std::vector<std::uint64_t> indexes(const storage::stored_state& state) {
  std::vector<std::uint64_t> result;
  for (const auto& entry : state.entries) result.push_back(entry.index);
  return result;
}

// A store whose changes are journaled, written to the way replicas apply.
inline storage::mvcc_store journaled_store() {
  storage::mvcc_store store;
  store.enable_journal();
  return store;
}

inline void put_key(storage::mvcc_store& store, const std::string& key, const std::string& value,
                    std::uint64_t client = 0, std::uint64_t sequence = 0) {
  txn_request request;
  request.success.push_back({txn_operation::kind::put, key, {}, value});
  request.client = client;
  request.sequence = sequence;
  REQUIRE(std::holds_alternative<txn_response>(store.txn(request)));
}

inline void check_same_machine(const storage::machine_image& actual,
                               const storage::machine_image& expected) {
  CHECK(actual.applied == expected.applied);
  CHECK(actual.current_revision == expected.current_revision);
  CHECK(actual.compacted_revision == expected.compacted_revision);
  CHECK(actual.records == expected.records);
  REQUIRE(actual.clients.size() == expected.clients.size());
  for (std::size_t i = 0; i < actual.clients.size(); ++i) {
    CHECK(actual.clients[i].client == expected.clients[i].client);
    CHECK(actual.clients[i].sequence == expected.clients[i].sequence);
    CHECK(actual.clients[i].use == expected.clients[i].use);
    CHECK(actual.clients[i].response.revision == expected.clients[i].response.revision);
  }
}

inline void check_log_store_contract(
    const std::function<std::unique_ptr<storage::raft_log_store>()>& open) {
  using namespace storage;
  auto empty = load_ok(*open());
  CHECK(empty.state == hard_state{});
  CHECK_FALSE(empty.base);
  check_same_machine(empty.machine, machine_image{});
  CHECK(empty.entries.empty());

  // Entries and hard state survive a restart.
  auto first = entries_between(1, 1, 5);
  first.push_back(log_entry{1, 6, {}, config_change{config_change_kind::add_learner, "r9"}});
  first.push_back(log_entry{1, 7, {}, no_op{}});
  REQUIRE_FALSE(open()->save({.entries = first, .state = hard_state{1, "r1", 3}}));
  auto reloaded = load_ok(*open());
  CHECK(reloaded.entries == first);
  CHECK(reloaded.state == hard_state{1, "r1", 3});

  // A conflicting suffix is replaced.
  auto store = open();
  REQUIRE_FALSE(store->save({.entries = entries_between(2, 4, 5), .state = hard_state{2, "", 3}}));
  reloaded = load_ok(*open());
  CHECK(indexes(reloaded) == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
  CHECK(reloaded.entries[3] == command_entry(2, 4));
  CHECK(reloaded.state.term == 2);

  // Entries that leave a gap, or are not contiguous, store nothing.
  auto gap = store->save({.entries = entries_between(2, 7, 7), .state = hard_state{9, "", 0}});
  REQUIRE(gap);
  CHECK(gap->code == store_error::malformed_request);
  std::vector<log_entry> broken{command_entry(2, 6), command_entry(2, 8)};
  REQUIRE(store->save({.entries = broken}));
  reloaded = load_ok(*open());
  CHECK(indexes(reloaded) == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
  CHECK(reloaded.state.term == 2);

  // State machine changes are stored with the log, in the same write.
  auto machine = journaled_store();
  put_key(machine, "a", "1", 5, 1);
  put_key(machine, "b", "2");
  put_key(machine, "a", "3", 5, 2);
  auto changes = machine.take_changes(3);
  REQUIRE_FALSE(store->save({.machine = &changes, .entries = entries_between(2, 6, 8)}));
  reloaded = load_ok(*open());
  check_same_machine(reloaded.machine, machine.image(3));
  CHECK(indexes(reloaded).back() == 8);

  // A compaction past the applied index stores nothing, not even the
  // machine changes of the same write.
  put_key(machine, "c", "4", 6, 1);
  changes = machine.take_changes(4);
  auto past =
      store->save({.machine = &changes, .compaction = snapshot_metadata{5, 2, {{"r1"}, {}}}});
  REQUIRE(past);
  CHECK(past->code == store_error::malformed_request);
  reloaded = load_ok(*open());
  CHECK(reloaded.machine.applied == 3);
  CHECK(indexes(reloaded).front() == 1);

  // A compaction up to the applied index drops the entries it covers and
  // becomes the base; an older one changes nothing. MVCC compaction erases.
  REQUIRE_FALSE(machine.compact(4));  // drops a@2, rewritten at 4
  auto compacted = machine.take_changes(4);
  CHECK_FALSE(compacted.erased.empty());
  for (const auto* write : {&changes, &compacted})
    REQUIRE_FALSE(
        store->save({.machine = write, .compaction = snapshot_metadata{4, 2, {{"r1"}, {}}}}));
  REQUIRE_FALSE(store->save({.compaction = snapshot_metadata{2, 1, {{"r1"}, {}}}}));
  reloaded = load_ok(*open());
  REQUIRE(reloaded.base);
  CHECK(*reloaded.base == snapshot_metadata{4, 2, {{"r1"}, {}}});
  CHECK(indexes(reloaded) == std::vector<std::uint64_t>{5, 6, 7, 8});
  check_same_machine(reloaded.machine, machine.image(4));

  // Erasing a record that is not stored is refused and stores nothing.
  machine_changes bogus;
  bogus.applied = 5;
  bogus.erased.push_back({99, 0});
  auto refused = store->save({.machine = &bogus, .entries = entries_between(2, 9, 9)});
  REQUIRE(refused);
  CHECK(refused->code == store_error::malformed_request);
  CHECK(indexes(load_ok(*open())).back() == 8);

  // A received snapshot replaces the whole log and the whole state machine.
  auto leader = journaled_store();
  put_key(leader, "x", "10", 7, 1);
  put_key(leader, "y", "11");
  snapshot received{{9, 3, {{"r1", "r2", "r3"}, {"r9"}}}, leader.snapshot()};
  REQUIRE_FALSE(store->save({.received = &received,
                             .entries = entries_between(3, 10, 11),
                             .state = hard_state{3, "r2", 9}}));
  reloaded = load_ok(*open());
  REQUIRE(reloaded.base);
  CHECK(*reloaded.base == received.metadata);
  CHECK(indexes(reloaded) == std::vector<std::uint64_t>{10, 11});
  auto expected = machine_image_of(received);
  REQUIRE(std::holds_alternative<machine_image>(expected));
  check_same_machine(reloaded.machine, std::get<machine_image>(expected));
  CHECK(reloaded.machine.applied == 9);

  // An image that does not decode is refused and stores nothing.
  snapshot garbage{{12, 3, {{"r1"}, {}}}, {1, 2, 3}};
  REQUIRE(store->save({.received = &garbage}));
  CHECK(load_ok(*open()).base->index == 9);

  // Client records evicted beyond the table's capacity are erased.
  auto restored = mvcc_store::from_image(reloaded.machine);
  REQUIRE(std::holds_alternative<mvcc_store>(restored));
  auto crowded = std::get<mvcc_store>(std::move(restored));
  crowded.enable_journal();
  for (std::uint64_t client = 100; client < 100 + clients_max; ++client)
    put_key(crowded, "k", "v", client, 1);
  changes = crowded.take_changes(10);
  REQUIRE_FALSE(store->save({.machine = &changes}));
  reloaded = load_ok(*open());
  CHECK(reloaded.machine.clients.size() == clients_max);
  CHECK(reloaded.machine.clients.front().client == 100);
  check_same_machine(reloaded.machine, crowded.image(10));

  // A large batch is one save.
  REQUIRE_FALSE(store->save({.entries = entries_between(3, 12, 1011)}));
  reloaded = load_ok(*open());
  CHECK(reloaded.entries.size() == 1002);
  CHECK(reloaded.entries.back() == command_entry(3, 1011));
}

}  // namespace troupe::testing
