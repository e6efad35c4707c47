// mvcc_store::snapshot and mvcc_store::restore: the store's whole state in a
// hand-written, versioned, little-endian layout (mvcc_byte_codec.hpp).
//
// Format version 1:
//   u32 magic "TMVC", u32 format version
//   i64 current revision, i64 compacted revision
//   u64 key count, then per key in key order:
//     bytes key, u64 record count, then per record:
//       i64 revision, i64 sub revision, i64 create revision, i64 version, bytes value
//   u64 client count, then per client, least recently used first:
//     u64 client, u64 sequence, then the response:
//       u8 succeeded, i64 revision, u64 read count, then per read:
//         u8 more, i64 revision, u64 kv count, then per kv:
//           bytes key, bytes value, i64 create revision, i64 mod revision, i64 version
// "bytes" is a u64 length followed by that many bytes. The change log is not
// stored: restore derives it from the histories (invariant 3 of the store).
#include <iterator>
#include <limits>
#include <utility>

#include "storage/core/machine_codec.hpp"
#include "storage/core/mvcc_byte_codec.hpp"
#include "storage/core/mvcc_request_checks.hpp"
#include "storage/core/mvcc_store.hpp"

namespace troupe::storage {

namespace {

constexpr std::uint32_t snapshot_magic = 0x43564d54;  // "TMVC" read little-endian
constexpr std::uint32_t snapshot_format_version = 1;

// The fewest bytes each repeated element can take, which bounds its count.
constexpr std::size_t u64_bytes = 8;
constexpr std::size_t key_bytes_min = u64_bytes + 1 + u64_bytes;
constexpr std::size_t record_bytes_min = 5 * u64_bytes;
constexpr std::size_t client_bytes_min = 2 * u64_bytes + 1 + 2 * u64_bytes;

// Keys have no limit of their own (a Raft entry bounds them); the reader
// still never returns more bytes than the input holds.
constexpr std::size_t key_bytes_max = std::numeric_limits<std::size_t>::max();

std::vector<mvcc_key_record> read_records(mvcc_byte_reader& in, std::int64_t current_revision) {
  std::vector<mvcc_key_record> records(in.count(record_bytes_min));
  for (auto& record : records) {
    record.revision = in.i64();
    record.sub_revision = in.i64();
    record.create_revision = in.i64();
    record.version = in.i64();
    record.value = in.bytes(value_bytes_max);
    if (record.revision > current_revision) in.fail();
    if (!in.ok()) return records;
  }
  return records;
}

}  // namespace

std::vector<std::uint8_t> mvcc_store::snapshot() const {
  mvcc_byte_writer out;
  out.u32(snapshot_magic);
  out.u32(snapshot_format_version);
  out.i64(current_revision_);
  out.i64(compacted_revision_);
  out.u64(keys_.size());
  for (const auto& [key, history] : keys_) {
    out.bytes(key);
    out.u64(history.records().size());
    for (const auto& record : history.records()) {
      out.i64(record.revision);
      out.i64(record.sub_revision);
      out.i64(record.create_revision);
      out.i64(record.version);
      out.bytes(record.value);
    }
  }
  auto clients = clients_.least_recent_first();
  out.u64(clients.size());
  for (const auto& record : clients) {
    out.u64(record.client);
    out.u64(record.sequence);
    write_txn_response(out, record.response);
  }
  return out.take();
}

std::variant<mvcc_store, store_error> mvcc_store::restore(std::span<const std::uint8_t> bytes) {
  constexpr auto corrupt = store_error::bad_data_dir;
  mvcc_byte_reader in(bytes);
  if (in.u32() != snapshot_magic || in.u32() != snapshot_format_version) return corrupt;
  mvcc_store store;
  store.current_revision_ = in.i64();
  store.compacted_revision_ = in.i64();
  if (store.current_revision_ < 1 || store.compacted_revision_ < 0 ||
      store.compacted_revision_ > store.current_revision_) {
    return corrupt;
  }
  std::size_t key_count = in.count(key_bytes_min);
  for (std::size_t i = 0; i < key_count; ++i) {
    auto key = in.bytes(key_bytes_max);
    auto records = read_records(in, store.current_revision_);
    if (!in.ok() || key.empty()) return corrupt;
    auto history = mvcc_key_history::from_records(std::move(records), store.compacted_revision_);
    // Keys were written in order, so each must sort after the previous one.
    bool in_order = store.keys_.empty() || std::prev(store.keys_.end())->first < key;
    if (!history || !in_order) return corrupt;
    store.keys_.emplace_hint(store.keys_.end(), std::move(key), std::move(*history));
  }
  std::size_t client_count = in.count(client_bytes_min);
  if (client_count > store.clients_.capacity()) return corrupt;
  for (std::size_t i = 0; i < client_count; ++i) {
    auto client = in.u64();
    auto sequence = in.u64();
    auto response = read_txn_response(in);
    if (!in.ok() || client == 0 || store.clients_.contains(client)) return corrupt;
    store.clients_.record(client, sequence, std::move(response));
  }
  if (!in.ok() || !in.at_end() || !store.rebuild_changes()) return corrupt;
  return store;
}

}  // namespace troupe::storage
