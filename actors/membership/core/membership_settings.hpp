// Tunables of the membership protocol, with their reasons.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace troupe::membership {

struct membership_settings {
  // How often a node heartbeats every member it knows and runs its timers.
  std::int64_t heartbeat_interval_ms = 500;
  // A member not heard from directly for this long has departed. Must cover
  // several heartbeats so that one lost or late heartbeat is not a departure.
  std::int64_t failure_timeout_ms = 5000;
  // A dial that has not answered within this long has failed.
  std::int64_t dial_timeout_ms = 2000;
  // First retry delay of a failed dial; doubles per failure up to the max.
  std::int64_t dial_backoff_min_ms = 250;
  std::int64_t dial_backoff_max_ms = 5000;
  // An address learned from a digest (not a seed) is dialled for this long
  // after the last heartbeat that mentioned it, then forgotten.
  std::int64_t candidate_ttl_ms = 30000;
  // Upper bound of the member table, self included (see members_max).
  std::size_t members_max = 1024;

  // Names the offending field, or nothing when the settings are usable.
  std::optional<std::string> validate() const;
};

}  // namespace troupe::membership
