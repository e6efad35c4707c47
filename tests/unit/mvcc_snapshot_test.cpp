// A store snapshot restores to a store that answers every read, watch and
// retry the same and keeps evolving identically; damaged snapshots (truncated,
// wrong version, overrunning lengths, broken invariants, flipped bytes) are
// refused with bad_data_dir and never read out of bounds (ASan checks that).
// Hand-encoded snapshots follow the layout documented in mvcc_snapshot.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "storage/core/mvcc_byte_codec.hpp"
#include "storage/core/mvcc_store.hpp"
#include "tests/unit/mvcc_test_operations.hpp"

using namespace troupe;
using namespace troupe::storage;
using namespace troupe::testing;

namespace {

const std::string every_key_from(1, '\0');
constexpr std::uint32_t magic = 0x43564d54;
constexpr std::uint32_t format_version = 1;

std::string describe(const key_value& kv) {
  return kv.key + "=" + kv.value + " c" + std::to_string(kv.create_revision) + " m" +
         std::to_string(kv.mod_revision) + " v" + std::to_string(kv.version);
}

std::vector<std::string> everything_at(const mvcc_store& store, std::int64_t revision) {
  auto result = store.range(range_request{every_key_from, every_key_from, revision});
  REQUIRE(std::holds_alternative<range_response>(result));
  std::vector<std::string> lines;
  for (const auto& kv : std::get<range_response>(result).kvs) lines.push_back(describe(kv));
  return lines;
}

std::vector<std::string> events_from(const mvcc_store& store, std::int64_t revision) {
  auto result = store.events(every_key_from, every_key_from, revision, 1'000'000);
  REQUIRE(std::holds_alternative<mvcc_event_batch>(result));
  std::vector<std::string> lines;
  for (const auto& kv : std::get<mvcc_event_batch>(result).events) lines.push_back(describe(kv));
  return lines;
}

// Histories with several generations, a compaction, and three clients whose
// recorded responses include reads.
mvcc_store populated_store() {
  mvcc_store store;
  for (int i = 0; i < 30; ++i) {
    auto key = "key/" + std::to_string(i % 7);
    if (i % 5 == 4) {
      apply(store, txn_request{{}, {remove_operation(key)}, {}});
    } else {
      apply(store, txn_request{{}, {put_operation(key, std::string(i, 'v'))}, {}});
    }
  }
  REQUIRE_FALSE(store.compact(12));
  for (std::uint64_t client = 1; client <= 3; ++client) {
    txn_operation read_all{txn_operation::kind::range, "key/", "key0", {}};
    apply(store, txn_request{{},
                             {put_operation("client", std::to_string(client)), read_all},
                             {},
                             client,
                             40 + client});
  }
  apply(store, txn_request{{}, {remove_operation("key/", "key/4")}, {}});
  return store;
}

std::variant<mvcc_store, store_error> restored(const std::vector<std::uint8_t>& bytes) {
  return mvcc_store::restore(bytes);
}

bool refused(const std::vector<std::uint8_t>& bytes) {
  auto result = restored(bytes);
  auto* error = std::get_if<store_error>(&result);
  return error && *error == store_error::bad_data_dir;
}

struct record_spec {
  std::int64_t revision;
  std::int64_t sub_revision;
  std::int64_t create_revision;
  std::int64_t version;
  std::string value;
};

struct client_spec {
  std::uint64_t client;
  std::uint64_t sequence;
  std::uint8_t succeeded = 1;
};

struct snapshot_spec {
  std::int64_t current_revision = 4;
  std::int64_t compacted_revision = 0;
  std::vector<std::pair<std::string, std::vector<record_spec>>> keys;
  std::vector<client_spec> clients;
};

std::vector<std::uint8_t> encode(const snapshot_spec& spec) {
  mvcc_byte_writer out;
  out.u32(magic);
  out.u32(format_version);
  out.i64(spec.current_revision);
  out.i64(spec.compacted_revision);
  out.u64(spec.keys.size());
  for (const auto& [key, records] : spec.keys) {
    out.bytes(key);
    out.u64(records.size());
    for (const auto& record : records) {
      out.i64(record.revision);
      out.i64(record.sub_revision);
      out.i64(record.create_revision);
      out.i64(record.version);
      out.bytes(record.value);
    }
  }
  out.u64(spec.clients.size());
  for (const auto& client : spec.clients) {
    out.u64(client.client);
    out.u64(client.sequence);
    out.u8(client.succeeded);
    out.i64(2);  // response revision
    out.u64(0);  // reads
  }
  return out.take();
}

// a: put at 2, put at 3; b: put at 3 (second write of that txn), deleted at 4.
snapshot_spec valid_spec() {
  snapshot_spec spec;
  spec.keys = {{"a", {{2, 0, 2, 1, "a1"}, {3, 0, 2, 2, "a2"}}},
               {"b", {{3, 1, 3, 1, "b1"}, {4, 0, 0, 0, ""}}}};
  spec.clients = {{5, 1}};
  return spec;
}

}  // namespace

