#include "storage/core/log_entry_codec.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>

#include "messages/schema/log_entry.capnp.h"
#include "storage/core/capnp_decode.hpp"
#include "storage/core/capnp_encode.hpp"

namespace troupe::storage {

namespace {

schema::ConfigChange::Kind to_schema(config_change_kind kind) {
  switch (kind) {
    case config_change_kind::add_voter:
      return schema::ConfigChange::Kind::ADD_VOTER;
    case config_change_kind::add_learner:
      return schema::ConfigChange::Kind::ADD_LEARNER;
    case config_change_kind::remove_replica:
      return schema::ConfigChange::Kind::REMOVE_REPLICA;
  }
  return schema::ConfigChange::Kind::ADD_VOTER;
}

std::variant<config_change_kind, decode_error> from_schema(schema::ConfigChange::Kind kind) {
  switch (kind) {
    case schema::ConfigChange::Kind::ADD_VOTER:
      return config_change_kind::add_voter;
    case schema::ConfigChange::Kind::ADD_LEARNER:
      return config_change_kind::add_learner;
    case schema::ConfigChange::Kind::REMOVE_REPLICA:
      return config_change_kind::remove_replica;
  }
  return decode_error{"configChange.kind: unknown value " +
                      std::to_string(static_cast<unsigned>(kind))};
}

struct payload_writer {
  schema::LogEntry::Payload::Builder builder;
  void operator()(const no_op&) { builder.setEmpty(); }
  void operator()(const command_bytes& bytes) {
    builder.setCommand(kj::arrayPtr(bytes.data(), bytes.size()));
  }
  void operator()(const config_change& change) {
    auto out = builder.initConfigChange();
    out.setKind(to_schema(change.kind));
    out.setReplica(change.replica);
  }
};

}  // namespace

std::variant<log_entry, decode_error> read_log_entry(schema::LogEntry::Reader reader) {
  log_entry entry;
  entry.term = reader.getTerm();
  entry.index = reader.getIndex();
  entry.request.client = reader.getRequestId().getClient();
  entry.request.sequence = reader.getRequestId().getSequence();
  auto payload = reader.getPayload();
  switch (payload.which()) {
    case schema::LogEntry::Payload::EMPTY:
      entry.payload = no_op{};
      break;
    case schema::LogEntry::Payload::COMMAND: {
      auto data = payload.getCommand();
      entry.payload = command_bytes(data.begin(), data.end());
      break;
    }
    case schema::LogEntry::Payload::CONFIG_CHANGE: {
      auto change = payload.getConfigChange();
      auto kind = from_schema(change.getKind());
      if (auto* error = std::get_if<decode_error>(&kind)) return *error;
      entry.payload = config_change{std::get<config_change_kind>(kind), change.getReplica()};
      break;
    }
    default:
      return decode_error{"payload: unknown alternative " +
                          std::to_string(static_cast<unsigned>(payload.which()))};
  }
  return entry;
}

void write_log_entry(schema::LogEntry::Builder builder, const log_entry& entry) {
  builder.setTerm(entry.term);
  builder.setIndex(entry.index);
  builder.getRequestId().setClient(entry.request.client);
  builder.getRequestId().setSequence(entry.request.sequence);
  std::visit(payload_writer{builder.getPayload()}, entry.payload);
}

std::vector<std::uint8_t> encode_log_entry(const log_entry& entry) {
  capnp::MallocMessageBuilder message;
  write_log_entry(message.initRoot<schema::LogEntry>(), entry);
  return encode_flat(message);
}

std::variant<log_entry, decode_error> decode_log_entry(std::span<const std::uint8_t> bytes) {
  return decode_flat<schema::LogEntry, log_entry>(bytes, encoded_log_entry_bytes_max, "entry",
                                                  read_log_entry);
}

}  // namespace troupe::storage
