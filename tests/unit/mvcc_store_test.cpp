// The MVCC store follows etcd v3's rules: revisions and versions across writes,
// ranges (limit, prefix, "\0", historical), transactions (compares, branches,
// reads after writes, atomic refusal), at-most-once retries, compaction and
// the retention helper. Each test drives the store through txn() and reads
// back through range(), as the replica and the api actor will.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "storage/core/mvcc_store.hpp"
#include "tests/unit/mvcc_test_operations.hpp"

using namespace troupe;
using namespace troupe::storage;
using namespace troupe::testing;

namespace {

std::int64_t put(mvcc_store& store, const std::string& key, const std::string& value) {
  return apply(store, txn_request{{}, {put_operation(key, value)}, {}}).revision;
}

std::int64_t remove(mvcc_store& store, const std::string& key, const std::string& range_end = {}) {
  return apply(store, txn_request{{}, {remove_operation(key, range_end)}, {}}).revision;
}

range_response read(const mvcc_store& store, const std::string& key,
                    const std::string& range_end = {}, std::int64_t revision = 0,
                    std::int64_t limit = 0) {
  auto result = store.range(range_request{key, range_end, revision, limit});
  REQUIRE(std::holds_alternative<range_response>(result));
  return std::get<range_response>(result);
}

template <class Result>
std::optional<store_error> error_of(const Result& result) {
  if (const auto* error = std::get_if<store_error>(&result)) return *error;
  return std::nullopt;
}

std::vector<std::string> keys_of(const range_response& response) {
  std::vector<std::string> keys;
  for (const auto& kv : response.kvs) keys.push_back(kv.key);
  return keys;
}

struct expected_kv {
  std::string value;
  std::int64_t create_revision;
  std::int64_t mod_revision;
  std::int64_t version;
};

void check_single(const range_response& response, const expected_kv& expected) {
  REQUIRE(response.kvs.size() == 1);
  CHECK(response.kvs[0].value == expected.value);
  CHECK(response.kvs[0].create_revision == expected.create_revision);
  CHECK(response.kvs[0].mod_revision == expected.mod_revision);
  CHECK(response.kvs[0].version == expected.version);
}

txn_compare compare_of(std::string key, txn_compare::target field, txn_compare::op relation,
                       std::int64_t value) {
  return txn_compare{std::move(key), field, relation, value};
}

}  // namespace

TEST_CASE("an empty store is at revision 1 and each put takes the next revision", "[mvcc]") {
  mvcc_store store;
  CHECK(store.current_revision() == 1);
  CHECK(store.compacted_revision() == 0);
  CHECK(read(store, "a").kvs.empty());

  CHECK(put(store, "a", "1") == 2);
  check_single(read(store, "a"), {"1", 2, 2, 1});
  CHECK(put(store, "a", "2") == 3);
  check_single(read(store, "a"), {"2", 2, 3, 2});
  CHECK(put(store, "b", "x") == 4);
  check_single(read(store, "b"), {"x", 4, 4, 1});
  CHECK(store.current_revision() == 4);
}

TEST_CASE("deleting a key ends its generation and re-creating it starts again at version 1",
          "[mvcc]") {
  mvcc_store store;
  put(store, "a", "1");  // 2
  put(store, "a", "2");  // 3
  CHECK(remove(store, "a") == 4);
  CHECK(read(store, "a").kvs.empty());
  CHECK(put(store, "a", "3") == 5);
  check_single(read(store, "a"), {"3", 5, 5, 1});

  // Deleting what does not exist writes nothing, so the revision stays.
  CHECK(remove(store, "missing") == 5);
  CHECK(remove(store, "b", "c") == 5);
  CHECK(store.current_revision() == 5);

  check_single(read(store, "a", {}, 3), {"2", 2, 3, 2});
  CHECK(read(store, "a", {}, 4).kvs.empty());
}

TEST_CASE("all writes of one txn share a single new revision", "[mvcc]") {
  mvcc_store store;
  put(store, "gone", "x");  // 2
  auto response = apply(store, txn_request{{},
                                           {put_operation("a", "1"), put_operation("b", "2"),
                                            remove_operation("gone"), put_operation("a", "3")},
                                           {}});
  CHECK(response.succeeded);
  CHECK(response.revision == 3);
  // A second put of one key in the same txn continues its version.
  check_single(read(store, "a"), {"3", 3, 3, 2});
  check_single(read(store, "b"), {"2", 3, 3, 1});
  CHECK(read(store, "gone").kvs.empty());
}