TEST_CASE("a snapshot restores a store that answers and evolves exactly like the original",
          "[mvcc]") {
  auto original = populated_store();
  auto bytes = original.snapshot();
  auto result = restored(bytes);
  REQUIRE(std::holds_alternative<mvcc_store>(result));
  auto copy = std::get<mvcc_store>(std::move(result));

  CHECK(copy.snapshot() == bytes);
  CHECK(copy.current_revision() == original.current_revision());
  CHECK(copy.compacted_revision() == 12);
  CHECK(copy.retained_record_count() == original.retained_record_count());
  for (auto revision = original.compacted_revision(); revision <= original.current_revision();
       ++revision) {
    CAPTURE(revision);
    CHECK(everything_at(copy, revision) == everything_at(original, revision));
    CHECK(events_from(copy, revision) == events_from(original, revision));
  }

  // The client table: a retry is answered from the record, an older one is stale.
  txn_request retry{{}, {put_operation("client", "again")}, {}, 2, 42};
  auto revision_before = copy.current_revision();
  auto from_copy = apply(copy, retry);
  auto from_original = apply(original, retry);
  CHECK(copy.current_revision() == revision_before);
  CHECK(from_copy.revision == from_original.revision);
  REQUIRE(from_copy.reads.size() == 1);
  REQUIRE(from_original.reads.size() == 1);
  CHECK(from_copy.reads[0].kvs.size() == from_original.reads[0].kvs.size());
  CHECK_FALSE(from_copy.reads[0].kvs.empty());
  retry.sequence = 41;
  CHECK(std::get<store_error>(copy.txn(retry)) == store_error::malformed_request);

  // Same commands, same state: the least recent client (1) is evicted from
  // both, which shows the eviction order survived the round trip.
  for (auto* store : {&original, &copy}) {
    for (std::uint64_t client = 100; client < 100 + clients_max - 2; ++client) {
      apply(*store, txn_request{{}, {}, {}, client, 1});
    }
    REQUIRE_FALSE(store->compact(store->current_revision() - 1));
    auto before = store->current_revision();
    CHECK(apply(*store, txn_request{{}, {put_operation("x", "1")}, {}, 1, 41}).revision ==
          before + 1);
  }
  CHECK(copy.snapshot() == original.snapshot());
}

TEST_CASE("an empty store and a hand-encoded snapshot restore as documented", "[mvcc]") {
  auto empty = mvcc_store().snapshot();
  auto result = restored(empty);
  REQUIRE(std::holds_alternative<mvcc_store>(result));
  CHECK(std::get<mvcc_store>(result).current_revision() == 1);
  CHECK(std::get<mvcc_store>(result).snapshot() == empty);

  auto decoded = restored(encode(valid_spec()));
  REQUIRE(std::holds_alternative<mvcc_store>(decoded));
  const auto& store = std::get<mvcc_store>(decoded);
  CHECK(everything_at(store, 3) == std::vector<std::string>{"a=a2 c2 m3 v2", "b=b1 c3 m3 v1"});
  CHECK(everything_at(store, 4) == std::vector<std::string>{"a=a2 c2 m3 v2"});
  CHECK(events_from(store, 3) ==
        std::vector<std::string>{"a=a2 c2 m3 v2", "b=b1 c3 m3 v1", "b= c0 m4 v0"});
  CHECK(store.snapshot() == encode(valid_spec()));
}

TEST_CASE("a snapshot truncated at any length is refused", "[mvcc]") {
  auto bytes = populated_store().snapshot();
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    CAPTURE(size);
    CHECK(refused(std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + size)));
  }
  bytes.push_back(0);
  CHECK(refused(bytes));  // and a trailing byte is refused too
}

TEST_CASE("a snapshot with another magic or format version is refused", "[mvcc]") {
  auto bytes = mvcc_store().snapshot();
  auto wrong_magic = bytes;
  wrong_magic[0] ^= 1;
  CHECK(refused(wrong_magic));
  auto wrong_version = bytes;
  wrong_version[4] = 2;
  CHECK(refused(wrong_version));
}

