// Encodes and decodes `log_entry` in the Cap'n Proto format of
// messages/schema/log_entry.capnp (flat, unpacked words).
//
// Decoding never throws and never reads past the given bytes: malformed,
// truncated or oversized input yields an error message instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "messages/schema/log_entry.capnp.h"
#include "storage/core/capnp_decode.hpp"
#include "storage/core/log_entry.hpp"

namespace troupe::storage {

// The largest encoded entry accepted: a 1.5 MiB value plus envelope and
// transaction overhead (the store refuses values above 1.5 MiB, as etcd does).
constexpr std::size_t encoded_log_entry_bytes_max = 2 * 1024 * 1024;

std::vector<std::uint8_t> encode_log_entry(const log_entry& entry);

std::variant<log_entry, decode_error> decode_log_entry(std::span<const std::uint8_t> bytes);

// The envelope's writer and reader on their own, for formats that embed log
// entries (Raft messages). read_log_entry may throw kj exceptions on malformed
// input: call it only inside decode_flat's read function.
void write_log_entry(schema::LogEntry::Builder builder, const log_entry& entry);
std::variant<log_entry, decode_error> read_log_entry(schema::LogEntry::Reader reader);

}  // namespace troupe::storage
