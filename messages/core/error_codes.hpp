// Operating error codes of every component, as plain enums usable by pure
// cores. Each value documents when it is returned. messages/errors.hpp turns
// them into CAF errors (category atom + code) for actors.
#pragma once

#include <cstdint>
#include <string>

namespace troupe {

/// Errors of the membership registry.
enum class membership_error : std::uint8_t {
  /// No alive member publishes an actor of the requested kind (on the
  /// requested node, if one was named).
  not_found = 1,
  /// A record received from the network broke a limit or an invariant of
  /// member_summary.hpp; it was dropped.
  invalid_record,
  /// The member table holds `members_max` entries; a new node was refused.
  table_full,
  /// A dial reached a listener that is not a Troupe membership actor.
  wrong_interface,
  /// A dial could not connect (refused, unreachable or timed out).
  unreachable,
};

/// Errors of the consensus store.
enum class store_error : std::uint8_t {
  /// This replica is not the leader; the client should retry at the leader.
  not_leader = 1,
  /// No leader is known (election in progress or no quorum).
  no_leader,
  /// The requested revision is below the compaction point.
  compacted,
  /// The requested revision is newer than the store's current revision.
  future_revision,
  /// A value exceeds the 1.5 MiB limit.
  value_too_large,
  /// A request is malformed (empty key, bad range, too many operations).
  malformed_request,
  /// The client's bounded queue is full; back off and retry.
  queue_full,
  /// The request did not complete within its deadline.
  timeout,
  /// The data directory is corrupt or belongs to another cluster or replica.
  bad_data_dir,
  /// A learner cannot be promoted yet: it has not caught up with the log.
  learner_not_ready,
};

/// Errors of the api actor; the gateway maps each to a Kubernetes Status.
enum class api_error : std::uint8_t {
  bad_request = 1,           // 400 BadRequest
  unauthorized,              // 401 Unauthorized
  forbidden,                 // 403 Forbidden
  not_found,                 // 404 NotFound
  method_not_allowed,        // 405 MethodNotAllowed
  already_exists,            // 409 AlreadyExists
  conflict,                  // 409 Conflict
  gone,                      // 410 Expired (below the compaction point)
  request_entity_too_large,  // 413 RequestEntityTooLarge
  unsupported_media_type,    // 415 UnsupportedMediaType
  invalid,                   // 422 Invalid, with field causes
  too_many_requests,         // 429 TooManyRequests
  internal,                  // 500 InternalError
  service_unavailable,       // 503 ServiceUnavailable
  timeout,                   // 504 Timeout
};

std::string to_string(membership_error value);
std::string to_string(store_error value);
std::string to_string(api_error value);

}  // namespace troupe
