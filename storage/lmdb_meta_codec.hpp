// Encodes and decodes the records of the LMDB store's `meta` database (store
// header, hard state, snapshot metadata) in the Cap'n Proto format of
// messages/schema/raft_state.capnp (flat, unpacked words).
//
// Decoding never throws and never reads past the given bytes: malformed,
// truncated or oversized input, or a configuration whose voters and learners
// overlap, yields an error message instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "storage/core/log_entry_codec.hpp"
#include "storage/core/raft_durable_state.hpp"

namespace troupe::storage {

// The largest meta record accepted: a configuration of a few hundred replicas
// takes a few KiB, so 1 MiB only catches garbage.
constexpr std::size_t meta_record_bytes_max = 1024 * 1024;

// Which cluster and replica a data directory belongs to.
struct store_identity {
  std::string cluster;
  std::string replica;
  friend bool operator==(const store_identity&, const store_identity&) = default;
};

struct store_header {
  std::uint32_t format_version = 0;
  store_identity identity;
  friend bool operator==(const store_header&, const store_header&) = default;
};

std::vector<std::uint8_t> encode_store_header(const store_header& header);
std::variant<store_header, decode_error> decode_store_header(std::span<const std::uint8_t> bytes);

std::vector<std::uint8_t> encode_hard_state(const hard_state& state);
std::variant<hard_state, decode_error> decode_hard_state(std::span<const std::uint8_t> bytes);

std::vector<std::uint8_t> encode_snapshot_metadata(const snapshot_metadata& metadata);
std::variant<snapshot_metadata, decode_error> decode_snapshot_metadata(
    std::span<const std::uint8_t> bytes);

}  // namespace troupe::storage
