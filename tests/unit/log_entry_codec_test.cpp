// The Cap'n Proto log-entry envelope round-trips every payload kind, and
// decoding refuses malformed input instead of crashing.
#include <catch2/catch.hpp>

#include "storage/core/log_entry_codec.hpp"

using namespace troupe::storage;

namespace {

log_entry round_trip(const log_entry& entry) {
  auto bytes = encode_log_entry(entry);
  auto decoded = decode_log_entry(bytes);
  if (auto* error = std::get_if<decode_error>(&decoded)) FAIL(error->message);
  return std::get<log_entry>(decoded);
}

}  // namespace

TEST_CASE("log entries round-trip through the Cap'n Proto envelope", "[storage]") {
  log_entry no_op_entry{7, 42, {1, 2}, no_op{}};
  CHECK(round_trip(no_op_entry) == no_op_entry);

  command_bytes command(1500 * 1024);
  for (std::size_t i = 0; i < command.size(); ++i) command[i] = static_cast<std::uint8_t>(i * 31);
  log_entry command_entry{9, 1ull << 40, {0xfeedface, 77}, command};
  CHECK(round_trip(command_entry) == command_entry);

  for (auto kind : {config_change_kind::add_voter, config_change_kind::add_learner,
                    config_change_kind::remove_replica}) {
    log_entry change{3, 4, {}, config_change{kind, "store-2"}};
    CHECK(round_trip(change) == change);
  }
}

TEST_CASE("malformed log entries are refused with a message", "[storage]") {
  auto message_of = [](std::vector<std::uint8_t> bytes) {
    auto decoded = decode_log_entry(bytes);
    auto* error = std::get_if<decode_error>(&decoded);
    return error ? error->message : std::string("(decoded)");
  };
  CHECK(message_of({}) == "entry of 0 bytes is not a whole number of 8-byte words");
  CHECK(message_of({1, 2, 3}) == "entry of 3 bytes is not a whole number of 8-byte words");
  CHECK(message_of(std::vector<std::uint8_t>(16, 0xff)).rfind("malformed entry: ", 0) == 0);
  CHECK(message_of(std::vector<std::uint8_t>(encoded_log_entry_bytes_max + 8)) ==
        "entry of 2097160 bytes exceeds the limit of 2097152");

  auto truncated = encode_log_entry(log_entry{1, 1, {}, command_bytes(64, 1)});
  truncated.resize(truncated.size() - 16);
  CHECK(message_of(truncated).rfind("malformed entry: ", 0) == 0);
}