TEST_CASE("range returns sorted keys of one key, an interval, a prefix, or all from a key",
          "[mvcc]") {
  mvcc_store store;
  for (auto key : {"c", "ab", "a", "b", "abc"}) put(store, key, key);
  using keys = std::vector<std::string>;
  CHECK(keys_of(read(store, "ab")) == keys{"ab"});
  CHECK(keys_of(read(store, "zz")).empty());
  CHECK(keys_of(read(store, "a", "b")) == keys{"a", "ab", "abc"});
  CHECK(keys_of(read(store, "ab", "ac")) == keys{"ab", "abc"});  // the prefix "ab"
  CHECK(keys_of(read(store, "b", every_key_from)) == keys{"b", "c"});
  CHECK(keys_of(read(store, every_key_from, every_key_from)) == keys{"a", "ab", "abc", "b", "c"});
  CHECK(keys_of(read(store, "b", "b")).empty());
  CHECK(read(store, "a", "z").revision == store.current_revision());
}

TEST_CASE("a limited range says whether more keys exist and pages on from last key plus NUL",
          "[mvcc]") {
  mvcc_store store;
  for (auto key : {"k1", "k2", "k3", "k4", "k5"}) put(store, key, "v");
  remove(store, "k3");

  auto first = read(store, "k", "l", 0, 2);
  CHECK(keys_of(first) == std::vector<std::string>{"k1", "k2"});
  CHECK(first.more);

  std::vector<std::string> paged;
  std::string from = "k";
  for (int page = 0; page < 10; ++page) {
    auto response = read(store, from, "l", 0, 2);
    for (const auto& kv : response.kvs) paged.push_back(kv.key);
    if (!response.more) break;
    from = response.kvs.back().key + std::string(1, '\0');
  }
  CHECK(paged == std::vector<std::string>{"k1", "k2", "k4", "k5"});

  auto exact = read(store, "k4", "l", 0, 2);
  CHECK(keys_of(exact) == std::vector<std::string>{"k4", "k5"});
  CHECK_FALSE(exact.more);
}

TEST_CASE("a historical range sees keys as they were at that revision", "[mvcc]") {
  mvcc_store store;
  put(store, "a", "a1");  // 2
  put(store, "b", "b1");  // 3
  put(store, "a", "a2");  // 4
  remove(store, "b");     // 5
  put(store, "c", "c1");  // 6
  auto everything = [&](std::int64_t revision) {
    std::vector<std::string> values;
    for (const auto& kv : read(store, "a", every_key_from, revision).kvs)
      values.push_back(kv.value);
    return values;
  };
  using values = std::vector<std::string>;
  CHECK(everything(1).empty());
  CHECK(everything(2) == values{"a1"});
  CHECK(everything(3) == values{"a1", "b1"});
  CHECK(everything(4) == values{"a2", "b1"});
  CHECK(everything(5) == values{"a2"});
  CHECK(everything(6) == values{"a2", "c1"});
  CHECK(everything(0) == everything(6));
  CHECK(read(store, "a", {}, 3).revision == 6);  // the response carries the current revision
}

TEST_CASE("reads below the compaction revision are compacted, above the current are future",
          "[mvcc]") {
  mvcc_store store;
  for (int i = 0; i < 5; ++i) put(store, "a", std::to_string(i));  // 2..6
  REQUIRE_FALSE(store.compact(4));
  CHECK(error_of(store.range(range_request{"a", {}, 3})) == store_error::compacted);
  check_single(read(store, "a", {}, 4), {"2", 2, 4, 3});
  CHECK(error_of(store.range(range_request{"a", {}, 7})) == store_error::future_revision);
  CHECK(read(store, "a", {}, 6).kvs.size() == 1);
}

TEST_CASE("malformed ranges are refused", "[mvcc]") {
  mvcc_store store;
  put(store, "a", "1");
  CHECK(error_of(store.range(range_request{"", {}})) == store_error::malformed_request);
  CHECK(error_of(store.range(range_request{"b", "a"})) == store_error::malformed_request);
  CHECK(error_of(store.range(range_request{"a", {}, -1})) == store_error::malformed_request);
  CHECK(error_of(store.range(range_request{"a", {}, 0, -1})) == store_error::malformed_request);
}

