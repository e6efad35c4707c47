#include "actors/api/core/tables/table_timestamps.hpp"

#include <cstdio>
#include <limits>

#include "actors/api/core/tables/human_duration.hpp"

namespace troupe::api::tables {

namespace {

constexpr std::int64_t nanoseconds_per_second = 1'000'000'000;
constexpr std::int64_t seconds_per_day = 86'400;
constexpr std::size_t fraction_digits_max = 9;

// `count` decimal digits at `at`, or nothing.
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Unix seconds of a civil date and time in UTC, if the date exists.
std::optional<std::int64_t> civil_seconds(int year, int month, int day, int hour, int minute,
                                          int second) {
  using namespace std::chrono;
  year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                      std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  std::int64_t days = sys_days{date}.time_since_epoch().count();
  return days * seconds_per_day + hour * 3'600 + minute * 60 + second;
}

// ".digits": nanoseconds (digits past the ninth are truncated); advances `at`.
std::int32_t fraction(std::string_view text, std::size_t& at) {
  if (at + 1 >= text.size() || text[at] != '.' || !is_digit(text[at + 1])) return 0;
  ++at;
  std::int64_t value = 0;
  std::size_t used = 0;
  for (; at < text.size() && is_digit(text[at]); ++at) {
    if (used == fraction_digits_max) continue;
    value = value * 10 + (text[at] - '0');
    ++used;
  }
  for (; used < fraction_digits_max; ++used) value *= 10;
  return static_cast<std::int32_t>(value);
}

// "Z" or "+HH:MM"/"-HH:MM" (hours 00-23, minutes 00-59): seconds east of UTC.
std::optional<std::int64_t> zone_offset(std::string_view zone) {
  if (zone == "Z") return 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
  auto hours = digits(zone, 1, 2);
  auto minutes = digits(zone, 4, 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  std::int64_t offset = (*hours * 60 + *minutes) * 60;
  return zone[0] == '-' ? -offset : offset;
}

std::int64_t saturated(std::int64_t seconds, std::int64_t nanoseconds) {
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  if (seconds > max / nanoseconds_per_second - 1) return max;
  if (seconds < min / nanoseconds_per_second + 1) return min;
  return seconds * nanoseconds_per_second + nanoseconds;
}

}  // namespace

std::optional<timestamp> parse_timestamp(std::string_view text) {
  auto year = digits(text, 0, 4);
  auto month = digits(text, 5, 2);
  auto day = digits(text, 8, 2);
  auto hour = digits(text, 11, 2);
  auto minute = digits(text, 14, 2);
  auto second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
    return std::nullopt;
  auto seconds = civil_seconds(*year, *month, *day, *hour, *minute, *second);
  if (!seconds) return std::nullopt;
  std::size_t at = 19;
  auto nanoseconds = fraction(text, at);
  auto offset = zone_offset(text.substr(at));
  if (!offset) return std::nullopt;
  return timestamp{*seconds - *offset, nanoseconds};
}

std::optional<timestamp> timestamp_value(const nlohmann::json& value) {
  if (!value.is_string()) return std::nullopt;
  auto parsed = parse_timestamp(value.get_ref<const std::string&>());
  if (!parsed || *parsed == go_zero_time) return std::nullopt;
  return parsed;
}

timestamp timestamp_of(std::chrono::system_clock::time_point time) {
  auto since_epoch =
      std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
  auto seconds = since_epoch / nanoseconds_per_second;
  auto nanoseconds = since_epoch % nanoseconds_per_second;
  if (nanoseconds < 0) {
    seconds -= 1;
    nanoseconds += nanoseconds_per_second;
  }
  return timestamp{seconds, static_cast<std::int32_t>(nanoseconds)};
}

std::int64_t nanoseconds_between(const timestamp& earlier, const timestamp& later) {
  // Both are within years 0-9999, so the differences below cannot overflow.
  return saturated(later.seconds - earlier.seconds,
                   static_cast<std::int64_t>(later.nanoseconds) - earlier.nanoseconds);
}

std::string age_since(const nlohmann::json& value, std::chrono::system_clock::time_point now) {
  auto time = timestamp_value(value);
  if (!time) return "<unknown>";
  return age_since(*time, now);
}

std::string age_since(const timestamp& time, std::chrono::system_clock::time_point now) {
  return human_duration(nanoseconds_between(time, timestamp_of(now)));
}

std::string format_timestamp_utc(const nlohmann::json& value) {
  using namespace std::chrono;
  auto time = timestamp_value(value).value_or(go_zero_time);
  auto day_count = time.seconds / seconds_per_day;
  auto second_of_day = time.seconds % seconds_per_day;
  if (second_of_day < 0) {
    day_count -= 1;
    second_of_day += seconds_per_day;
  }
  year_month_day date{sys_days{days{day_count}}};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(second_of_day / 3'600), static_cast<int>(second_of_day / 60 % 60),
                static_cast<int>(second_of_day % 60));
  return text;
}

}  // namespace troupe::api::tables
