// Proves go_time_parse_error accepts what Go's time.Parse accepts for the
// RFC 3339 layouts of metav1.Time and metav1.MicroTime, and reproduces Go's
// error text for each way a timestamp can be wrong (element mismatch, range,
// extra text, day of month, quoting). Expected texts follow Go's time
// package error formats.
#include <catch2/catch.hpp>

#include "actors/api/core/schema/go_time.hpp"

namespace {

using troupe::api::schema::go_time_layout;
using troupe::api::schema::go_time_parse_error;

std::string error_of(std::string_view value, go_time_layout layout = go_time_layout::rfc3339) {
  auto error = go_time_parse_error(value, layout);
  REQUIRE(error);
  return *error;
}

}  // namespace

TEST_CASE("RFC 3339 timestamps Go accepts are accepted") {
  for (auto value :
       {"2024-01-01T00:00:00Z", "2024-02-29T23:59:59+05:30", "1999-12-31T10:00:00-08:00",
        "2024-01-01T00:00:00.123Z", "2024-01-01T00:00:00,5Z", "2024-01-01T7:00:00Z"})
    CHECK_FALSE(go_time_parse_error(value, go_time_layout::rfc3339));
}

TEST_CASE("an element that does not match names the rest of the value and the layout element") {
  CHECK(error_of("noon") ==
        R"(parsing time "noon" as "2006-01-02T15:04:05Z07:00": cannot parse "noon" as "2006")");
  CHECK(
      error_of("2024-1-01T00:00:00Z") ==
      R"(parsing time "2024-1-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-01T00:00:00Z" as "01")");
  CHECK(
      error_of("2024-01-01 00:00:00Z") ==
      R"(parsing time "2024-01-01 00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 00:00:00Z" as "T")");
  CHECK(
      error_of("2024-01-01T00:00:00") ==
      R"(parsing time "2024-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00")");
  CHECK(
      error_of("20a4-01-01T00:00:00Z") ==
      R"(parsing time "20a4-01-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "20a4-01-01T00:00:00Z" as "2006")");
}

TEST_CASE("an element out of range is named") {
  CHECK(error_of("2024-13-01T00:00:00Z") ==
        R"(parsing time "2024-13-01T00:00:00Z": month out of range)");
  CHECK(error_of("2024-00-01T00:00:00Z") ==
        R"(parsing time "2024-00-01T00:00:00Z": month out of range)");
  CHECK(error_of("2024-01-01T24:00:00Z") ==
        R"(parsing time "2024-01-01T24:00:00Z": hour out of range)");
  CHECK(error_of("2024-01-01T00:60:00Z") ==
        R"(parsing time "2024-01-01T00:60:00Z": minute out of range)");
  CHECK(error_of("2024-01-01T00:00:60Z") ==
        R"(parsing time "2024-01-01T00:00:60Z": second out of range)");
  CHECK(error_of("2024-01-01T00:00:00+25:00") ==
        R"(parsing time "2024-01-01T00:00:00+25:00": time zone offset hour out of range)");
}

TEST_CASE("a day beyond the month's end is out of range, leap years included") {
  CHECK(error_of("2024-04-31T00:00:00Z") ==
        R"(parsing time "2024-04-31T00:00:00Z": day out of range)");
  CHECK(error_of("2100-02-29T00:00:00Z") ==
        R"(parsing time "2100-02-29T00:00:00Z": day out of range)");
  CHECK_FALSE(go_time_parse_error("2000-02-29T00:00:00Z", go_time_layout::rfc3339));
}

TEST_CASE("text after the zone is extra text") {
  CHECK(error_of("2024-01-01T00:00:00Zjunk") ==
        R"(parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk")");
}

TEST_CASE("quotes, backslashes and non-ASCII bytes are escaped as Go quotes them") {
  CHECK(
      error_of("\xc3\xa9") ==
      R"(parsing time "\xc3\xa9" as "2006-01-02T15:04:05Z07:00": cannot parse "\xc3\xa9" as "2006")");
  CHECK(troupe::api::schema::go_time_quote("a\"b\\c\n") == R"("a\"b\\c\x0a")");
}

TEST_CASE("the MicroTime layout needs exactly six fraction digits") {
  CHECK_FALSE(go_time_parse_error("2024-01-01T00:00:00.123456Z", go_time_layout::rfc3339_micro));
  CHECK(
      error_of("2024-01-01T00:00:00.123Z", go_time_layout::rfc3339_micro) ==
      R"(parsing time "2024-01-01T00:00:00.123Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse ".123Z" as ".000000")");
  CHECK(
      error_of("2024-01-01T00:00:00.12345xZ", go_time_layout::rfc3339_micro) ==
      R"(parsing time "2024-01-01T00:00:00.12345xZ" as "2006-01-02T15:04:05.000000Z07:00": cannot parse ".12345xZ" as ".000000")");
}
