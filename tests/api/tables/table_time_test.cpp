// Durations and timestamps as kube prints them: duration.HumanDuration at
// each of its boundaries (cases after kube's duration_test.go and
// printers_test.go TestTranslateTimestampSince), RFC 3339 parsing with Go's
// time.Parse(time.RFC3339) rules (fractions, offsets, calendar checks), and
// ages from creation timestamps through a whole table.
#include <catch2/catch.hpp>

#include <limits>

#include "actors/api/core/tables/human_duration.hpp"
#include "actors/api/core/tables/table_timestamps.hpp"
#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace troupe::api::tables;
using namespace tables_test;

namespace {

constexpr std::int64_t second = 1'000'000'000;
constexpr std::int64_t minute = 60 * second;
constexpr std::int64_t hour = 60 * minute;
constexpr std::int64_t day = 24 * hour;
constexpr std::int64_t year = 365 * day;

}  // namespace

TEST_CASE("durations under two minutes print in seconds", "[tables][duration]") {
  CHECK(human_duration(0) == "0s");
  CHECK(human_duration(59 * second) == "59s");
  CHECK(human_duration(60 * second) == "60s");
  CHECK(human_duration(119 * second + 999'999'999) == "119s");
}

TEST_CASE("durations from two to ten minutes keep their seconds", "[tables][duration]") {
  CHECK(human_duration(2 * minute) == "2m");
  CHECK(human_duration(2 * minute + 3 * second) == "2m3s");
  CHECK(human_duration(9 * minute + 59 * second) == "9m59s");
}

TEST_CASE("durations from ten minutes to three hours print in minutes", "[tables][duration]") {
  CHECK(human_duration(10 * minute) == "10m");
  CHECK(human_duration(10 * minute + 59 * second) == "10m");
  CHECK(human_duration(100 * minute) == "100m");
  CHECK(human_duration(179 * minute + 59 * second) == "179m");
}

TEST_CASE("durations from three to eight hours keep their minutes", "[tables][duration]") {
  CHECK(human_duration(3 * hour) == "3h");
  CHECK(human_duration(3 * hour + 5 * minute) == "3h5m");
  CHECK(human_duration(7 * hour + 59 * minute) == "7h59m");
}

TEST_CASE("durations from eight hours to two days print in hours", "[tables][duration]") {
  CHECK(human_duration(8 * hour) == "8h");
  CHECK(human_duration(8 * hour + 30 * minute) == "8h");
  CHECK(human_duration(47 * hour + 59 * minute) == "47h");
}

TEST_CASE("durations from two to eight days keep their hours", "[tables][duration]") {
  CHECK(human_duration(2 * day) == "2d");
  CHECK(human_duration(2 * day + 3 * hour) == "2d3h");
  CHECK(human_duration(7 * day + 23 * hour) == "7d23h");
}

TEST_CASE("durations from eight days to two years print in days", "[tables][duration]") {
  CHECK(human_duration(8 * day) == "8d");
  CHECK(human_duration(90 * day) == "90d");
  CHECK(human_duration(729 * day + 23 * hour) == "729d");
}

TEST_CASE("durations from two to eight years keep their days, then print in years",
          "[tables][duration]") {
  CHECK(human_duration(2 * year) == "2y");
  CHECK(human_duration(2 * year + day) == "2y1d");
  CHECK(human_duration(3 * year) == "3y");
  CHECK(human_duration(7 * year + 364 * day) == "7y364d");
  CHECK(human_duration(8 * year) == "8y");
  CHECK(human_duration(10 * year + 100 * day) == "10y");
  CHECK(human_duration(std::numeric_limits<std::int64_t>::max()) == "292y");
}

TEST_CASE("slightly negative durations print 0s and more negative ones <invalid>",
          "[tables][duration]") {
  CHECK(human_duration(-1) == "0s");
  CHECK(human_duration(-1 * second) == "0s");
  CHECK(human_duration(-1 * second - 999'999'999) == "0s");
  CHECK(human_duration(-2 * second) == "<invalid>");
  CHECK(human_duration(std::numeric_limits<std::int64_t>::min()) == "<invalid>");
}

