// Resource quantities parse, round, compare and print their canonical form as
// kube's quantity_test.go tables say, and refuse malformed or oversized input.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

#include "messages/core/quantity.hpp"

using namespace troupe;

namespace {

quantity parsed(const std::string& text) {
  auto result = parse_quantity(text);
  INFO(text);
  REQUIRE(std::holds_alternative<quantity>(result));
  return std::get<quantity>(result);
}

quantity_error refused(const std::string& text) {
  auto result = parse_quantity(text);
  INFO(text);
  REQUIRE(std::holds_alternative<quantity_error>(result));
  return std::get<quantity_error>(result);
}

constexpr auto decimal = quantity_format::decimal_si;
constexpr auto binary = quantity_format::binary_si;
constexpr auto exponent = quantity_format::decimal_exponent;

struct parse_case {
  const char* input;
  const char* canonical;
  quantity_format format;
};

// Kube's TestQuantityParse table, each expectation written as its canonical
// form (the value is checked through the form, which is exact).
const parse_case kube_parse_cases[] = {
    {"0", "0", decimal},
    {"0n", "0", decimal},
    {"0u", "0", decimal},
    {"0m", "0", decimal},
    {"0Ki", "0", binary},
    {"0k", "0", decimal},
    {"0Mi", "0", binary},
    {"0M", "0", decimal},
    {"0Gi", "0", binary},
    {"0G", "0", decimal},
    {"0Ti", "0", binary},
    {"0T", "0", decimal},
    {"1", "1", decimal},
    {"1Ki", "1Ki", binary},
    {"8Ki", "8Ki", binary},
    {"7Mi", "7Mi", binary},
    {"6Gi", "6Gi", binary},
    {"5Ti", "5Ti", binary},
    {"4Pi", "4Pi", binary},
    {"3Ei", "3Ei", binary},
    {"10Ti", "10Ti", binary},
    {"100Ti", "100Ti", binary},
    {"5n", "5n", decimal},
    {"4u", "4u", decimal},
    {"3m", "3m", decimal},
    {"9", "9", decimal},
    {"8k", "8k", decimal},
    {"50k", "50k", decimal},
    {"7M", "7M", decimal},
    {"6G", "6G", decimal},
    {"5T", "5T", decimal},
    {"40T", "40T", decimal},
    {"300T", "300T", decimal},
    {"2P", "2P", decimal},
    {"1E", "1E", decimal},
    {"1E-3", "1e-3", exponent},
    {"1e3", "1e3", exponent},
    {"1E6", "1e6", exponent},
    {"1e9", "1e9", exponent},
    {"1E12", "1e12", exponent},
    {"1e15", "1e15", exponent},
    {"1E18", "1e18", exponent},
    {"1e14", "100e12", exponent},
    {"1e13", "10e12", exponent},
    {"100.035k", "100035", decimal},
    {"0.001", "1m", decimal},
    {"0.0005k", "500m", decimal},
    {"0.005", "5m", decimal},
    {"0.05", "50m", decimal},
    {"0.5", "500m", decimal},
    {"0.00050k", "500m", decimal},
    {"0.00500", "5m", decimal},
    {"0.05000", "50m", decimal},
    {"0.50000", "500m", decimal},
    {"0.5e0", "500e-3", exponent},
    {"0.5e-1", "50e-3", exponent},
    {"0.5e-2", "5e-3", exponent},
    {"10.035M", "10035k", decimal},
    {"1.2e3", "1200", exponent},
    {"1.3E+6", "1300e3", exponent},
    {"1.40e9", "1400e6", exponent},
    {"1.53E12", "1530e9", exponent},
    {"1.6e15", "1600e12", exponent},
    {"1.7E18", "1700e15", exponent},
    {"9.01", "9010m", decimal},
    {"8.1k", "8100", decimal},
    {"7.123456M", "7123456", decimal},
    {"6.987654321G", "6987654321", decimal},
    {"5.444T", "5444G", decimal},
    {"40.1T", "40100G", decimal},
    {"300.2T", "300200G", decimal},
    {"2.5P", "2500T", decimal},
    {"1.01E", "1010P", decimal},
    // Things that round up to a nano.
    {"3.001n", "4n", decimal},
    {"1.1E-9", "2e-9", exponent},
    {"0.0000000001", "1n", decimal},
    {"0.0000000005", "1n", decimal},
    {"0.00000000050", "1n", decimal},
    {"0.5e-9", "1e-9", exponent},
    {"0.9n", "1n", decimal},
    {"0.00000012345", "124n", decimal},
    {"0.00000012354", "124n", decimal},
    // Binary quantities saturate at 2^63-1.
    {"9Ei", "9223372036854775807", binary},
    {"9223372036854775807Ki", "9223372036854775807", binary},
    // Fractional binary quantities.
    {"100.035Ki", "102435840m", binary},
    {"0.5Mi", "512Ki", binary},
    {"0.05Gi", "53687091200m", binary},
    {"0.025Ti", "27487790694400m", binary},
    // Things written by trolls.
    {"0.000000000001Ki", "2n", decimal},
    {".001", "1m", decimal},
    {".0001k", "100m", decimal},
    {"1.", "1", decimal},
    {"1.G", "1G", decimal},
};

}  // namespace

