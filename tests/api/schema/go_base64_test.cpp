// Proves go_base64_error_offset accepts padded standard base64 (newlines
// skipped) and reports the byte offset Go's base64.StdEncoding reports for
// each kind of corruption: a bad symbol, missing or wrong padding, and data
// after the padding.
#include <catch2/catch.hpp>

#include "actors/api/core/schema/go_base64.hpp"

using troupe::api::schema::go_base64_error_offset;

TEST_CASE("padded standard base64 is accepted, newlines anywhere") {
  for (auto text : {"", "YQ==", "YWI=", "YWJj", "YWJjZA==", "YW\nJj", "YWJj\r\n", "+/+/"})
    CHECK_FALSE(go_base64_error_offset(text));
}

TEST_CASE("a symbol outside the alphabet is reported at its offset") {
  CHECK(go_base64_error_offset("not base64!") == 3U);
  CHECK(go_base64_error_offset("YWJj-A==") == 4U);
  CHECK(go_base64_error_offset("YW_j") == 2U);
}

TEST_CASE("a quantum cut short is reported where Go reports it") {
  CHECK(go_base64_error_offset("YQ") == 0U);
  CHECK(go_base64_error_offset("YWJjZA") == 4U);
  CHECK(go_base64_error_offset("YWJjZ") == 4U);
}

TEST_CASE("wrong or missing padding is reported") {
  CHECK(go_base64_error_offset("Y===") == 1U);
  CHECK(go_base64_error_offset("YQ=") == 3U);
  CHECK(go_base64_error_offset("YQ=x") == 2U);
}

TEST_CASE("data after the padding is reported at its start") {
  CHECK(go_base64_error_offset("YQ==YQ==") == 4U);
  CHECK(go_base64_error_offset("YWI=\nx") == 5U);
}

TEST_CASE("the message reads as Go's CorruptInputError") {
  CHECK(troupe::api::schema::go_base64_error_message(3) == "illegal base64 data at input byte 3");
}
