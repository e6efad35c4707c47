#include "storage/core/machine_codec.hpp"

#include <limits>

#include "storage/core/mvcc_request_checks.hpp"

namespace troupe::storage {

namespace {

constexpr std::uint32_t machine_meta_version = 1;
constexpr std::size_t u64_bytes = 8;
constexpr std::size_t read_bytes_min = 1 + 2 * u64_bytes;
constexpr std::size_t kv_bytes_min = 5 * u64_bytes;
// Keys have no limit of their own (a Raft entry bounds them); the reader
// still never returns more bytes than the input holds.
constexpr std::size_t key_bytes_max = std::numeric_limits<std::size_t>::max();

bool read_flag(mvcc_byte_reader& in) {
  auto flag = in.u8();
  if (flag > 1) in.fail();
  return flag == 1;
}

void big_endian(std::uint64_t value, std::uint8_t* out) {
  for (int i = 7; i >= 0; --i, value >>= 8) out[i] = static_cast<std::uint8_t>(value);
}

std::uint64_t from_big_endian(const std::uint8_t* in) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | in[i];
  return value;
}

}  // namespace

record_key encode_record_key(const record_id& id) {
  record_key key{};
  big_endian(static_cast<std::uint64_t>(id.first), key.data());
  big_endian(static_cast<std::uint64_t>(id.second), key.data() + 8);
  return key;
}

std::optional<record_id> decode_record_key(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != sizeof(record_key)) return std::nullopt;
  record_id id{static_cast<std::int64_t>(from_big_endian(bytes.data())),
               static_cast<std::int64_t>(from_big_endian(bytes.data() + 8))};
  if (id.first < 1 || id.second < 0) return std::nullopt;
  return id;
}

std::vector<std::uint8_t> encode_record_value(const machine_record& record) {
  mvcc_byte_writer out;
  out.reserve(mvcc_byte_writer::bytes_size(record.key) + 2 * sizeof(std::int64_t) +
              mvcc_byte_writer::bytes_size(record.record.value));
  out.bytes(record.key);
  out.i64(record.record.create_revision);
  out.i64(record.record.version);
  out.bytes(record.record.value);
  return out.take();
}

std::optional<machine_record> decode_record(const record_id& id,
                                            std::span<const std::uint8_t> bytes) {
  mvcc_byte_reader in(bytes);
  machine_record record;
  record.key = in.bytes(key_bytes_max);
  record.record.revision = id.first;
  record.record.sub_revision = id.second;
  record.record.create_revision = in.i64();
  record.record.version = in.i64();
  record.record.value = in.bytes(value_bytes_max);
  if (!in.ok() || !in.at_end() || record.key.empty()) return std::nullopt;
  return record;
}

std::vector<std::uint8_t> encode_client(const mvcc_client_record& record) {
  mvcc_byte_writer out;
  out.u64(record.use);
  out.u64(record.sequence);
  write_txn_response(out, record.response);
  return out.take();
}

std::optional<mvcc_client_record> decode_client(std::uint64_t client,
                                                std::span<const std::uint8_t> bytes) {
  mvcc_byte_reader in(bytes);
  mvcc_client_record record;
  record.client = client;
  record.use = in.u64();
  record.sequence = in.u64();
  record.response = read_txn_response(in);
  if (!in.ok() || !in.at_end() || client == 0) return std::nullopt;
  return record;
}

std::vector<std::uint8_t> encode_machine_meta(const machine_meta& meta) {
  mvcc_byte_writer out;
  out.u32(machine_meta_version);
  out.u64(meta.applied);
  out.i64(meta.current_revision);
  out.i64(meta.compacted_revision);
  return out.take();
}

std::optional<machine_meta> decode_machine_meta(std::span<const std::uint8_t> bytes) {
  mvcc_byte_reader in(bytes);
  if (in.u32() != machine_meta_version) return std::nullopt;
  machine_meta meta{in.u64(), in.i64(), in.i64()};
  if (!in.ok() || !in.at_end() || meta.current_revision < 1 || meta.compacted_revision < 0 ||
      meta.compacted_revision > meta.current_revision)
    return std::nullopt;
  return meta;
}

void write_txn_response(mvcc_byte_writer& out, const txn_response& response) {
  out.u8(response.succeeded ? 1 : 0);
  out.i64(response.revision);
  out.u64(response.reads.size());
  for (const auto& read : response.reads) {
    out.u8(read.more ? 1 : 0);
    out.i64(read.revision);
    out.u64(read.kvs.size());
    for (const auto& kv : read.kvs) {
      out.bytes(kv.key);
      out.bytes(kv.value);
      out.i64(kv.create_revision);
      out.i64(kv.mod_revision);
      out.i64(kv.version);
    }
  }
}

txn_response read_txn_response(mvcc_byte_reader& in) {
  txn_response response;
  response.succeeded = read_flag(in);
  response.revision = in.i64();
  response.reads.resize(in.count(read_bytes_min));
  for (auto& read : response.reads) {
    read.more = read_flag(in);
    read.revision = in.i64();
    read.kvs.resize(in.count(kv_bytes_min));
    for (auto& kv : read.kvs) {
      kv.key = in.bytes(key_bytes_max);
      kv.value = in.bytes(value_bytes_max);
      kv.create_revision = in.i64();
      kv.mod_revision = in.i64();
      kv.version = in.i64();
      if (!in.ok()) return response;
    }
  }
  return response;
}

}  // namespace troupe::storage
