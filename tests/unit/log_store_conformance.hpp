// The contract of storage/core/raft_log_store.hpp as tests any
// implementation runs: call check_log_store_contract(open) from a TEST_CASE,
// where `open` opens a store over the same durable data each time it is
// called (so each call after the first is a restart).
#pragma once

#include <catch2/catch.hpp>

#include <functional>
#include <memory>

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

inline void check_log_store_contract(
    const std::function<std::unique_ptr<storage::raft_log_store>()>& open) {
  using namespace storage;
  auto empty = load_ok(*open());
  CHECK(empty.state == hard_state{});
  CHECK_FALSE(empty.image);
  CHECK(empty.entries.empty());

  // Entries and hard state survive a restart.
  auto first = entries_between(1, 1, 5);
  first.push_back(log_entry{1, 6, {}, config_change{config_change_kind::add_learner, "r9"}});
  first.push_back(log_entry{1, 7, {}, no_op{}});
  REQUIRE_FALSE(open()->save(std::nullopt, first, hard_state{1, "r1", 3}));
  auto reloaded = load_ok(*open());
  CHECK(reloaded.entries == first);
  CHECK(reloaded.state == hard_state{1, "r1", 3});

  // A conflicting suffix is replaced.
  auto store = open();
  REQUIRE_FALSE(store->save(std::nullopt, entries_between(2, 4, 5), hard_state{2, "", 3}));
  reloaded = load_ok(*open());
  CHECK(indexes(reloaded) == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
  CHECK(reloaded.entries[3] == command_entry(2, 4));
  CHECK(reloaded.state.term == 2);

  // Entries that leave a gap, or are not contiguous, store nothing.
  auto gap = store->save(std::nullopt, entries_between(2, 7, 7), hard_state{9, "", 0});
  REQUIRE(gap);
  CHECK(gap->code == store_error::malformed_request);
  std::vector<log_entry> broken{command_entry(2, 6), command_entry(2, 8)};
  REQUIRE(store->save(std::nullopt, broken, std::nullopt));
  reloaded = load_ok(*open());
  CHECK(indexes(reloaded) == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
  CHECK(reloaded.state.term == 2);

  // A received snapshot replaces the whole log; entries after it follow.
  snapshot received{{6, 2, {{"r1", "r2", "r3"}, {"r9"}}}, {1, 2, 3}};
  REQUIRE_FALSE(store->save(received, entries_between(3, 7, 8), hard_state{3, "r2", 6}));
  reloaded = load_ok(*open());
  REQUIRE(reloaded.image);
  CHECK(reloaded.image->metadata == received.metadata);
  CHECK(reloaded.image->data == received.data);
  CHECK(indexes(reloaded) == std::vector<std::uint64_t>{7, 8});

  // A local snapshot drops the entries it covers; an older one changes nothing.
  snapshot local{{7, 3, {{"r1", "r2", "r3"}, {}}}, std::vector<std::uint8_t>(100000, 42)};
  REQUIRE_FALSE(store->compact(local));
  REQUIRE_FALSE(store->compact(received));
  reloaded = load_ok(*open());
  CHECK(reloaded.image->metadata.index == 7);
  CHECK(reloaded.image->data.size() == 100000);
  CHECK(indexes(reloaded) == std::vector<std::uint64_t>{8});

  // A large batch is one save.
  REQUIRE_FALSE(store->save(std::nullopt, entries_between(3, 9, 1008), std::nullopt));
  reloaded = load_ok(*open());
  CHECK(reloaded.entries.size() == 1001);
  CHECK(reloaded.entries.back() == command_entry(3, 1008));
}

}  // namespace troupe::testing
