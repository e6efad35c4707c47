// The store's change history serves watches: every put and delete above the
// compaction point, in revision then operation order, in batches that hold
// whole revisions. Batches are drained the way the watch actor will, asking
// again from next_revision, and compared with one unbounded read of the log.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "storage/core/mvcc_store.hpp"
#include "tests/unit/mvcc_test_operations.hpp"

using namespace troupe;
using namespace troupe::storage;
using namespace troupe::testing;

namespace {

std::int64_t apply(mvcc_store& store, std::vector<txn_operation> operations) {
  auto result = store.txn(txn_request{{}, std::move(operations), {}});
  REQUIRE(std::holds_alternative<txn_response>(result));
  return std::get<txn_response>(result).revision;
}

// "put key@revision=value v<version> c<create>" or "delete key@revision".
std::string describe(const key_value& event) {
  auto text = event.key + "@" + std::to_string(event.mod_revision);
  if (event.version == 0) return "delete " + text;
  return "put " + text + "=" + event.value + " v" + std::to_string(event.version) + " c" +
         std::to_string(event.create_revision);
}

mvcc_event_batch batch_of(const mvcc_store& store, const std::string& key,
                          const std::string& range_end, std::int64_t from_revision,
                          std::size_t max_events) {
  auto result = store.events(key, range_end, from_revision, max_events);
  REQUIRE(std::holds_alternative<mvcc_event_batch>(result));
  return std::get<mvcc_event_batch>(result);
}

std::vector<std::string> describe_all(const std::vector<key_value>& events) {
  std::vector<std::string> lines;
  for (const auto& event : events) lines.push_back(describe(event));
  return lines;
}

template <class Result>
std::optional<store_error> error_of(const Result& result) {
  if (const auto* error = std::get_if<store_error>(&result)) return *error;
  return std::nullopt;
}

// Drains [key, range_end) from `from_revision` in batches of `max_events`,
// checking each batch's bounds; returns every event received.
std::vector<key_value> drain(const mvcc_store& store, const std::string& key,
                             const std::string& range_end, std::int64_t from_revision,
                             std::size_t max_events) {
  std::vector<key_value> received;
  std::int64_t from = from_revision;
  for (int calls = 0; from <= store.current_revision(); ++calls) {
    REQUIRE(calls < 1000);
    auto batch = batch_of(store, key, range_end, from, max_events);
    REQUIRE(batch.next_revision > from);
    const auto& events = batch.events;
    if (!events.empty()) {
      CHECK(events.front().mod_revision >= from);
      CHECK(events.back().mod_revision < batch.next_revision);
      bool one_revision = events.front().mod_revision == events.back().mod_revision;
      CHECK((events.size() <= max_events || one_revision));
      if (!received.empty()) CHECK(received.back().mod_revision < events.front().mod_revision);
    }
    received.insert(received.end(), events.begin(), events.end());
    from = batch.next_revision;
  }
  return received;
}

}  // namespace

TEST_CASE("events from an old revision replay every change in revision and operation order",
          "[mvcc]") {
  mvcc_store store;
  apply(store, {put_operation("a", "1")});                                                  // 2
  apply(store, {put_operation("b", "1"), put_operation("a", "2"), remove_operation("a")});  // 3
  apply(store, {put_operation("c", "1")});                                                  // 4
  apply(store, {remove_operation("b", "d")});                                               // 5

  auto all = batch_of(store, "a", every_key_from, 1, 100);
  CHECK(describe_all(all.events) ==
        std::vector<std::string>{"put a@2=1 v1 c2", "put b@3=1 v1 c3", "put a@3=2 v2 c2",
                                 "delete a@3", "put c@4=1 v1 c4", "delete b@5", "delete c@5"});
  CHECK(all.next_revision == 6);

  CHECK(describe_all(batch_of(store, "b", {}, 1, 100).events) ==
        std::vector<std::string>{"put b@3=1 v1 c3", "delete b@5"});
  CHECK(describe_all(batch_of(store, "b", "c", 4, 100).events) ==
        std::vector<std::string>{"delete b@5"});
  CHECK(describe_all(batch_of(store, "a", every_key_from, 4, 100).events) ==
        std::vector<std::string>{"put c@4=1 v1 c4", "delete b@5", "delete c@5"});
}

TEST_CASE(
    "draining events in batches of any size yields every change once, whole revisions "
    "at a time",
    "[mvcc]") {
  mvcc_store store;
  // Transactions of one to four writes over six keys, with deletes of live
  // and missing keys, so revisions carry different numbers of events.
  for (int i = 0; i < 60; ++i) {
    std::vector<txn_operation> operations;
    for (int j = 0; j <= i % 4; ++j) {
      auto key = "k" + std::to_string((i * 7 + j * 3) % 6);
      if ((i + j) % 5 == 0) {
        operations.push_back(remove_operation(key));
      } else {
        operations.push_back(put_operation(key, std::to_string(i)));
      }
    }
    apply(store, operations);
  }
  for (const auto& [key, range_end] : std::vector<std::pair<std::string, std::string>>{
           {"k", every_key_from}, {"k1", {}}, {"k2", "k4"}}) {
    auto everything = batch_of(store, key, range_end, 1, 1'000'000).events;
    REQUIRE_FALSE(everything.empty());
    for (std::size_t max_events : {1, 2, 3, 5, 8}) {
      for (std::int64_t from : {1, 2, 17, 40}) {
        CAPTURE(key, max_events, from);
        std::vector<key_value> expected;
        for (const auto& event : everything) {
          if (event.mod_revision >= from) expected.push_back(event);
        }
        CHECK(describe_all(drain(store, key, range_end, from, max_events)) ==
              describe_all(expected));
      }
    }
  }
}