TEST_CASE("txn compares mod_revision, create_revision, version and exists with missing keys as 0",
          "[mvcc]") {
  mvcc_store store;
  put(store, "a", "1");  // 2
  put(store, "a", "2");  // 3: create 2, mod 3, version 2
  using target = txn_compare::target;
  using op = txn_compare::op;
  struct row {
    txn_compare compare;
    bool holds;
  };
  std::vector<row> rows = {
      {compare_of("a", target::mod_revision, op::equal, 3), true},
      {compare_of("a", target::mod_revision, op::not_equal, 3), false},
      {compare_of("a", target::mod_revision, op::less, 4), true},
      {compare_of("a", target::mod_revision, op::greater, 3), false},
      {compare_of("a", target::create_revision, op::equal, 2), true},
      {compare_of("a", target::create_revision, op::greater, 1), true},
      {compare_of("a", target::create_revision, op::less, 2), false},
      {compare_of("a", target::version, op::equal, 2), true},
      {compare_of("a", target::version, op::not_equal, 1), true},
      {compare_of("a", target::version, op::greater, 2), false},
      {compare_of("a", target::exists, op::equal, 1), true},
      {compare_of("a", target::exists, op::equal, 0), false},
      {compare_of("missing", target::mod_revision, op::equal, 0), true},
      {compare_of("missing", target::create_revision, op::equal, 0), true},
      {compare_of("missing", target::version, op::equal, 0), true},
      {compare_of("missing", target::version, op::greater, 0), false},
      {compare_of("missing", target::exists, op::equal, 0), true},
      {compare_of("missing", target::exists, op::not_equal, 0), false},
  };
  for (const auto& [compare, holds] : rows) {
    CAPTURE(compare.key, static_cast<int>(compare.field), static_cast<int>(compare.relation),
            compare.value);
    auto response = apply(store, txn_request{{compare}, {}, {}});
    CHECK(response.succeeded == holds);
  }
  // Every compare must hold for the success branch.
  auto mixed = apply(store, txn_request{{rows[0].compare, rows[1].compare}, {}, {}});
  CHECK_FALSE(mixed.succeeded);
  CHECK(store.current_revision() == 3);
}

TEST_CASE(
    "a txn whose compare fails applies the failure branch and bumps the revision only if "
    "it writes",
    "[mvcc]") {
  mvcc_store store;
  put(store, "a", "1");  // 2
  auto absent = compare_of("a", txn_compare::target::exists, txn_compare::op::equal, 0);

  auto reads_only =
      apply(store, txn_request{{absent}, {put_operation("a", "no")}, {range_operation("a")}});
  CHECK_FALSE(reads_only.succeeded);
  CHECK(reads_only.revision == 2);
  REQUIRE(reads_only.reads.size() == 1);
  check_single(reads_only.reads[0], {"1", 2, 2, 1});

  auto writes =
      apply(store, txn_request{{absent}, {put_operation("a", "no")}, {put_operation("b", "yes")}});
  CHECK_FALSE(writes.succeeded);
  CHECK(writes.revision == 3);
  check_single(read(store, "a"), {"1", 2, 2, 1});
  check_single(read(store, "b"), {"yes", 3, 3, 1});

  auto empty_branch = apply(store, txn_request{{absent}, {put_operation("a", "no")}, {}});
  CHECK_FALSE(empty_branch.succeeded);
  CHECK(empty_branch.revision == 3);
}

TEST_CASE("ranges inside a txn see the writes made earlier in the same txn", "[mvcc]") {
  mvcc_store store;
  put(store, "x", "old");  // 2
  auto response = apply(
      store, txn_request{{},
                         {range_operation("x"), put_operation("x", "new"), range_operation("x"),
                          remove_operation("x"), range_operation("x", every_key_from),
                          put_operation("y", "1"), range_operation("x", "z")},
                         {}});
  CHECK(response.revision == 3);
  REQUIRE(response.reads.size() == 4);
  check_single(response.reads[0], {"old", 2, 2, 1});
  check_single(response.reads[1], {"new", 2, 3, 2});
  CHECK(response.reads[2].kvs.empty());
  check_single(response.reads[3], {"1", 3, 3, 1});
  for (const auto& inner : response.reads) CHECK(inner.revision == 3);
  CHECK(read(store, "x").kvs.empty());
}