TEST_CASE("kube's parse table gives the same values, formats and canonical forms", "[validation]") {
  for (const auto& item : kube_parse_cases) {
    INFO(item.input);
    auto value = parsed(item.input);
    CHECK(value.to_string() == item.canonical);
    CHECK(value.format() == item.format);
    // The canonical form parses back to the same value.
    CHECK(parsed(item.canonical) == value);
  }
}

TEST_CASE("a sign negates every value of kube's parse table and '+' changes nothing",
          "[validation]") {
  for (const auto& item : kube_parse_cases) {
    INFO(item.input);
    std::string canonical = item.canonical;
    auto negative = parsed(std::string("-") + item.input);
    CHECK(negative.to_string() == (canonical == "0" ? canonical : "-" + canonical));
    CHECK(negative.format() == item.format);
    CHECK(negative.sign() == -parsed(item.input).sign());
    auto positive = parsed(std::string("+") + item.input);
    CHECK(positive.to_string() == canonical);
    CHECK(positive.format() == item.format);
  }
}

TEST_CASE("the canonical form uses the largest exact suffix as kube's String table says",
          "[validation]") {
  const std::pair<const char*, const char*> cases[] = {
      // Kube's TestQuantityString alternates and TestQuantityParseEmit.
      {"1024Mi", "1Gi"},
      {"307200Ki", "300Mi"},
      {"6Ki", "6Ki"},
      {"1025024Mi", "1001Gi"},
      {"1024Gi", "1Ti"},
      {"5000m", "5"},
      {"0.5", "500m"},
      {"1000M", "1G"},
      {"0.001T", "1G"},
      {"1000000k", "1G"},
      {"1000000000", "1G"},
      {"1000u", "1m"},
      {"80m", "80m"},
      {"1.08", "1080m"},
      {"1080000000n", "1080m"},
      {"300M", "300M"},
      {"1T", "1T"},
      {"1234567M", "1234567M"},
      {"3k", "3k"},
      {"1025", "1025"},
      {".001e12", "1e9"},
      {"0.001e0", "1e-3"},
      {"1000e-12", "1e-9"},
      {"80e-3", "80e-3"},
      {"300e6", "300e6"},
      {"3e3", "3e3"},
      {"00", "0"},
      {"1n", "1n"},
      {"1080n", "1080n"},
      {"80u", "80u"},
      {"1080u", "1080u"},
      {"1Ki", "1Ki"},
      {"1Mi", "1Mi"},
      {".001Ki", "1024m"},
      {".000001Ki", "1024u"},
      {".000000001Ki", "1024n"},
      {".000000000001Ki", "2n"},
      // The examples of the API documentation.
      {"128974848", "128974848"},
      {"129e6", "129e6"},
      {"129M", "129M"},
      {"123Mi", "123Mi"},
      {"1.5Gi", "1536Mi"},
      {"1000m", "1"},
      {"100m", "100m"},
      {"1e3", "1e3"},
      // A whole binary value below 1024 is written in decimal.
      {"0.5Ki", "512"},
      {"1.5Ki", "1536"},
      {"-0", "0"},
      {".", "0"},
  };
  for (const auto& [input, canonical] : cases) {
    INFO(input);
    CHECK(parsed(input).to_string() == canonical);
  }
}

