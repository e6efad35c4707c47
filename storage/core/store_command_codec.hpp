// Encodes and decodes the store's state-machine command, a `txn_request` or
// a compaction, in
// the Cap'n Proto format of messages/schema/store_command.capnp (flat,
// unpacked words). These bytes are the `command` payload of a Raft log entry.
//
// Decoding never throws and never reads past the given bytes: malformed,
// truncated or oversized input, a list longer than its bound or an enum value
// this version does not know yields an error message instead. Decoding checks
// the format only; the store's own limits (check_txn_request) still apply.
//
// Encoding writes an enum value outside its C++ enumerators as 65535, which no
// enumerant will ever use, so that every reader refuses it rather than a newer
// one misreading it as an enumerant added later.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "messages/core/store.hpp"
#include "storage/core/log_entry_codec.hpp"

namespace troupe::storage {

// A command must fit in one log entry, so the entry's bound is the command's.
constexpr std::size_t encoded_store_command_bytes_max = encoded_log_entry_bytes_max;

// Compares, and operations per branch, accepted by the decoder. Far above the
// store's limit (txn_operations_max) so that the store, not the codec, reports
// a request that exceeds it; this bound only stops a hostile count early.
constexpr std::size_t store_command_list_entries_max = 1024;

// Compacts every replica's store to `revision` at the same log position.
struct compact_command {
  std::int64_t revision = 0;  // > 0
};

using store_command = std::variant<txn_request, compact_command>;

std::vector<std::uint8_t> encode_store_command(const store_command& command);

// A compaction with a transaction's fields set, or a revision below 1, is
// refused as malformed.
std::variant<store_command, decode_error> decode_store_command(std::span<const std::uint8_t> bytes);

}  // namespace troupe::storage
