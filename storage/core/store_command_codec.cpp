#include "storage/core/store_command_codec.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <cstring>
#include <optional>
#include <string>

#include "messages/schema/store_command.capnp.h"
#include "storage/core/capnp_encode.hpp"

namespace troupe::storage {

namespace {

// No schema enum will ever have this enumerant (see the header).
constexpr std::uint16_t unrepresentable_enumerant = 0xffff;

template <class SchemaEnum>
SchemaEnum unrepresentable() {
  return static_cast<SchemaEnum>(unrepresentable_enumerant);
}

schema::Compare::Target to_schema(txn_compare::target field) {
  switch (field) {
    case txn_compare::target::mod_revision:
      return schema::Compare::Target::MOD_REVISION;
    case txn_compare::target::create_revision:
      return schema::Compare::Target::CREATE_REVISION;
    case txn_compare::target::version:
      return schema::Compare::Target::VERSION;
    case txn_compare::target::exists:
      return schema::Compare::Target::EXISTS;
  }
  return unrepresentable<schema::Compare::Target>();
}

schema::Compare::Relation to_schema(txn_compare::op relation) {
  switch (relation) {
    case txn_compare::op::equal:
      return schema::Compare::Relation::EQUAL;
    case txn_compare::op::not_equal:
      return schema::Compare::Relation::NOT_EQUAL;
    case txn_compare::op::less:
      return schema::Compare::Relation::LESS;
    case txn_compare::op::greater:
      return schema::Compare::Relation::GREATER;
  }
  return unrepresentable<schema::Compare::Relation>();
}

schema::Operation::Kind to_schema(txn_operation::kind type) {
  switch (type) {
    case txn_operation::kind::put:
      return schema::Operation::Kind::PUT;
    case txn_operation::kind::remove:
      return schema::Operation::Kind::REMOVE;
    case txn_operation::kind::range:
      return schema::Operation::Kind::RANGE;
  }
  return unrepresentable<schema::Operation::Kind>();
}

std::optional<txn_compare::target> from_schema(schema::Compare::Target field) {
  switch (field) {
    case schema::Compare::Target::MOD_REVISION:
      return txn_compare::target::mod_revision;
    case schema::Compare::Target::CREATE_REVISION:
      return txn_compare::target::create_revision;
    case schema::Compare::Target::VERSION:
      return txn_compare::target::version;
    case schema::Compare::Target::EXISTS:
      return txn_compare::target::exists;
  }
  return std::nullopt;
}

std::optional<txn_compare::op> from_schema(schema::Compare::Relation relation) {
  switch (relation) {
    case schema::Compare::Relation::EQUAL:
      return txn_compare::op::equal;
    case schema::Compare::Relation::NOT_EQUAL:
      return txn_compare::op::not_equal;
    case schema::Compare::Relation::LESS:
      return txn_compare::op::less;
    case schema::Compare::Relation::GREATER:
      return txn_compare::op::greater;
  }
  return std::nullopt;
}

std::optional<txn_operation::kind> from_schema(schema::Operation::Kind type) {
  switch (type) {
    case schema::Operation::Kind::PUT:
      return txn_operation::kind::put;
    case schema::Operation::Kind::REMOVE:
      return txn_operation::kind::remove;
    case schema::Operation::Kind::RANGE:
      return txn_operation::kind::range;
  }
  return std::nullopt;
}

capnp::Data::Reader as_data(const std::string& bytes) {
  return kj::arrayPtr(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size());
}

std::string from_data(capnp::Data::Reader data) {
  return std::string(reinterpret_cast<const char*>(data.begin()), data.size());
}

void write_compares(capnp::List<schema::Compare>::Builder out,
                    const std::vector<txn_compare>& compares) {
  for (unsigned i = 0; i < out.size(); ++i) {
    auto builder = out[i];
    builder.setKey(as_data(compares[i].key));
    builder.setTarget(to_schema(compares[i].field));
    builder.setRelation(to_schema(compares[i].relation));
    builder.setValue(compares[i].value);
  }
}

void write_operations(capnp::List<schema::Operation>::Builder out,
                      const std::vector<txn_operation>& operations) {
  for (unsigned i = 0; i < out.size(); ++i) {
    auto builder = out[i];
    builder.setKind(to_schema(operations[i].type));
    builder.setKey(as_data(operations[i].key));
    builder.setRangeEnd(as_data(operations[i].range_end));
    builder.setValue(as_data(operations[i].value));
  }
}

// `name[index].field`, the path a decode error names.
std::string element_path(const char* name, unsigned index, const char* field) {
  return std::string(name) + "[" + std::to_string(index) + "]." + field;
}

template <class SchemaEnum>
decode_error unknown_value(const std::string& path, SchemaEnum value) {
  return decode_error{path + ": unknown value " + std::to_string(static_cast<unsigned>(value))};
}

std::optional<decode_error> check_length(const char* name, unsigned length) {
  if (length <= store_command_list_entries_max) return std::nullopt;
  return decode_error{std::string(name) + ": " + std::to_string(length) +
                      " entries exceed the limit of " +
                      std::to_string(store_command_list_entries_max)};
}

std::optional<decode_error> read_compares(capnp::List<schema::Compare>::Reader list,
                                          std::vector<txn_compare>& out) {
  if (auto error = check_length("compares", list.size())) return error;
  out.reserve(list.size());
  for (unsigned i = 0; i < list.size(); ++i) {
    auto reader = list[i];
    auto field = from_schema(reader.getTarget());
    if (!field) return unknown_value(element_path("compares", i, "target"), reader.getTarget());
    auto relation = from_schema(reader.getRelation());
    if (!relation) {
      return unknown_value(element_path("compares", i, "relation"), reader.getRelation());
    }
    out.push_back(txn_compare{from_data(reader.getKey()), *field, *relation, reader.getValue()});
  }
  return std::nullopt;
}

std::optional<decode_error> read_operations(const char* name,
                                            capnp::List<schema::Operation>::Reader list,
                                            std::vector<txn_operation>& out) {
  if (auto error = check_length(name, list.size())) return error;
  out.reserve(list.size());
  for (unsigned i = 0; i < list.size(); ++i) {
    auto reader = list[i];
    auto type = from_schema(reader.getKind());
    if (!type) return unknown_value(element_path(name, i, "kind"), reader.getKind());
    out.push_back(txn_operation{*type, from_data(reader.getKey()), from_data(reader.getRangeEnd()),
                                from_data(reader.getValue())});
  }
  return std::nullopt;
}

std::variant<store_command, decode_error> read_request(schema::TxnRequest::Reader reader) {
  if (reader.getCompactRevision() != 0) {
    if (reader.getCompactRevision() < 0)
      return decode_error{"compactRevision: must be positive, got " +
                          std::to_string(reader.getCompactRevision())};
    if (reader.hasCompares() || reader.hasSuccess() || reader.hasFailure() ||
        reader.getClient() != 0 || reader.getSequence() != 0)
      return decode_error{"compactRevision: a compaction carries no transaction fields"};
    return compact_command{reader.getCompactRevision()};
  }
  txn_request request;
  if (auto error = read_compares(reader.getCompares(), request.compares)) return *error;
  if (auto error = read_operations("success", reader.getSuccess(), request.success)) {
    return *error;
  }
  if (auto error = read_operations("failure", reader.getFailure(), request.failure)) {
    return *error;
  }
  request.client = reader.getClient();
  request.sequence = reader.getSequence();
  return request;
}

}  // namespace

std::vector<std::uint8_t> encode_store_command(const store_command& command) {
  capnp::MallocMessageBuilder message;
  auto builder = message.initRoot<schema::TxnRequest>();
  if (auto* compaction = std::get_if<compact_command>(&command)) {
    builder.setCompactRevision(compaction->revision);
  } else {
    const auto& request = std::get<txn_request>(command);
    write_compares(builder.initCompares(static_cast<unsigned>(request.compares.size())),
                   request.compares);
    write_operations(builder.initSuccess(static_cast<unsigned>(request.success.size())),
                     request.success);
    write_operations(builder.initFailure(static_cast<unsigned>(request.failure.size())),
                     request.failure);
    builder.setClient(request.client);
    builder.setSequence(request.sequence);
  }
  return encode_flat(message);
}

std::variant<store_command, decode_error> decode_store_command(
    std::span<const std::uint8_t> bytes) {
  return decode_flat<schema::TxnRequest, store_command>(bytes, encoded_store_command_bytes_max,
                                                        "store command", read_request);
}

}  // namespace troupe::storage
