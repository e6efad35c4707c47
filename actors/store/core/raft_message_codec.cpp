#include "actors/store/core/raft_message_codec.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <limits>
#include <optional>
#include <string>

#include "messages/schema/raft_message.capnp.h"
#include "storage/core/capnp_encode.hpp"
#include "storage/core/log_entry_codec.hpp"
#include "storage/core/snapshot_metadata_codec.hpp"

namespace troupe::store::raft {

namespace {

using storage::decode_error;
using Type = schema::RaftMessage::Type;

// No schema enum will ever have this enumerant (see the header).
constexpr std::uint16_t unrepresentable_enumerant = 0xffff;

Type to_schema(message_type type) {
  switch (type) {
    case message_type::append:
      return Type::APPEND;
    case message_type::append_response:
      return Type::APPEND_RESPONSE;
    case message_type::heartbeat:
      return Type::HEARTBEAT;
    case message_type::heartbeat_response:
      return Type::HEARTBEAT_RESPONSE;
    case message_type::pre_vote:
      return Type::PRE_VOTE;
    case message_type::pre_vote_response:
      return Type::PRE_VOTE_RESPONSE;
    case message_type::vote:
      return Type::VOTE;
    case message_type::vote_response:
      return Type::VOTE_RESPONSE;
    case message_type::snapshot:
      return Type::SNAPSHOT;
    case message_type::timeout_now:
      return Type::TIMEOUT_NOW;
  }
  return static_cast<Type>(unrepresentable_enumerant);
}

std::optional<message_type> from_schema(Type type) {
  switch (type) {
    case Type::APPEND:
      return message_type::append;
    case Type::APPEND_RESPONSE:
      return message_type::append_response;
    case Type::HEARTBEAT:
      return message_type::heartbeat;
    case Type::HEARTBEAT_RESPONSE:
      return message_type::heartbeat_response;
    case Type::PRE_VOTE:
      return message_type::pre_vote;
    case Type::PRE_VOTE_RESPONSE:
      return message_type::pre_vote_response;
    case Type::VOTE:
      return message_type::vote;
    case Type::VOTE_RESPONSE:
      return message_type::vote_response;
    case Type::SNAPSHOT:
      return message_type::snapshot;
    case Type::TIMEOUT_NOW:
      return message_type::timeout_now;
  }
  return std::nullopt;
}

void write_snapshot(schema::Snapshot::Builder builder, const snapshot& image) {
  storage::write_snapshot_metadata(builder.initMetadata(), image.metadata);
  builder.setData(kj::arrayPtr(image.data.data(), image.data.size()));
}

std::variant<snapshot, decode_error> read_snapshot(schema::Snapshot::Reader reader) {
  auto metadata = storage::read_snapshot_metadata(reader.getMetadata(), "snapshot.metadata.config");
  if (auto* error = std::get_if<decode_error>(&metadata)) return *error;
  snapshot image;
  image.metadata = std::get<snapshot_metadata>(std::move(metadata));
  auto data = reader.getData();
  image.data.assign(data.begin(), data.end());
  return image;
}

// Reads the entries, which must follow `previous` one by one.
std::optional<decode_error> read_entries(capnp::List<schema::LogEntry>::Reader list,
                                         std::uint64_t previous, std::vector<log_entry>& out) {
  if (previous > std::numeric_limits<std::uint64_t>::max() - list.size()) {
    return decode_error{"entries: " + std::to_string(list.size()) + " entries after index " +
                        std::to_string(previous) + " overflow the index"};
  }
  out.reserve(list.size());
  for (unsigned i = 0; i < list.size(); ++i) {
    auto path = "entries[" + std::to_string(i) + "]";
    auto entry = storage::read_log_entry(list[i]);
    if (auto* error = std::get_if<decode_error>(&entry))
      return decode_error{path + "." + error->message};
    auto& read = std::get<log_entry>(entry);
    auto expected = previous + 1 + i;
    if (read.index != expected) {
      return decode_error{path + ".index: " + std::to_string(read.index) + ", expected " +
                          std::to_string(expected)};
    }
    out.push_back(std::move(read));
  }
  return std::nullopt;
}

std::variant<message, decode_error> read_message(schema::RaftMessage::Reader reader) {
  message value;
  auto type = from_schema(reader.getType());
  if (!type) {
    return decode_error{"type: unknown value " +
                        std::to_string(static_cast<unsigned>(reader.getType()))};
  }
  value.type = *type;
  value.from = reader.getFrom();
  if (value.from.empty()) return decode_error{"from: empty replica name"};
  value.to = reader.getTo();
  if (value.to.empty()) return decode_error{"to: empty replica name"};
  value.term = reader.getTerm();
  value.log_term = reader.getLogTerm();
  value.index = reader.getIndex();
  if (auto error = read_entries(reader.getEntries(), value.index, value.entries)) return *error;
  value.commit = reader.getCommit();
  value.reject = reader.getReject();
  value.reject_hint = reader.getRejectHint();
  value.context = reader.getContext();
  value.force = reader.getForce();
  if (reader.hasSnapshot()) {
    auto image = read_snapshot(reader.getSnapshot());
    if (auto* error = std::get_if<decode_error>(&image)) return *error;
    value.snapshot = std::move(std::get<snapshot>(image));
  } else if (value.type == message_type::snapshot) {
    return decode_error{"snapshot: missing in a snapshot message"};
  }
  return value;
}

}  // namespace

std::vector<std::uint8_t> encode_message(const message& value) {
  capnp::MallocMessageBuilder encoded;
  auto builder = encoded.initRoot<schema::RaftMessage>();
  builder.setType(to_schema(value.type));
  builder.setFrom(value.from);
  builder.setTo(value.to);
  builder.setTerm(value.term);
  builder.setLogTerm(value.log_term);
  builder.setIndex(value.index);
  auto entries = builder.initEntries(static_cast<unsigned>(value.entries.size()));
  for (unsigned i = 0; i < entries.size(); ++i)
    storage::write_log_entry(entries[i], value.entries[i]);
  builder.setCommit(value.commit);
  builder.setReject(value.reject);
  builder.setRejectHint(value.reject_hint);
  builder.setContext(value.context);
  builder.setForce(value.force);
  if (value.snapshot) write_snapshot(builder.initSnapshot(), *value.snapshot);
  return storage::encode_flat(encoded);
}

std::variant<message, decode_error> decode_message(std::span<const std::uint8_t> bytes) {
  return storage::decode_flat<schema::RaftMessage, message>(bytes, encoded_raft_message_bytes_max,
                                                            "raft message", read_message);
}

}  // namespace troupe::store::raft
