// Timestamps in objects (metav1.Time, metav1.MicroTime: RFC 3339 text) as
// kube-apiserver reads them when it prints tables, and the two ways tables
// show them: an age ("5m", Kubernetes' translateTimestampSince) and the
// default table's "Created At" (Go's t.UTC().Format(time.RFC3339)).
//
// Contract (pure, never throws):
//   - parse_timestamp accepts what Go's time.Parse(time.RFC3339, ...) does:
//     "YYYY-MM-DDTHH:MM:SS" with years 0000-9999 and real calendar days,
//     optional ".digits" (nanosecond precision, further digits truncated as
//     Go truncates), then "Z" or "+HH:MM"/"-HH:MM". Nothing else parses.
//   - A missing, null, unparsable or zero time (0001-01-01T00:00:00Z, Go's
//     time.Time{}) is "no time": ages print "<unknown>", as kube prints them.
//   - Differences saturate at the limits of a Go time.Duration (about 292
//     years), as Go's Time.Sub does.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api::tables {

// An instant: seconds since the Unix epoch (UTC) and nanoseconds into it.
struct timestamp {
  std::int64_t seconds = 0;
  std::int32_t nanoseconds = 0;  // 0 <= nanoseconds < 1e9
  friend bool operator==(const timestamp&, const timestamp&) = default;
};

// Go's zero time.Time, 0001-01-01T00:00:00Z.
inline constexpr timestamp go_zero_time{-62'135'596'800, 0};

std::optional<timestamp> parse_timestamp(std::string_view text);

// The time held by a JSON member value; nothing for no time (see above).
std::optional<timestamp> timestamp_value(const nlohmann::json& value);

timestamp timestamp_of(std::chrono::system_clock::time_point time);

// later - earlier in nanoseconds, saturated to the int64 range.
std::int64_t nanoseconds_between(const timestamp& earlier, const timestamp& later);

// "<unknown>" for no time, else human_duration(now - time).
std::string age_since(const nlohmann::json& value, std::chrono::system_clock::time_point now);
std::string age_since(const timestamp& time, std::chrono::system_clock::time_point now);

// RFC 3339 in UTC without fraction ("2024-05-01T10:00:00Z"); no time prints
// Go's zero time "0001-01-01T00:00:00Z", as kube's default table does.
std::string format_timestamp_utc(const nlohmann::json& value);

}  // namespace troupe::api::tables