TEST_CASE("a snapshot whose counts or lengths overrun the input is refused", "[mvcc]") {
  auto spec = valid_spec();
  auto bytes = encode(spec);
  // Offsets from the layout: 8 bytes of header, two i64 revisions, then the
  // key count, the first key's length, its bytes and its record count.
  constexpr std::size_t key_count_at = 24;
  constexpr std::size_t key_length_at = 32;
  constexpr std::size_t record_count_at = 41;
  constexpr std::size_t value_length_at = record_count_at + 8 + 32;
  auto with_u64 = [&bytes](std::size_t offset, std::uint64_t value) {
    auto copy = bytes;
    for (std::size_t i = 0; i < 8; ++i)
      copy[offset + i] = static_cast<std::uint8_t>(value >> (8 * i));
    return copy;
  };
  REQUIRE_FALSE(refused(with_u64(key_count_at, 2)));
  for (std::uint64_t huge : {std::uint64_t{3}, std::uint64_t{1} << 40, ~std::uint64_t{0}}) {
    CAPTURE(huge);
    CHECK(refused(with_u64(key_count_at, huge)));
    CHECK(refused(with_u64(key_length_at, huge)));
    CHECK(refused(with_u64(record_count_at, huge)));
    CHECK(refused(with_u64(value_length_at, huge)));
  }
  CHECK(refused(with_u64(key_length_at, 0)));  // an empty key

  // A value over the limit is refused even when the input holds it.
  spec.keys[0].second[1].value = std::string(value_bytes_max + 1, 'v');
  CHECK(refused(encode(spec)));

  // More clients than the table holds.
  spec = valid_spec();
  spec.clients.clear();
  for (std::uint64_t client = 1; client <= clients_max + 1; ++client) {
    spec.clients.push_back({client, 1});
  }
  CHECK(refused(encode(spec)));
  spec.clients.pop_back();
  CHECK_FALSE(refused(encode(spec)));
}

TEST_CASE("a snapshot that breaks the store's invariants is refused", "[mvcc]") {
  using change = std::function<void(snapshot_spec&)>;
  std::vector<std::pair<std::string, change>> corruptions = {
      {"current revision 0", [](auto& spec) { spec.current_revision = 0; }},
      {"compacted above current", [](auto& spec) { spec.compacted_revision = 5; }},
      {"negative compaction", [](auto& spec) { spec.compacted_revision = -1; }},
      {"record above current", [](auto& spec) { spec.current_revision = 3; }},
      {"keys out of order", [](auto& spec) { std::swap(spec.keys[0], spec.keys[1]); }},
      {"duplicate key", [](auto& spec) { spec.keys[1].first = "a"; }},
      {"empty history", [](auto& spec) { spec.keys[1].second.clear(); }},
      {"records out of order",
       [](auto& spec) { std::swap(spec.keys[0].second[0], spec.keys[0].second[1]); }},
      {"tombstone with a value", [](auto& spec) { spec.keys[1].second[1].value = "x"; }},
      {"broken version chain", [](auto& spec) { spec.keys[0].second[1].version = 3; }},
      {"create after mod", [](auto& spec) { spec.keys[0].second[0].create_revision = 3; }},
      {"two tombstones in a row",
       [](auto& spec) {
         spec.keys[1].second.push_back({4, 1, 0, 0, ""});
       }},
      {"two records below compaction", [](auto& spec) { spec.compacted_revision = 4; }},
      {"tombstone below compaction",
       [](auto& spec) {
         spec.current_revision = 5;
         spec.compacted_revision = 5;
         spec.keys = {{"b", {{4, 0, 0, 0, ""}}}};
       }},
      {"two keys written at one (revision, sub revision)",
       [](auto& spec) { spec.keys[1].second[0].sub_revision = 0; }},
      {"anonymous client", [](auto& spec) { spec.clients[0].client = 0; }},
      {"duplicate client", [](auto& spec) { spec.clients.push_back(spec.clients[0]); }},
      {"a flag neither 0 nor 1", [](auto& spec) { spec.clients[0].succeeded = 2; }},
  };
  REQUIRE_FALSE(refused(encode(valid_spec())));
  // A tombstone exactly at the compaction revision is kept for the watch.
  snapshot_spec tombstone_at_compaction;
  tombstone_at_compaction.current_revision = 5;
  tombstone_at_compaction.compacted_revision = 4;
  tombstone_at_compaction.keys = {{"b", {{4, 0, 0, 0, ""}}}};
  REQUIRE_FALSE(refused(encode(tombstone_at_compaction)));
  for (const auto& [name, corrupt] : corruptions) {
    CAPTURE(name);
    auto spec = valid_spec();
    corrupt(spec);
    CHECK(refused(encode(spec)));
  }
}

TEST_CASE("restoring a snapshot with any one byte changed never crashes or over-reads", "[mvcc]") {
  auto bytes = populated_store().snapshot();
  std::size_t refusals = 0;
  for (std::size_t position = 0; position < bytes.size(); ++position) {
    for (std::uint8_t flip : {0x01, 0x80, 0xff}) {
      auto damaged = bytes;
      damaged[position] ^= flip;
      auto result = restored(damaged);
      if (std::holds_alternative<store_error>(result)) {
        ++refusals;
        continue;
      }
      // What is accepted is a consistent store: it round-trips and reads.
      const auto& store = std::get<mvcc_store>(result);
      CHECK(store.snapshot() == damaged);
      everything_at(store, store.current_revision());
      events_from(store, std::max<std::int64_t>(1, store.compacted_revision()));
    }
  }
  CHECK(refusals > 0);
}
