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

std::string to_string(raft_error value) {
  switch (value) {
    case raft_error::not_leader:
      return "not_leader";
    case raft_error::transfer_in_progress:
      return "transfer_in_progress";
    case raft_error::uncommitted_too_large:
      return "uncommitted_too_large";
    case raft_error::config_change_pending:
      return "config_change_pending";
    case raft_error::not_ready:
      return "not_ready";
    case raft_error::read_queue_full:
      return "read_queue_full";
    case raft_error::invalid_change:
      return "invalid_change";
  }
  return "unknown";
}

}  // namespace troupe::store::raft
