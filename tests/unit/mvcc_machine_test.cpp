// The MVCC store's side of durable storage: the journal records every change
// in order, image() holds the whole state, and from_image() rebuilds a store
// that answers exactly as the original, refusing inconsistent images.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "storage/core/mvcc_store.hpp"
#include "tests/unit/mvcc_test_operations.hpp"

using namespace troupe;
using namespace troupe::storage;
using namespace troupe::testing;

namespace {

range_response everything(const mvcc_store& store, std::int64_t revision = 0) {
  range_request request;
  request.key = std::string(1, '\0');
  request.range_end = std::string(1, '\0');
  request.revision = revision;
  auto result = store.range(request);
  REQUIRE(std::holds_alternative<range_response>(result));
  return std::get<range_response>(result);
}

std::vector<std::string> described(const range_response& response) {
  std::vector<std::string> result;
  for (const auto& kv : response.kvs)
    result.push_back(kv.key + "=" + kv.value + " v" + std::to_string(kv.version) + " c" +
                     std::to_string(kv.create_revision) + " m" + std::to_string(kv.mod_revision));
  return result;
}

mvcc_store journaled() {
  mvcc_store store;
  store.enable_journal();
  return store;
}

}  // namespace

TEST_CASE("the journal records each write, deletion, compaction and client record in order",
          "[mvcc]") {
  auto store = journaled();
  apply(store, txn_request{{}, {put_operation("a", "1")}, {}, 7, 1});
  apply(store, txn_request{{}, {put_operation("b", "2")}, {}});
  apply(store, txn_request{{}, {remove_operation("a")}, {}});
  REQUIRE_FALSE(store.compact(4));
  CHECK(store.journal_size() == 5);
  auto changes = store.take_changes(9);
  CHECK(changes.applied == 9);
  CHECK(changes.current_revision == 4);
  CHECK(changes.compacted_revision == 4);
  REQUIRE(changes.written.size() == 3);
  CHECK(changes.written[0] == machine_record{"a", {2, 0, 2, 1, "1"}});
  CHECK(changes.written[1] == machine_record{"b", {3, 0, 3, 1, "2"}});
  CHECK(changes.written[2] == machine_record{"a", {4, 0, 0, 0, ""}});
  CHECK(changes.erased == std::vector<record_id>{{2, 0}});
  REQUIRE(changes.clients.size() == 1);
  CHECK(changes.clients[0].record.client == 7);
  CHECK(changes.clients[0].record.use == 1);
  CHECK_FALSE(changes.clients[0].evicted);
  CHECK(store.take_changes(9).empty());

  // Without the journal nothing is recorded.
  mvcc_store quiet;
  apply(quiet, txn_request{{}, {put_operation("a", "1")}, {}, 7, 1});
  CHECK(quiet.journal_size() == 0);
}

TEST_CASE("compaction erases each superseded record once and keeps untouched keys", "[mvcc]") {
  auto store = journaled();
  apply(store, txn_request{{}, {put_operation("a", "1")}, {}});  // revision 2
  apply(store, txn_request{{}, {put_operation("b", "1")}, {}});  // 3
  REQUIRE_FALSE(store.compact(3));
  // Both records are the keys' states at 3: nothing is erased.
  CHECK(store.take_changes(1).erased.empty());
  apply(store, txn_request{{}, {put_operation("a", "2")}, {}});  // 4
  apply(store, txn_request{{}, {put_operation("a", "3")}, {}});  // 5
  REQUIRE_FALSE(store.compact(5));
  // "a" was written twice since the last compaction: its two older records
  // go, once each; "b", not written since, keeps its only record.
  CHECK(store.take_changes(2).erased == std::vector<record_id>{{2, 0}, {4, 0}});
  CHECK(store.retained_record_count() == 2);
  apply(store, txn_request{{}, {remove_operation("b")}, {}});    // 6
  apply(store, txn_request{{}, {put_operation("c", "1")}, {}});  // 7
  REQUIRE_FALSE(store.compact(7));
  CHECK(store.take_changes(3).erased == std::vector<record_id>{{3, 0}, {6, 0}});
  CHECK(described(everything(store, 7)) ==
        std::vector<std::string>{"a=3 v3 c2 m5", "c=1 v1 c7 m7"});
  CHECK(store.retained_record_count() == 2);
}

TEST_CASE("a store rebuilt from its image answers as the original", "[mvcc]") {
  auto store = journaled();
  for (int i = 0; i < 30; ++i)
    apply(store, txn_request{{},
                             {put_operation("k" + std::to_string(i % 4), std::to_string(i))},
                             {},
                             1 + static_cast<std::uint64_t>(i % 3),
                             1 + static_cast<std::uint64_t>(i)});
  apply(store, txn_request{{}, {remove_operation("k1")}, {}});
  REQUIRE_FALSE(store.compact(20));
  auto image = store.image(40);
  CHECK(image.applied == 40);
  auto rebuilt = mvcc_store::from_image(image);
  REQUIRE(std::holds_alternative<mvcc_store>(rebuilt));
  auto& copy = std::get<mvcc_store>(rebuilt);
  CHECK(copy.current_revision() == store.current_revision());
  CHECK(copy.compacted_revision() == 20);
  for (std::int64_t revision : {20, 25, 31, 32})
    CHECK(described(everything(copy, revision)) == described(everything(store, revision)));
  auto events = copy.events("k", "l", 20, 100);
  auto original = store.events("k", "l", 20, 100);
  REQUIRE(std::holds_alternative<mvcc_event_batch>(events));
  CHECK(std::get<mvcc_event_batch>(events).events.size() ==
        std::get<mvcc_event_batch>(original).events.size());
  // The client table came along: a retry of client 3's last txn is answered.
  auto retry = copy.txn(txn_request{{}, {put_operation("k2", "again")}, {}, 3, 30});
  REQUIRE(std::holds_alternative<txn_response>(retry));
  CHECK(std::get<txn_response>(retry).revision == 31);
  CHECK(copy.current_revision() == store.current_revision());
  // Its image is the same again.
  auto again = copy.image(40);
  CHECK(again.records == image.records);
  REQUIRE(again.clients.size() == image.clients.size());
  for (std::size_t i = 0; i < again.clients.size(); ++i)
    CHECK(again.clients[i].use == image.clients[i].use);
}

TEST_CASE("an inconsistent image is refused", "[mvcc]") {
  auto store = journaled();
  apply(store, txn_request{{}, {put_operation("a", "1")}, {}, 5, 1});
  apply(store, txn_request{{}, {put_operation("a", "2")}, {}, 6, 1});
  auto image = store.image(3);
  SECTION("a record written twice") {
    image.records.push_back(image.records.back());
  }
  SECTION("a record beyond the current revision") {
    image.current_revision = 2;
  }
  SECTION("records out of order") {
    std::swap(image.records[0], image.records[1]);
  }
  SECTION("an empty key") {
    image.records[0].key.clear();
  }
  SECTION("compaction above the current revision") {
    image.compacted_revision = 9;
  }
  SECTION("client use stamps not increasing") {
    image.clients[1].use = image.clients[0].use;
  }
  SECTION("a client twice") {
    image.clients[1].client = image.clients[0].client;
  }
  auto rebuilt = mvcc_store::from_image(image);
  REQUIRE(std::holds_alternative<store_error>(rebuilt));
  CHECK(std::get<store_error>(rebuilt) == store_error::bad_data_dir);
}