TEST_CASE("a revision with more events than max_events comes whole in a batch of its own",
          "[mvcc]") {
  mvcc_store store;
  apply(store, {put_operation("a", "1"), put_operation("b", "1"), put_operation("c", "1"),
                put_operation("d", "1"), put_operation("e", "1")});  // 2
  apply(store, {put_operation("f", "1")});                           // 3
  apply(store, {remove_operation("a", "z")});                        // 4: six deletes

  auto first = batch_of(store, "a", every_key_from, 1, 2);
  CHECK(first.events.size() == 5);
  CHECK(first.next_revision == 3);
  auto second = batch_of(store, "a", every_key_from, 3, 2);
  CHECK(describe_all(second.events) == std::vector<std::string>{"put f@3=1 v1 c3"});
  CHECK(second.next_revision == 4);
  auto third = batch_of(store, "a", every_key_from, 4, 2);
  CHECK(third.events.size() == 6);
  CHECK(third.next_revision == 5);
  auto caught_up = batch_of(store, "a", every_key_from, 5, 2);
  CHECK(caught_up.events.empty());
  CHECK(caught_up.next_revision == 5);
}

TEST_CASE(
    "events below the compaction revision are compacted while the compaction revision itself "
    "still replays",
    "[mvcc]") {
  mvcc_store store;
  apply(store, {put_operation("a", "1")});                           // 2
  apply(store, {put_operation("b", "1"), put_operation("b", "2")});  // 3
  apply(store, {remove_operation("a")});                             // 4
  apply(store, {put_operation("c", "1")});                           // 5

  REQUIRE_FALSE(store.compact(3));
  CHECK(error_of(store.events("a", every_key_from, 2, 10)) == store_error::compacted);
  CHECK(describe_all(batch_of(store, "a", every_key_from, 3, 10).events) ==
        std::vector<std::string>{"put b@3=1 v1 c3", "put b@3=2 v2 c3", "delete a@4",
                                 "put c@5=1 v1 c5"});

  REQUIRE_FALSE(store.compact(4));
  CHECK(error_of(store.events("a", every_key_from, 3, 10)) == store_error::compacted);
  CHECK(describe_all(batch_of(store, "a", every_key_from, 4, 10).events) ==
        std::vector<std::string>{"delete a@4", "put c@5=1 v1 c5"});
}

TEST_CASE("events past the current revision are empty and point at the revision asked for",
          "[mvcc]") {
  mvcc_store store;
  apply(store, {put_operation("a", "1")});  // 2
  auto next = batch_of(store, "a", {}, 3, 10);
  CHECK(next.events.empty());
  CHECK(next.next_revision == 3);
  CHECK(batch_of(store, "a", {}, 9, 10).next_revision == 9);
  apply(store, {put_operation("b", "1")});  // 3, not watched
  auto unrelated = batch_of(store, "a", {}, 3, 10);
  CHECK(unrelated.events.empty());
  CHECK(unrelated.next_revision == 4);

  CHECK(error_of(store.events("a", {}, 0, 10)) == store_error::malformed_request);
  CHECK(error_of(store.events("a", {}, 1, 0)) == store_error::malformed_request);
  CHECK(error_of(store.events("", {}, 1, 10)) == store_error::malformed_request);
  CHECK(error_of(store.events("b", "a", 1, 10)) == store_error::malformed_request);
}

TEST_CASE("one events call scans a bounded number of changes and resumes where it stopped",
          "[mvcc]") {
  mvcc_store store;
  // Unwatched revisions of 100 puts each, more than one call scans, then one
  // watched put.
  std::vector<txn_operation> filler;
  for (int i = 0; i < 100; ++i) filler.push_back(put_operation("x" + std::to_string(i), "v"));
  std::int64_t revisions = event_scan_changes_max / filler.size() + 2;
  for (std::int64_t i = 0; i < revisions; ++i) apply(store, filler);
  apply(store, {put_operation("watched", "1")});

  auto first = batch_of(store, "watched", {}, 1, 10);
  CHECK(first.events.empty());
  CHECK(first.next_revision > 2);
  CHECK(first.next_revision <= store.current_revision());
  auto events = drain(store, "watched", {}, 1, 10);
  CHECK(describe_all(events) ==
        std::vector<std::string>{"put watched@" + std::to_string(store.current_revision()) +
                                 "=1 v1 c" + std::to_string(store.current_revision())});
}
