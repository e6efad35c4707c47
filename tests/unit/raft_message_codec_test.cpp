// The Cap'n Proto Raft message between store replicas round-trips every type
// and field, and decoding refuses malformed input, unknown enum values and
// messages the Raft core assumes never arrive with a message instead of
// crashing.
#include <capnp/message.h>
#include <capnp/serialize.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <tuple>

#include "actors/store/core/raft_message_codec.hpp"
#include "messages/schema/raft_message.capnp.h"

using namespace troupe;
using namespace troupe::store::raft;
using storage::decode_error;

namespace {

const message_type all_types[] = {message_type::append,    message_type::append_response,
                                  message_type::heartbeat, message_type::heartbeat_response,
                                  message_type::pre_vote,  message_type::pre_vote_response,
                                  message_type::vote,      message_type::vote_response,
                                  message_type::snapshot,  message_type::timeout_now};

bool same_snapshot(const std::optional<snapshot>& a, const std::optional<snapshot>& b) {
  if (!a || !b) return !a && !b;
  return a->metadata == b->metadata && a->data == b->data;
}

bool same_message(const message& a, const message& b) {
  return std::tie(a.type, a.from, a.to, a.term, a.log_term, a.index, a.entries, a.commit, a.reject,
                  a.reject_hint, a.context,
                  a.force) == std::tie(b.type, b.from, b.to, b.term, b.log_term, b.index, b.entries,
                                       b.commit, b.reject, b.reject_hint, b.context, b.force) &&
         same_snapshot(a.snapshot, b.snapshot);
}

message round_trip(const message& value) {
  auto decoded = decode_message(encode_message(value));
  if (auto* error = std::get_if<decode_error>(&decoded)) FAIL(error->message);
  return std::get<message>(decoded);
}

std::string message_of(std::span<const std::uint8_t> bytes) {
  auto decoded = decode_message(bytes);
  auto* error = std::get_if<decode_error>(&decoded);
  return error ? error->message : std::string("(decoded)");
}

std::vector<std::uint8_t> bytes_of(capnp::MallocMessageBuilder& encoded) {
  auto words = capnp::messageToFlatArray(encoded);
  auto bytes = words.asBytes();
  return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

// Entries of every payload kind, consecutive after `previous`.
std::vector<log_entry> entries_after(std::uint64_t previous) {
  storage::command_bytes command(4096);
  for (std::size_t i = 0; i < command.size(); ++i) command[i] = static_cast<std::uint8_t>(i * 7);
  using storage::config_change;
  using storage::config_change_kind;
  return {
      log_entry{5, previous + 1, {}, storage::no_op{}},
      log_entry{5, previous + 2, {0xfeedface, 77}, command},
      log_entry{6, previous + 3, {1, 2}, storage::command_bytes{}},
      log_entry{6, previous + 4, {}, config_change{config_change_kind::add_voter, "store-4"}},
      log_entry{6, previous + 5, {}, config_change{config_change_kind::add_learner, "store-5"}},
      log_entry{7, previous + 6, {}, config_change{config_change_kind::remove_replica, "store-2"}},
  };
}

snapshot image_of(std::size_t data_bytes) {
  snapshot image{{90, 6, {{"store-1", "store-2", "store-3"}, {"store-4", "store-5"}}}, {}};
  image.data.resize(data_bytes);
  for (std::size_t i = 0; i < data_bytes; ++i) image.data[i] = static_cast<std::uint8_t>(i * 31);
  return image;
}

message full_message(message_type type, std::size_t snapshot_bytes) {
  return message{.type = type,
                 .from = "store-1",
                 .to = "store-2",
                 .term = 7,
                 .log_term = 6,
                 .index = 1ull << 40,
                 .entries = entries_after(1ull << 40),
                 .commit = 123,
                 .reject = true,
                 .reject_hint = 99,
                 .context = 0xdeadbeefcafe,
                 .force = true,
                 .snapshot = image_of(snapshot_bytes)};
}

// A valid message whose schema fields a test then spoils one at a time.
schema::RaftMessage::Builder minimal_message(capnp::MallocMessageBuilder& encoded) {
  auto builder = encoded.initRoot<schema::RaftMessage>();
  builder.setType(schema::RaftMessage::Type::APPEND);
  builder.setFrom("store-1");
  builder.setTo("store-2");
  return builder;
}

}  // namespace

TEST_CASE("every raft message type round-trips with every field set", "[raft]") {
  for (auto type : all_types) {
    INFO(to_string(type));
    auto value = full_message(type, 1024 * 1024);
    CHECK(same_message(round_trip(value), value));
  }
}

TEST_CASE("a raft message without entries or snapshot round-trips its defaults", "[raft]") {
  for (auto type : all_types) {
    if (type == message_type::snapshot) continue;
    INFO(to_string(type));
    message value{.type = type, .from = "a", .to = "b"};
    auto decoded = round_trip(value);
    CHECK(same_message(decoded, value));
    CHECK_FALSE(decoded.snapshot);
    CHECK(decoded.entries.empty());
  }
}

TEST_CASE("an empty snapshot image is still a snapshot", "[raft]") {
  message value{.type = message_type::snapshot, .from = "a", .to = "b", .snapshot = snapshot{}};
  auto decoded = round_trip(value);
  REQUIRE(decoded.snapshot);
  CHECK(same_message(decoded, value));
}

TEST_CASE("a raft message type or entry kind from a newer writer is refused, naming the field",
          "[raft]") {
  capnp::MallocMessageBuilder encoded;
  auto builder = minimal_message(encoded);
  CHECK(message_of(bytes_of(encoded)) == "(decoded)");

  builder.setType(static_cast<schema::RaftMessage::Type>(10));
  CHECK(message_of(bytes_of(encoded)) == "type: unknown value 10");
  builder.setType(schema::RaftMessage::Type::APPEND);

  auto entries = builder.initEntries(2);
  entries[0].setIndex(1);
  entries[1].setIndex(2);
  auto change = entries[1].getPayload().initConfigChange();
  change.setKind(static_cast<schema::ConfigChange::Kind>(5));
  CHECK(message_of(bytes_of(encoded)) == "entries[1].configChange.kind: unknown value 5");
  change.setKind(schema::ConfigChange::Kind::REMOVE_REPLICA);
  CHECK(message_of(bytes_of(encoded)) == "(decoded)");
}

TEST_CASE("a message type outside its enumerators encodes to a message every reader refuses",
          "[raft]") {
  message value{.type = static_cast<message_type>(42), .from = "a", .to = "b"};
  CHECK(message_of(encode_message(value)) == "type: unknown value 65535");
}

TEST_CASE("a raft message without sender or receiver is refused", "[raft]") {
  CHECK(message_of(encode_message(message{.from = "", .to = "b"})) == "from: empty replica name");
  CHECK(message_of(encode_message(message{.from = "a", .to = ""})) == "to: empty replica name");
}

TEST_CASE("entries that do not follow the previous index one by one are refused", "[raft]") {
  auto value = full_message(message_type::append, 0);
  value.entries[3].index += 1;
  CHECK(message_of(encode_message(value)) ==
        "entries[3].index: " + std::to_string(value.index + 5) + ", expected " +
            std::to_string(value.index + 4));

  value = full_message(message_type::append, 0);
  value.index = 0;
  CHECK(message_of(encode_message(value)) ==
        "entries[0].index: " + std::to_string((1ull << 40) + 1) + ", expected 1");

  // An index that would wrap around is no previous index of any entry.
  value = message{.from = "a", .to = "b", .index = UINT64_MAX, .entries = {log_entry{1, 0}}};
  CHECK(message_of(encode_message(value)) ==
        "entries: 1 entries after index 18446744073709551615 overflow the index");
}

TEST_CASE("a snapshot message must carry a consistent snapshot", "[raft]") {
  message value{.type = message_type::snapshot, .from = "a", .to = "b"};
  CHECK(message_of(encode_message(value)) == "snapshot: missing in a snapshot message");

  value.snapshot = image_of(16);
  value.snapshot->metadata.config.learners.insert("store-2");
  CHECK(message_of(encode_message(value)) ==
        "snapshot.metadata.config: store-2 is both voter and learner");
}

TEST_CASE("malformed raft messages are refused with a message", "[raft]") {
  CHECK(message_of({}) == "raft message of 0 bytes is not a whole number of 8-byte words");
  CHECK(message_of(std::vector<std::uint8_t>{1, 2, 3}) ==
        "raft message of 3 bytes is not a whole number of 8-byte words");
  auto unaligned = encode_message(full_message(message_type::append, 64));
  unaligned.push_back(0);
  CHECK(message_of(unaligned) == "raft message of " + std::to_string(unaligned.size()) +
                                     " bytes is not a whole number of 8-byte words");
  CHECK(message_of(std::vector<std::uint8_t>(16, 0xff)).rfind("malformed raft message: ", 0) == 0);

  auto truncated = encode_message(full_message(message_type::snapshot, 1024));
  for (std::size_t cut : {8, 64, 512}) {
    auto bytes = truncated;
    bytes.resize(bytes.size() - cut);
    CHECK(message_of(bytes).rfind("malformed raft message: ", 0) == 0);
  }
}

TEST_CASE("corrupted or random raft messages are refused or decoded, never crash", "[raft]") {
  // Every byte of a valid encoding overwritten with a few values, then random
  // words from a fixed seed; the sanitizers turn any bad read into a failure.
  auto valid = encode_message(full_message(message_type::snapshot, 64));
  std::size_t refused = 0;
  for (std::size_t position = 0; position < valid.size(); ++position) {
    for (std::uint8_t value : {0x00, 0x01, 0x7f, 0x80, 0xff}) {
      auto corrupted = valid;
      corrupted[position] = value;
      if (std::holds_alternative<decode_error>(decode_message(corrupted))) ++refused;
    }
  }
  CHECK(refused > 0);

  std::mt19937_64 random(20240602);
  for (int attempt = 0; attempt < 2000; ++attempt) {
    auto corrupted = valid;
    for (int flips = 0; flips < 4; ++flips)
      corrupted[random() % corrupted.size()] = static_cast<std::uint8_t>(random());
    CHECK_NOTHROW(decode_message(corrupted));

    std::vector<std::uint8_t> garbage(8 * (1 + random() % 32));
    for (auto& byte : garbage) byte = static_cast<std::uint8_t>(random());
    CHECK_NOTHROW(decode_message(garbage));
  }
}