TEST_CASE("an oversized or malformed txn is refused whole and changes nothing", "[mvcc]") {
  mvcc_store store;
  put(store, "a", "1");  // 2
  auto unchanged = [&] {
    CHECK(store.current_revision() == 2);
    check_single(read(store, "a"), {"1", 2, 2, 1});
    CHECK(read(store, "b").kvs.empty());
  };
  auto refusal = [&](const txn_request& request) { return error_of(store.txn(request)); };

  std::string too_large(value_bytes_max + 1, 'v');
  CHECK(refusal(txn_request{{}, {put_operation("b", "1"), put_operation("a", too_large)}, {}}) ==
        store_error::value_too_large);
  unchanged();

  std::vector<txn_operation> too_many(txn_operations_max + 1, put_operation("b", "1"));
  CHECK(refusal(txn_request{{}, too_many, {}}) == store_error::malformed_request);
  CHECK(refusal(txn_request{{}, {}, too_many}) == store_error::malformed_request);
  std::vector<txn_compare> compares(
      txn_compares_max + 1,
      compare_of("a", txn_compare::target::version, txn_compare::op::equal, 1));
  CHECK(refusal(txn_request{compares, {put_operation("b", "1")}, {}}) ==
        store_error::malformed_request);

  // Checked whichever branch would run: this failure branch would not.
  CHECK(refusal(txn_request{{}, {put_operation("b", "1")}, {put_operation("", "x")}}) ==
        store_error::malformed_request);
  CHECK(refusal(txn_request{{}, {put_operation("b", "1"), remove_operation("z", "a")}, {}}) ==
        store_error::malformed_request);
  auto put_with_range_end = put_operation("b", "1");
  put_with_range_end.range_end = "c";
  CHECK(refusal(txn_request{{}, {put_with_range_end}, {}}) == store_error::malformed_request);
  auto range_with_value = range_operation("b");
  range_with_value.value = "x";
  CHECK(refusal(txn_request{{}, {put_operation("b", "1"), range_with_value}, {}}) ==
        store_error::malformed_request);
  auto unknown_kind = put_operation("b", "1");
  unknown_kind.type = static_cast<txn_operation::kind>(9);
  CHECK(refusal(txn_request{{}, {unknown_kind}, {}}) == store_error::malformed_request);
  auto unknown_target =
      compare_of("a", static_cast<txn_compare::target>(9), txn_compare::op::equal, 1);
  CHECK(refusal(txn_request{{unknown_target}, {put_operation("b", "1")}, {}}) ==
        store_error::malformed_request);
  CHECK(
      refusal(txn_request{{compare_of("", txn_compare::target::version, txn_compare::op::equal, 0)},
                          {put_operation("b", "1")},
                          {}}) == store_error::malformed_request);
  unchanged();

  // The limits themselves are allowed.
  std::vector<txn_operation> most(txn_operations_max, put_operation("b", "1"));
  most.back() = put_operation("c", std::string(value_bytes_max, 'v'));
  CHECK(apply(store, txn_request{{}, most, {}}).revision == 3);
  check_single(read(store, "b"), {"1", 3, 3, txn_operations_max - 1});
}

TEST_CASE("a retried txn is answered from the client's record instead of applied again", "[mvcc]") {
  mvcc_store store;
  txn_request first{{}, {put_operation("a", "1"), range_operation("a")}, {}, 7, 1};
  auto original = apply(store, first);
  CHECK(original.revision == 2);

  auto retried = apply(store, first);
  CHECK(retried.revision == 2);
  CHECK(retried.reads.size() == 1);
  CHECK(store.current_revision() == 2);
  check_single(read(store, "a"), {"1", 2, 2, 1});

  txn_request second{{}, {put_operation("a", "2")}, {}, 7, 2};
  CHECK(apply(store, second).revision == 3);
  CHECK(error_of(store.txn(first)) == store_error::malformed_request);  // stale
  CHECK(apply(store, second).revision == 3);
  CHECK(store.current_revision() == 3);

  // Another client with the same sequence is independent.
  CHECK(apply(store, txn_request{{}, {put_operation("a", "3")}, {}, 8, 1}).revision == 4);

  // Client 0 is anonymous: every request applies.
  txn_request anonymous{{}, {put_operation("a", "4")}, {}};
  CHECK(apply(store, anonymous).revision == 5);
  CHECK(apply(store, anonymous).revision == 6);

  // A refused request records nothing: fixing it under the same sequence applies.
  txn_request refused{{}, {put_operation("", "x")}, {}, 9, 1};
  CHECK(error_of(store.txn(refused)) == store_error::malformed_request);
  refused.success[0].key = "b";
  CHECK(apply(store, refused).revision == 7);
}

