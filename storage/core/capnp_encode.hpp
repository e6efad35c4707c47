// Encoding a Cap'n Proto message as one flat (unpacked) byte array, the
// counterpart of decode_flat (capnp_decode.hpp): the shared tail of every
// encoder in storage/, the Raft message codec and the api's stored-object
// envelope. capnp writes the segment table and segments straight into the
// result, sized once, rather than into a word array that is copied again.
#pragma once

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/io.h>

#include <cstdint>
#include <string>
#include <vector>

namespace troupe::storage {

// Bytes: std::vector<std::uint8_t> or std::string.
template <class Bytes = std::vector<std::uint8_t>>
Bytes encode_flat(capnp::MessageBuilder& message) {
  Bytes bytes(capnp::computeSerializedSizeInWords(message) * sizeof(capnp::word), 0);
  kj::ArrayOutputStream out(kj::arrayPtr(reinterpret_cast<kj::byte*>(bytes.data()), bytes.size()));
  capnp::writeMessage(out, message);
  return bytes;
}

}  // namespace troupe::storage
