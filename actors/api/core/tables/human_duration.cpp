#include "actors/api/core/tables/human_duration.hpp"

namespace troupe::api::tables {

namespace {

constexpr std::int64_t nanoseconds_per_second = 1'000'000'000;
constexpr std::int64_t seconds_per_minute = 60;
constexpr std::int64_t seconds_per_hour = 3'600;
constexpr std::int64_t hours_per_day = 24;
constexpr std::int64_t days_per_year = 365;

std::string with_remainder(std::int64_t whole, const char* unit, std::int64_t part,
                           const char* part_unit) {
  auto text = std::to_string(whole) + unit;
  if (part != 0) text += std::to_string(part) + part_unit;
  return text;
}

// Durations of at least two minutes (the caller handles shorter ones).
std::string long_duration(std::int64_t seconds) {
  auto minutes = seconds / seconds_per_minute;
  if (minutes < 10) return with_remainder(minutes, "m", seconds % seconds_per_minute, "s");
  if (minutes < 60 * 3) return std::to_string(minutes) + "m";
  auto hours = seconds / seconds_per_hour;
  if (hours < 8) return with_remainder(hours, "h", minutes % 60, "m");
  if (hours < 48) return std::to_string(hours) + "h";
  auto days = hours / hours_per_day;
  if (hours < hours_per_day * 8) return with_remainder(days, "d", hours % hours_per_day, "h");
  if (hours < hours_per_day * days_per_year * 2) return std::to_string(days) + "d";
  auto years = days / days_per_year;
  if (hours < hours_per_day * days_per_year * 8)
    return with_remainder(years, "y", days % days_per_year, "d");
  return std::to_string(years) + "y";
}

}  // namespace

std::string human_duration(std::int64_t nanoseconds) {
  // Go truncates toward zero, as C++ integer division does.
  auto seconds = nanoseconds / nanoseconds_per_second;
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < seconds_per_minute * 2) return std::to_string(seconds) + "s";
  return long_duration(seconds);
}

}  // namespace troupe::api::tables