TEST_CASE("the client table keeps the most recently used clients up to its capacity", "[mvcc]") {
  mvcc_client_table table(3);
  auto response_at = [](std::int64_t revision) {
    txn_response response;
    response.revision = revision;
    return response;
  };
  table.record(1, 1, response_at(1));
  table.record(2, 1, response_at(2));
  table.record(3, 1, response_at(3));
  table.record(1, 2, response_at(4));  // client 1 becomes the most recent
  table.record(4, 1, response_at(5));  // evicts client 2, the least recent
  CHECK(table.size() == 3);
  CHECK_FALSE(table.contains(2));
  CHECK_FALSE(table.applied(2, 1));
  auto retry = table.applied(1, 2);
  REQUIRE(retry);
  CHECK(std::get<txn_response>(*retry).revision == 4);
  std::vector<std::uint64_t> order;
  for (const auto& record : table.least_recent_first()) order.push_back(record.client);
  CHECK(order == std::vector<std::uint64_t>{3, 1, 4});

  // The store's table holds clients_max clients: the first of clients_max + 1
  // is forgotten, so its retry applies again, while the second's is answered.
  mvcc_store store;
  for (std::uint64_t client = 1; client <= clients_max + 1; ++client) {
    apply(store, txn_request{{}, {range_operation("a")}, {}, client, 1});
  }
  CHECK(apply(store, txn_request{{}, {put_operation("a", "1")}, {}, 2, 1}).revision == 1);
  CHECK(store.current_revision() == 1);
  CHECK(apply(store, txn_request{{}, {put_operation("a", "1")}, {}, 1, 1}).revision == 2);
  CHECK(store.current_revision() == 2);
}

TEST_CASE("compaction keeps each key's state at the compaction revision and drops the rest",
          "[mvcc]") {
  mvcc_store store;
  put(store, "a", "1");  // 2
  put(store, "a", "2");  // 3
  put(store, "b", "1");  // 4
  remove(store, "b");    // 5
  put(store, "a", "3");  // 6
  put(store, "c", "1");  // 7
  CHECK(store.retained_record_count() == 6);
  auto before = read(store, "a", every_key_from, 5);

  REQUIRE_FALSE(store.compact(5));
  CHECK(store.compacted_revision() == 5);
  // a@3 (its state at 5), the tombstone b@5 (at the revision itself), a@6, c@7.
  CHECK(store.retained_record_count() == 4);
  CHECK(keys_of(read(store, "a", every_key_from, 5)) == keys_of(before));
  check_single(read(store, "a", {}, 5), {"2", 2, 3, 2});
  check_single(read(store, "a"), {"3", 2, 6, 3});

  REQUIRE_FALSE(store.compact(7));
  CHECK(store.retained_record_count() == 2);  // a@6 and c@7; b is gone entirely
  CHECK(keys_of(read(store, "a", every_key_from, 7)) == std::vector<std::string>{"a", "c"});

  CHECK(store.compact(7) == store_error::compacted);
  CHECK(store.compact(6) == store_error::compacted);
  CHECK(store.compact(8) == store_error::future_revision);

  // Writes after compaction continue the generations kept.
  put(store, "a", "4");
  check_single(read(store, "a"), {"4", 2, 8, 4});
  CHECK(mvcc_store().compact(0) == store_error::compacted);
  CHECK_FALSE(mvcc_store().compact(1));
}

TEST_CASE("the retention helper compacts to the current revision minus the retention", "[mvcc]") {
  CHECK(retention_compaction_revision(100, 0, 10) == 90);
  CHECK(retention_compaction_revision(100, 0, 0) == 100);
  CHECK(retention_compaction_revision(100, 90, 10) == std::nullopt);
  CHECK(retention_compaction_revision(100, 89, 10) == 90);
  CHECK(retention_compaction_revision(100, 0, 100) == std::nullopt);
  CHECK(retention_compaction_revision(100, 0, 1000) == std::nullopt);

  mvcc_store store;
  for (int i = 0; i < 20; ++i) put(store, "k", std::to_string(i));
  auto target =
      retention_compaction_revision(store.current_revision(), store.compacted_revision(), 5);
  REQUIRE(target);
  REQUIRE_FALSE(store.compact(*target));
  CHECK(read(store, "k", {}, store.current_revision() - 5).kvs.size() == 1);
  CHECK(error_of(store.range(range_request{"k", {}, store.current_revision() - 6})) ==
        store_error::compacted);
}
