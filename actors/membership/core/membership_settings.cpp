#include "actors/membership/core/membership_settings.hpp"

#include "messages/core/membership_limits.hpp"

namespace troupe::membership {

std::optional<std::string> membership_settings::validate() const {
  if (heartbeat_interval_ms < 10 || heartbeat_interval_ms > 60000)
    return "membership.heartbeat-interval-ms: must be between 10 and 60000";
  if (failure_timeout_ms < 3 * heartbeat_interval_ms)
    return "membership.failure-timeout-ms: must be at least 3 heartbeat intervals (" +
           std::to_string(3 * heartbeat_interval_ms) + ")";
  if (failure_timeout_ms > 600000) return "membership.failure-timeout-ms: must be at most 600000";
  if (dial_timeout_ms < 10 || dial_timeout_ms > 60000)
    return "membership.dial-timeout-ms: must be between 10 and 60000";
  if (dial_backoff_min_ms < 1 || dial_backoff_max_ms < dial_backoff_min_ms)
    return "membership.dial-backoff-ms: min must be >= 1 and <= max";
  if (candidate_ttl_ms < failure_timeout_ms)
    return "membership.candidate-ttl-ms: must be at least the failure timeout";
  if (members_max < 1 || members_max > troupe::members_max)
    return "membership.members-max: must be between 1 and " + std::to_string(troupe::members_max);
  return std::nullopt;
}

}  // namespace troupe::membership
