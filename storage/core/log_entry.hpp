// One replicated log entry as the Raft core and the stores see it.
//
// Exactly one payload alternative is set: none (a leader's no-op), a command
// (opaque bytes of the state machine's format) or a membership change. The
// wire and disk format is messages/schema/log_entry.capnp; see
// log_entry_codec.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace troupe::storage {

struct request_id {
  std::uint64_t client = 0;    // unique per client instance
  std::uint64_t sequence = 0;  // increases with each new request of that client
  friend bool operator==(const request_id&, const request_id&) = default;
};

enum class config_change_kind : std::uint8_t { add_voter, add_learner, remove_replica };

struct config_change {
  config_change_kind kind = config_change_kind::add_voter;
  std::string replica;
  friend bool operator==(const config_change&, const config_change&) = default;
};

struct no_op {
  friend bool operator==(const no_op&, const no_op&) = default;
};

using command_bytes = std::vector<std::uint8_t>;

struct log_entry {
  std::uint64_t term = 0;
  std::uint64_t index = 0;
  request_id request;
  std::variant<no_op, command_bytes, config_change> payload;
  friend bool operator==(const log_entry&, const log_entry&) = default;
};

}  // namespace troupe::storage
