// The Cap'n Proto store command (a txn_request, the payload of a Raft log
// entry) round-trips every field, and decoding refuses malformed input,
// unknown enum values and hostile list lengths with a message instead of
// crashing.
#include <capnp/message.h>
#include <capnp/serialize.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <tuple>

#include "messages/schema/store_command.capnp.h"
#include "storage/core/store_command_codec.hpp"

using namespace troupe;
using namespace troupe::storage;

namespace {

bool same_compare(const txn_compare& a, const txn_compare& b) {
  return std::tie(a.key, a.field, a.relation, a.value) ==
         std::tie(b.key, b.field, b.relation, b.value);
}

bool same_operation(const txn_operation& a, const txn_operation& b) {
  return std::tie(a.type, a.key, a.range_end, a.value) ==
         std::tie(b.type, b.key, b.range_end, b.value);
}

bool same_request(const txn_request& a, const txn_request& b) {
  return std::equal(a.compares.begin(), a.compares.end(), b.compares.begin(), b.compares.end(),
                    same_compare) &&
         std::equal(a.success.begin(), a.success.end(), b.success.begin(), b.success.end(),
                    same_operation) &&
         std::equal(a.failure.begin(), a.failure.end(), b.failure.begin(), b.failure.end(),
                    same_operation) &&
         a.client == b.client && a.sequence == b.sequence;
}

txn_request round_trip(const txn_request& request) {
  auto bytes = encode_store_command(request);
  auto decoded = decode_store_command(bytes);
  if (auto* error = std::get_if<decode_error>(&decoded)) FAIL(error->message);
  return std::get<txn_request>(std::get<store_command>(decoded));
}

std::string message_of(std::span<const std::uint8_t> bytes) {
  auto decoded = decode_store_command(bytes);
  auto* error = std::get_if<decode_error>(&decoded);
  return error ? error->message : std::string("(decoded)");
}

std::vector<std::uint8_t> bytes_of(capnp::MallocMessageBuilder& message) {
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

// Key and value bytes that a text format would mangle: NUL, high bytes, no
// terminator.
const std::string binary_key("k\0e\xffy", 5);
const std::string binary_value("\0\x01\x80\xfe\0", 5);

}  // namespace

TEST_CASE("a store command round-trips every field and enum value", "[storage]") {
  txn_request request;
  std::int64_t value = -3;
  for (auto field : {txn_compare::target::mod_revision, txn_compare::target::create_revision,
                     txn_compare::target::version, txn_compare::target::exists}) {
    for (auto relation : {txn_compare::op::equal, txn_compare::op::not_equal, txn_compare::op::less,
                          txn_compare::op::greater}) {
      request.compares.push_back(txn_compare{binary_key + std::to_string(value), field, relation,
                                             value * 1'000'000'000'007});
      ++value;
    }
  }
  for (auto type :
       {txn_operation::kind::put, txn_operation::kind::remove, txn_operation::kind::range}) {
    request.success.push_back(txn_operation{type, binary_key, binary_key + '\0', binary_value});
    request.failure.push_back(txn_operation{type, "plain", "", ""});
  }
  request.client = ~std::uint64_t{0};
  request.sequence = 1ull << 63;
  CHECK(same_request(round_trip(request), request));
}

TEST_CASE("a store command carrying a 1.5 MiB value fits in one log entry", "[storage]") {
  std::string value(1536 * 1024, '\0');
  for (std::size_t i = 0; i < value.size(); ++i) value[i] = static_cast<char>(i * 31);
  txn_request request{{{"big", txn_compare::target::version, txn_compare::op::equal, 0}},
                      {{txn_operation::kind::put, "big", "", value}},
                      {},
                      7,
                      8};
  CHECK(same_request(round_trip(request), request));

  auto command = encode_store_command(request);
  auto entry_bytes = encode_log_entry(log_entry{2, 3, {7, 8}, command});
  CHECK(entry_bytes.size() <= encoded_log_entry_bytes_max);
  auto entry = decode_log_entry(entry_bytes);
  REQUIRE(std::holds_alternative<log_entry>(entry));
  CHECK(std::get<command_bytes>(std::get<log_entry>(entry).payload) == command);
}

TEST_CASE("an empty store command round-trips", "[storage]") {
  auto decoded = round_trip(txn_request{});
  CHECK(same_request(decoded, txn_request{}));
  CHECK(decoded.compares.empty());
  CHECK(decoded.success.empty());
  CHECK(decoded.failure.empty());
}

TEST_CASE("an enum value from a newer writer is refused, naming the field", "[storage]") {
  capnp::MallocMessageBuilder message;
  auto request = message.initRoot<schema::TxnRequest>();
  auto compares = request.initCompares(2);
  auto success = request.initSuccess(3);
  auto failure = request.initFailure(1);

  success[2].setKind(static_cast<schema::Operation::Kind>(7));
  CHECK(message_of(bytes_of(message)) == "success[2].kind: unknown value 7");
  success[2].setKind(schema::Operation::Kind::RANGE);

  failure[0].setKind(static_cast<schema::Operation::Kind>(3));
  CHECK(message_of(bytes_of(message)) == "failure[0].kind: unknown value 3");
  failure[0].setKind(schema::Operation::Kind::REMOVE);

  compares[1].setTarget(static_cast<schema::Compare::Target>(4));
  CHECK(message_of(bytes_of(message)) == "compares[1].target: unknown value 4");
  compares[1].setTarget(schema::Compare::Target::EXISTS);

  compares[0].setRelation(static_cast<schema::Compare::Relation>(9));
  CHECK(message_of(bytes_of(message)) == "compares[0].relation: unknown value 9");
  compares[0].setRelation(schema::Compare::Relation::GREATER);

  CHECK(message_of(bytes_of(message)) == "(decoded)");
}

TEST_CASE("an enum value outside its enumerators encodes to a command every reader refuses",
          "[storage]") {
  txn_request request{{}, {{static_cast<txn_operation::kind>(9), "k", "", ""}}, {}};
  CHECK(message_of(encode_store_command(request)) == "success[0].kind: unknown value 65535");

  request = txn_request{{{"k", static_cast<txn_compare::target>(5), txn_compare::op::less, 0}}};
  CHECK(message_of(encode_store_command(request)) == "compares[0].target: unknown value 65535");
}

TEST_CASE("lists above the decoder's bound are refused, the store's own limit is left to it",
          "[storage]") {
  auto operations = [](std::size_t count) {
    return std::vector<txn_operation>(count, txn_operation{txn_operation::kind::range, "k"});
  };
  auto compares = [](std::size_t count) {
    return std::vector<txn_compare>(count, txn_compare{"k"});
  };
  // Far above the store's 128: still decoded, so the store reports its limit.
  txn_request at_bound{compares(1024), operations(1024), operations(1024)};
  CHECK(same_request(round_trip(at_bound), at_bound));

  CHECK(message_of(encode_store_command(txn_request{compares(1025)})) ==
        "compares: 1025 entries exceed the limit of 1024");
  CHECK(message_of(encode_store_command(txn_request{{}, operations(1025)})) ==
        "success: 1025 entries exceed the limit of 1024");
  CHECK(message_of(encode_store_command(txn_request{{}, {}, operations(1025)})) ==
        "failure: 1025 entries exceed the limit of 1024");
}

TEST_CASE("malformed store commands are refused with a message", "[storage]") {
  CHECK(message_of({}) == "store command of 0 bytes is not a whole number of 8-byte words");
  CHECK(message_of(std::vector<std::uint8_t>{1, 2, 3}) ==
        "store command of 3 bytes is not a whole number of 8-byte words");
  CHECK(message_of(std::vector<std::uint8_t>(12)) ==
        "store command of 12 bytes is not a whole number of 8-byte words");
  CHECK(message_of(std::vector<std::uint8_t>(16, 0xff)).rfind("malformed store command: ", 0) == 0);

  txn_request request{{}, {{txn_operation::kind::put, "key", "", std::string(64, 'v')}}, {}};
  auto truncated = encode_store_command(request);
  truncated.resize(truncated.size() - 16);
  CHECK(message_of(truncated).rfind("malformed store command: ", 0) == 0);
}

TEST_CASE("a store command above 2 MiB is refused before it is read", "[storage]") {
  CHECK(message_of(std::vector<std::uint8_t>(encoded_store_command_bytes_max + 8)) ==
        "store command of 2097160 bytes exceeds the limit of 2097152");
}

TEST_CASE("corrupted or random store commands are refused or decoded, never crash", "[storage]") {
  // Every byte of a valid encoding overwritten with a few values, then random
  // words from a fixed seed; the sanitizers turn any bad read into a failure.
  txn_request request{{{binary_key, txn_compare::target::exists, txn_compare::op::greater, 1}},
                      {{txn_operation::kind::put, binary_key, "", binary_value}},
                      {{txn_operation::kind::range, "a", "z", ""}},
                      5,
                      6};
  auto valid = encode_store_command(request);
  std::size_t refused = 0;
  for (std::size_t position = 0; position < valid.size(); ++position) {
    for (std::uint8_t value : {0x00, 0x01, 0x7f, 0x80, 0xff}) {
      auto corrupted = valid;
      corrupted[position] = value;
      if (std::holds_alternative<decode_error>(decode_store_command(corrupted))) ++refused;
    }
  }
  CHECK(refused > 0);

  std::mt19937_64 random(20240601);
  for (int attempt = 0; attempt < 2000; ++attempt) {
    std::vector<std::uint8_t> garbage(8 * (1 + random() % 32));
    for (auto& byte : garbage) byte = static_cast<std::uint8_t>(random());
    CHECK_NOTHROW(decode_store_command(garbage));
  }
}
