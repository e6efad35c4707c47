#include "storage/lmdb_meta_codec.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <cstring>
#include <optional>

#include "messages/schema/raft_state.capnp.h"
#include "storage/core/capnp_encode.hpp"
#include "storage/core/snapshot_metadata_codec.hpp"

namespace troupe::storage {

namespace {

// Reads one root of type `Schema` from `bytes` with `read`, which returns
// either the value or an error message.
template <typename Schema, typename Value, typename Read>
std::variant<Value, decode_error> decode(std::span<const std::uint8_t> bytes, Read read) {
  return decode_flat<Schema, Value>(bytes, meta_record_bytes_max, "record", read);
}

}  // namespace

std::vector<std::uint8_t> encode_store_header(const store_header& header) {
  capnp::MallocMessageBuilder message;
  auto builder = message.initRoot<schema::StoreHeader>();
  builder.setFormatVersion(header.format_version);
  builder.setCluster(header.identity.cluster);
  builder.setReplica(header.identity.replica);
  return encode_flat(message);
}

std::variant<store_header, decode_error> decode_store_header(std::span<const std::uint8_t> bytes) {
  return decode<schema::StoreHeader, store_header>(bytes, [](schema::StoreHeader::Reader reader) {
    return std::variant<store_header, decode_error>{
        store_header{reader.getFormatVersion(), {reader.getCluster(), reader.getReplica()}}};
  });
}

std::vector<std::uint8_t> encode_hard_state(const hard_state& state) {
  capnp::MallocMessageBuilder message;
  auto builder = message.initRoot<schema::HardState>();
  builder.setTerm(state.term);
  builder.setVote(state.vote);
  builder.setCommit(state.commit);
  return encode_flat(message);
}

std::variant<hard_state, decode_error> decode_hard_state(std::span<const std::uint8_t> bytes) {
  return decode<schema::HardState, hard_state>(bytes, [](schema::HardState::Reader reader) {
    return std::variant<hard_state, decode_error>{
        hard_state{reader.getTerm(), reader.getVote(), reader.getCommit()}};
  });
}

std::vector<std::uint8_t> encode_snapshot_metadata(const snapshot_metadata& metadata) {
  capnp::MallocMessageBuilder message;
  write_snapshot_metadata(message.initRoot<schema::SnapshotMetadata>(), metadata);
  return encode_flat(message);
}

std::variant<snapshot_metadata, decode_error> decode_snapshot_metadata(
    std::span<const std::uint8_t> bytes) {
  using result = std::variant<snapshot_metadata, decode_error>;
  return decode<schema::SnapshotMetadata, snapshot_metadata>(
      bytes, [](schema::SnapshotMetadata::Reader reader) -> result {
        return read_snapshot_metadata(reader, "configuration");
      });
}

}  // namespace troupe::storage