TEST_CASE("quantities built from units or thousandths print as kube's NewQuantity does",
          "[validation]") {
  CHECK(quantity::from_units(1, decimal).to_string() == "1");
  CHECK(quantity::from_units(1000, decimal).to_string() == "1k");
  CHECK(quantity::from_units(1234000, decimal).to_string() == "1234k");
  CHECK(quantity::from_units(1024, binary).to_string() == "1Ki");
  CHECK(quantity::from_units(1000000, exponent).to_string() == "1e6");
  CHECK(quantity::from_units(1024 * 1024, binary).to_string() == "1Mi");
  CHECK(quantity::from_units(1025, binary).to_string() == "1025");
  CHECK(quantity::from_units(5, binary).to_string() == "5");
  CHECK(quantity::from_milli(1, decimal).to_string() == "1m");
  CHECK(quantity::from_milli(1000, decimal).to_string() == "1");
  CHECK(quantity::from_milli(1234000, decimal).to_string() == "1234");
  CHECK(quantity::from_milli(1024, binary).to_string() == "1024m");
  CHECK(quantity::from_milli(1000000, exponent).to_string() == "1e3");
  CHECK(quantity::from_milli(1024 * 1024, binary).to_string() == "1048576m");
  CHECK(quantity::from_milli(500, binary).to_string() == "500m");
  CHECK(quantity::from_milli(1234567, binary).to_string() == "1234567m");
  CHECK(quantity::from_milli(-9010, decimal).to_string() == "-9010m");
  CHECK(quantity{}.to_string() == "0");
}

TEST_CASE("quantities compare by value whatever their format", "[validation]") {
  CHECK(parsed("0") == parsed("0"));
  CHECK(parsed("100m") > parsed("50m"));
  CHECK(parsed("50m") < parsed("100m"));
  CHECK(parsed("10000T") > parsed("100Gi"));
  CHECK(parsed("1Ki") == parsed("1024"));
  CHECK(parsed("1.5Gi") == parsed("1536Mi"));
  CHECK(parsed("1e3") == parsed("1k"));
  CHECK(parsed("-1.5") < parsed("-1.2"));
  CHECK(parsed("-0.5") < parsed("0.5"));
  CHECK(parsed("-1") < parsed("-999m"));
  CHECK(parsed("0Ki") == quantity{});
  CHECK(parsed("1n") > quantity{});
}

TEST_CASE("value and milli_value round away from zero and report an overflow", "[validation]") {
  CHECK(parsed("1.5").value() == 2);
  CHECK(parsed("-1.5").value() == -2);
  CHECK(parsed("100m").value() == 1);
  CHECK(parsed("1n").value() == 1);
  CHECK(parsed("2").value() == 2);
  CHECK(parsed("0").value() == 0);
  CHECK(parsed("1.5").milli_value() == 1500);
  CHECK(parsed("100m").milli_value() == 100);
  CHECK(parsed("0.1m").milli_value() == 1);
  CHECK(parsed("-0.1m").milli_value() == -1);
  CHECK(parsed("1n").milli_value() == 1);
  CHECK(parsed("-1001u").milli_value() == -2);
  CHECK(parsed("1Gi").milli_value() == std::int64_t{1073741824000});
  CHECK(parsed("9Ei").value() == std::numeric_limits<std::int64_t>::max());
  CHECK(parsed("-9Ei").value() == -std::numeric_limits<std::int64_t>::max());
  CHECK(parsed("9223372036854775").milli_value() == std::int64_t{9223372036854775000});
  CHECK(parsed("9223372036854775.807").milli_value() == std::numeric_limits<std::int64_t>::max());
  CHECK_FALSE(parsed("9223372036854775.808").milli_value());
  CHECK_FALSE(parsed("9223372036854776").milli_value());
  CHECK_FALSE(parsed("9Ei").milli_value());
  // Kube's TestScaledValue, at the scales we expose.
  CHECK(parsed("1n").value() == 1);
  CHECK(parsed("1u").milli_value() == 1);
  CHECK(parsed("1m").milli_value() == 1);
  CHECK(parsed("1m").value() == 1);
  CHECK(parsed("1").milli_value() == 1000);
}

