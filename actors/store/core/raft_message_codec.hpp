// Encodes and decodes a Raft `message` between store replicas in the Cap'n
// Proto format of messages/schema/raft_message.capnp (flat, unpacked words).
// Entries use the log-entry envelope (storage/core/log_entry_codec.hpp), the
// snapshot's metadata the format of the LMDB meta records.
//
// Decoding never throws and never reads past the given bytes. Besides
// malformed, truncated or oversized input it refuses what the Raft core
// assumes never arrives, with an error naming the field:
//   1. a message type or entry enum value this version does not know;
//   2. an empty `from` or `to`;
//   3. entries that are not consecutive from `index` + 1;
//   4. a snapshot message without a snapshot, or a snapshot configuration
//      whose voters and learners overlap.
//
// Encoding writes a message type outside its C++ enumerators as 65535, which
// no enumerant will ever use, so that every reader refuses it. A snapshot
// image must stay below encoded_raft_message_bytes_max (a precondition: the
// encoder cannot shrink it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "actors/store/core/raft_types.hpp"
#include "storage/core/capnp_decode.hpp"

namespace troupe::store::raft {

// The largest encoded message accepted. Snapshots dominate: Cap'n Proto holds
// at most 2^29 - 1 bytes in one Data blob, so a snapshot image is below
// 512 MiB whatever the bound; appends stay near message_bytes_max (1 MiB by
// default, plus at most one oversized entry of 2 MiB). Anything larger is
// garbage or hostile.
constexpr std::size_t encoded_raft_message_bytes_max = 512 * 1024 * 1024;

std::vector<std::uint8_t> encode_message(const message& value);

std::variant<message, storage::decode_error> decode_message(std::span<const std::uint8_t> bytes);

}  // namespace troupe::store::raft
