// The durable formats of the state machine's records (machine_changes.hpp),
// in the little-endian primitives of mvcc_byte_codec.hpp:
//   record key   16 bytes: revision, sub_revision as big-endian u64, so keys
//                sort in write order
//   record value bytes key, i64 create revision, i64 version, bytes value
//   client value u64 use, u64 sequence, then the txn response (below)
//   machine meta u32 format version, u64 applied, i64 current revision,
//                i64 compacted revision
//   txn response u8 succeeded, i64 revision, u64 read count, then per read:
//                u8 more, i64 revision, u64 kv count, then per kv:
//                bytes key, bytes value, i64 create, i64 mod revision, i64 version
// Decoders refuse (nothing) any input they did not produce, and never read past
// their span.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "storage/core/machine_changes.hpp"
#include "storage/core/mvcc_byte_codec.hpp"

namespace troupe::storage {

using record_key = std::array<std::uint8_t, 16>;

record_key encode_record_key(const record_id& id);
std::optional<record_id> decode_record_key(std::span<const std::uint8_t> bytes);

std::vector<std::uint8_t> encode_record_value(const machine_record& record);
// The record stored under `id`.
std::optional<machine_record> decode_record(const record_id& id,
                                            std::span<const std::uint8_t> bytes);

std::vector<std::uint8_t> encode_client(const mvcc_client_record& record);
std::optional<mvcc_client_record> decode_client(std::uint64_t client,
                                                std::span<const std::uint8_t> bytes);

struct machine_meta {
  std::uint64_t applied = 0;
  std::int64_t current_revision = 1;
  std::int64_t compacted_revision = 0;
};
std::vector<std::uint8_t> encode_machine_meta(const machine_meta& meta);
std::optional<machine_meta> decode_machine_meta(std::span<const std::uint8_t> bytes);

void write_txn_response(mvcc_byte_writer& out, const txn_response& response);
txn_response read_txn_response(mvcc_byte_reader& in);

}  // namespace troupe::storage
