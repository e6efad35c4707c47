#include "messages/core/error_codes.hpp"

namespace troupe {

std::string to_string(membership_error value) {
  switch (value) {
    case membership_error::not_found:
      return "not_found";
    case membership_error::invalid_record:
      return "invalid_record";
    case membership_error::table_full:
      return "table_full";
    case membership_error::wrong_interface:
      return "wrong_interface";
    case membership_error::unreachable:
      return "unreachable";
  }
  return "unknown";
}

std::string to_string(store_error value) {
  switch (value) {
    case store_error::not_leader:
      return "not_leader";
    case store_error::no_leader:
      return "no_leader";
    case store_error::compacted:
      return "compacted";
    case store_error::future_revision:
      return "future_revision";
    case store_error::value_too_large:
      return "value_too_large";
    case store_error::malformed_request:
      return "malformed_request";
    case store_error::queue_full:
      return "queue_full";
    case store_error::timeout:
      return "timeout";
    case store_error::bad_data_dir:
      return "bad_data_dir";
    case store_error::learner_not_ready:
      return "learner_not_ready";
  }
  return "unknown";
}

std::string to_string(api_error value) {
  switch (value) {
    case api_error::bad_request:
      return "BadRequest";
    case api_error::unauthorized:
      return "Unauthorized";
    case api_error::forbidden:
      return "Forbidden";
    case api_error::not_found:
      return "NotFound";
    case api_error::method_not_allowed:
      return "MethodNotAllowed";
    case api_error::already_exists:
      return "AlreadyExists";
    case api_error::conflict:
      return "Conflict";
    case api_error::gone:
      return "Expired";
    case api_error::request_entity_too_large:
      return "RequestEntityTooLarge";
    case api_error::unsupported_media_type:
      return "UnsupportedMediaType";
    case api_error::invalid:
      return "Invalid";
    case api_error::too_many_requests:
      return "TooManyRequests";
    case api_error::internal:
      return "InternalError";
    case api_error::service_unavailable:
      return "ServiceUnavailable";
    case api_error::timeout:
      return "Timeout";
  }
  return "unknown";
}

}  // namespace troupe