TEST_CASE("malformed quantities are refused with kube's messages", "[validation]") {
  // Kube's invalid list.
  CHECK(refused("1.1.M") == quantity_error::format_wrong);
  CHECK(refused("1+1.0M") == quantity_error::format_wrong);
  CHECK(refused("0.1mi") == quantity_error::unknown_suffix);
  CHECK(refused("0.1am") == quantity_error::format_wrong);
  CHECK(refused("aoeu") == quantity_error::format_wrong);
  CHECK(refused(".5i") == quantity_error::unknown_suffix);
  CHECK(refused("1i") == quantity_error::unknown_suffix);
  CHECK(refused("-3.01i") == quantity_error::unknown_suffix);
  CHECK(refused("-3.01e-") == quantity_error::unknown_suffix);
  CHECK(refused(" 1") == quantity_error::format_wrong);
  CHECK(refused("1 ") == quantity_error::format_wrong);
  CHECK(refused("") == quantity_error::format_wrong);
  // More shapes the scanner refuses.
  CHECK(refused("1K") == quantity_error::unknown_suffix);
  CHECK(refused("1e") == quantity_error::unknown_suffix);
  CHECK(refused("1e+") == quantity_error::unknown_suffix);
  CHECK(refused("1Ee3") == quantity_error::unknown_suffix);
  CHECK(refused("1e3e") == quantity_error::format_wrong);
  CHECK(refused("1+1") == quantity_error::unknown_suffix);
  CHECK(refused("0x10") == quantity_error::format_wrong);
  // No digit and no '.' in the number: kube's scanner reads these as zero,
  // its regular expression refuses them, and so do we.
  CHECK(refused("m") == quantity_error::format_wrong);
  CHECK(refused("Ki") == quantity_error::format_wrong);
  CHECK(refused("-") == quantity_error::format_wrong);
  CHECK(refused("+") == quantity_error::format_wrong);
  CHECK(to_string(quantity_error::format_wrong) ==
        "quantities must match the regular expression "
        "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  CHECK(to_string(quantity_error::unknown_suffix) == "unable to parse quantity's suffix");
}

TEST_CASE("quantities beyond 2^63-1 units or 64 bytes are refused", "[validation]") {
  CHECK(parsed("9223372036854775807").to_string() == "9223372036854775807");
  CHECK(parsed("-9223372036854775807").to_string() == "-9223372036854775807");
  CHECK(parsed("9.223372036854775807E").to_string() == "9223372036854775807");
  CHECK(parsed("9E").to_string() == "9E");
  CHECK(refused("9223372036854775808") == quantity_error::out_of_range);
  CHECK(refused("-9223372036854775808") == quantity_error::out_of_range);
  CHECK(refused("9223372036854775807.000000001") == quantity_error::out_of_range);
  CHECK(refused("9223372036854775807.0000000001") == quantity_error::out_of_range);
  CHECK(refused("12E") == quantity_error::out_of_range);  // kube keeps 12E
  CHECK(refused("1000E") == quantity_error::out_of_range);
  CHECK(refused("1e19") == quantity_error::out_of_range);
  CHECK(refused("1e99999999999999999999") == quantity_error::out_of_range);
  CHECK(parsed("0e99999999999999999999").is_zero());
  CHECK(parsed("1e-99999999999999999999").to_string() == "1e-9");
  CHECK(parsed("-1e-30").to_string() == "-1e-9");
  CHECK(parsed("0." + std::string(60, '0') + "1").to_string() == "1n");
  CHECK(parsed("9223372036854775806.999999999").to_string() == "9223372036854775806999999999n");
  CHECK(parsed("9223372036854775806.9999999991").to_string() == "9223372036854775807");
  // Binary quantities are capped instead, as kube caps them.
  CHECK(parsed("8Ei").to_string() == "9223372036854775807");
  CHECK(parsed("99999999999999999999Ei") == parsed("9Ei"));
  CHECK(refused(std::string(64, '1')) == quantity_error::out_of_range);
  CHECK(refused(std::string(65, '1')) == quantity_error::too_long);
  CHECK(refused("1" + std::string(63, '0') + "m") == quantity_error::too_long);
  CHECK(parsed("0." + std::string(61, '0') + "1").to_string() == "1n");
  CHECK(to_string(quantity_error::too_long) == "quantities must be no more than 64 characters");
}
