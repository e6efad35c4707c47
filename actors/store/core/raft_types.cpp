#include "actors/store/core/raft_types.hpp"

namespace troupe::store::raft {

std::string to_string(message_type value) {
  switch (value) {
    case message_type::append:
      return "append";
    case message_type::append_response:
      return "append_response";
    case message_type::heartbeat:
      return "heartbeat";
    case message_type::heartbeat_response:
      return "heartbeat_response";
    case message_type::pre_vote:
      return "pre_vote";
    case message_type::pre_vote_response:
      return "pre_vote_response";
    case message_type::vote:
      return "vote";
    case message_type::vote_response:
      return "vote_response";
    case message_type::snapshot:
      return "snapshot";
    case message_type::timeout_now:
      return "timeout_now";
  }
  return "unknown";
}

}  // namespace troupe::store::raft