TEST_CASE("RFC 3339 times parse to their instant, with fractions and offsets",
          "[tables][timestamps]") {
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == timestamp{0, 0});
  CHECK(parse_timestamp("2024-06-01T12:00:00Z") == timestamp{1'717'243'200, 0});
  CHECK(parse_timestamp("2024-06-01T12:00:00.5Z") == timestamp{1'717'243'200, 500'000'000});
  CHECK(parse_timestamp("2024-06-01T12:00:00.123456Z") == timestamp{1'717'243'200, 123'456'000});
  // Go keeps nanoseconds and truncates further digits.
  CHECK(parse_timestamp("2024-06-01T12:00:00.1234567899Z") ==
        timestamp{1'717'243'200, 123'456'789});
  CHECK(parse_timestamp("2024-06-01T14:30:00+02:30") == timestamp{1'717'243'200, 0});
  CHECK(parse_timestamp("2024-06-01T07:00:00-05:00") == timestamp{1'717'243'200, 0});
  CHECK(parse_timestamp("2024-02-29T00:00:00Z").has_value());
  CHECK(parse_timestamp("0000-01-01T00:00:00Z") == timestamp{-62'167'219'200, 0});
  CHECK(parse_timestamp("9999-12-31T23:59:59Z") == timestamp{253'402'300'799, 0});
}

TEST_CASE("text Go's time.Parse(time.RFC3339) refuses does not parse", "[tables][timestamps]") {
  for (const char* text : {"",
                           "2024-06-01",
                           "2024-06-01T12:00:00",
                           "2024-06-01 12:00:00Z",
                           "2024-06-01t12:00:00Z",
                           "2024-06-01T12:00:00z",
                           "2024-13-01T12:00:00Z",
                           "2023-02-29T12:00:00Z",
                           "2024-06-31T12:00:00Z",
                           "2024-06-01T24:00:00Z",
                           "2024-06-01T12:60:00Z",
                           "2024-06-01T12:00:60Z",
                           "2024-06-01T12:00:00.Z",
                           "2024-06-01T12:00:00+0200",
                           "2024-06-01T12:00:00+24:00",
                           "2024-06-01T12:00:00+02:60",
                           "2024-06-01T12:00:00ZZ",
                           "+2024-06-01T12:00:00Z",
                           "2024-6-01T12:00:00Z",
                           "2024-06-01T12:00:00 Z"}) {
    INFO(text);
    CHECK_FALSE(parse_timestamp(text).has_value());
  }
}

TEST_CASE("Go's zero time, null, missing and unparsable times are no time",
          "[tables][timestamps]") {
  CHECK_FALSE(timestamp_value(json("0001-01-01T00:00:00Z")).has_value());
  CHECK_FALSE(timestamp_value(json("0001-01-01T01:00:00+01:00")).has_value());
  CHECK(timestamp_value(json("0001-01-01T00:00:01Z")).has_value());
  CHECK_FALSE(timestamp_value(json(nullptr)).has_value());
  CHECK_FALSE(timestamp_value(json(1717243200)).has_value());
  CHECK_FALSE(timestamp_value(json("yesterday")).has_value());
  CHECK(age_since(json(nullptr), now()) == "<unknown>");
  CHECK(age_since(json("0001-01-01T00:00:00Z"), now()) == "<unknown>");
}

TEST_CASE("ages count from the creation timestamp to now", "[tables][timestamps]") {
  CHECK(age_since(json(ago(0)), now()) == "0s");
  CHECK(age_since(json(ago(30)), now()) == "30s");
  CHECK(age_since(json(ago(300)), now()) == "5m");
  CHECK(age_since(json(ago(6000)), now()) == "100m");
  CHECK(age_since(json(ago(2 * 86'400)), now()) == "2d");
  CHECK(age_since(json(ago(90 * 86'400)), now()) == "90d");
  CHECK(age_since(json(ago(10 * 365 * 86'400)), now()) == "10y");
  // Creation a little in the future (clock skew) is tolerated, then not.
  CHECK(age_since(json(ago(-1)), now()) == "0s");
  CHECK(age_since(json(ago(-3)), now()) == "<invalid>");
  // An offset names the same instant as its UTC text.
  CHECK(age_since(json("2024-06-01T13:55:00+02:00"), now()) == "5m");
  CHECK(age_since(json("2024-06-01T11:59:59.5Z"), now()) == "0s");
}

TEST_CASE("times a Go Duration cannot span saturate as Go's Time.Sub does",
          "[tables][timestamps]") {
  CHECK(age_since(json("1700-01-01T00:00:00Z"), now()) == "292y");
  CHECK(age_since(json("2500-01-01T00:00:00Z"), now()) == "<invalid>");
  CHECK(nanoseconds_between(timestamp{0, 0}, timestamp{1, 5}) == 1'000'000'005);
  CHECK(nanoseconds_between(timestamp{1, 5}, timestamp{0, 0}) == -1'000'000'005);
}

TEST_CASE("creation times print in UTC RFC 3339 for the default table", "[tables][timestamps]") {
  CHECK(format_timestamp_utc(json("2024-06-01T14:30:00.75+02:30")) == "2024-06-01T12:00:00Z");
  CHECK(format_timestamp_utc(json("1969-12-31T23:59:59Z")) == "1969-12-31T23:59:59Z");
  CHECK(format_timestamp_utc(json(nullptr)) == "0001-01-01T00:00:00Z");
}

TEST_CASE("AGE cells of a table follow the object's creation timestamp", "[tables][timestamps]") {
  json config_map = {{"metadata", {{"name", "settings"}, {"creationTimestamp", ago(123)}}}};
  CHECK(cells_of("v1", "ConfigMap", config_map)[2] == "2m3s");
  config_map["metadata"].erase("creationTimestamp");
  CHECK(cells_of("v1", "ConfigMap", config_map)[2] == "<unknown>");
}
