// Proves the one place that prints bad values as kube's field.Error does
// (Go's %q and %#v spellings), the Not found cause added to api_status,
// and a few value rules whose wording other tests rely on.
#include <catch2/catch.hpp>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/validation/field_errors.hpp"
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

using nlohmann::json;

TEST_CASE("strings are quoted as Go's strconv.Quote quotes them") {
  CHECK(go_quote("web") == "\"web\"");
  CHECK(go_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(go_quote("line\nnext\ttab") == "\"line\\nnext\\ttab\"");
  CHECK(go_quote(std::string("\x01\x7f", 2)) == "\"\\x01\\x7f\"");
  CHECK(go_quote("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
  CHECK(go_quote("\xff") == "\"\\xff\"");
  CHECK(go_quote("\xc2\x85") == "\"\\u0085\"");
}

TEST_CASE("maps, slices, selectors and IntOrStrings print in Go's %#v syntax") {
  CHECK(go_string_map(json{{"b", "2"}, {"a", "1"}}) ==
        "map[string]string{\"a\":\"1\", \"b\":\"2\"}");
  CHECK(go_string_map(json()) == "map[string]string(nil)");
  CHECK(go_string_map(json::object()) == "map[string]string{}");
  CHECK(go_string_slice(json{"x", "y"}) == "[]string{\"x\", \"y\"}");
  CHECK(go_string_slice(json()) == "[]string(nil)");
  CHECK(go_label_selector(
            json::parse(R"({"matchExpressions": [{"key": "tier", "operator": "Exists"}]})")) ==
        "v1.LabelSelector{MatchLabels:map[string]string(nil), "
        "MatchExpressions:[]v1.LabelSelectorRequirement{"
        "v1.LabelSelectorRequirement{Key:\"tier\", Operator:\"Exists\", Values:[]string(nil)}}}");
  CHECK(go_label_selector(json()) == "null");
  CHECK(go_int_or_string(json(3)) == "intstr.IntOrString{Type:0, IntVal:3, StrVal:\"\"}");
  CHECK(go_int_or_string(json("30%")) == "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"30%\"}");
}

TEST_CASE("times print as metav1.Time's String() in UTC") {
  CHECK(go_time(json("2024-05-01T10:00:00Z")) == "2024-05-01 10:00:00 +0000 UTC");
  CHECK(go_time(json("2024-05-01T12:30:00+02:00")) == "2024-05-01 10:30:00 +0000 UTC");
  CHECK(go_time(json("2024-05-01T10:00:00.120Z")) == "2024-05-01 10:00:00.12 +0000 UTC");
  CHECK(go_time(json()) == "0001-01-01 00:00:00 +0000 UTC");
  CHECK(go_time(json("yesterday")) == "\"yesterday\"");
}

TEST_CASE("a Not found cause renders as kube's field.NotFound") {
  auto cause =
      not_found(field_path("spec").child("volumeMounts").index(0).child("name"), go_quote("cache"));
  CHECK(cause.body() == "Not found: \"cache\"");
  CHECK(cause.reason() == "FieldValueNotFound");
  CHECK(cause.field == "spec.volumeMounts[0].name");
  auto status = invalid(resource_name{"", "pods", "Pod", "web"}, {cause});
  CHECK(status["details"]["causes"][0]["reason"] == "FieldValueNotFound");
}

TEST_CASE("a Duplicate cause with a detail prints the detail after the value") {
  auto cause = duplicate(field_path("metadata").child("taints").index(1), "x");
  cause.detail = "taints must be unique by key and effect pair";
  CHECK(cause.body() == "Duplicate value: x: taints must be unique by key and effect pair");
}

TEST_CASE("IP addresses parse sloppily as Go's ParseIPSloppy does") {
  CHECK(parse_ip("10.0.0.1").has_value());
  CHECK(parse_ip("010.000.000.001").has_value());
  CHECK(parse_ip("::ffff:10.0.0.1")->is_v4);
  CHECK_FALSE(parse_ip("10.0.0.256").has_value());
  CHECK_FALSE(parse_ip("10.0.0").has_value());
  CHECK_FALSE(parse_ip("fe80::1%eth0").has_value());
  CHECK(cidr_errors("2001:db8::/64", field_path("x")).empty());
  CHECK(cidr_errors("10.0.0.0/33", field_path("x")).size() == 1);
}

TEST_CASE("port names follow IANA_SVC_NAME with each of kube's messages") {
  CHECK(port_name_messages("http").empty());
  CHECK(port_name_messages("8080") ==
        std::vector<std::string>{"must contain at least one letter (a-z)"});
  CHECK(port_name_messages("-a--b") ==
        std::vector<std::string>{"must not contain consecutive hyphens",
                                 "must not begin or end with a hyphen"});
  CHECK(port_name_messages("Http") ==
        std::vector<std::string>{
            "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"});
}

}  // namespace troupe::api::validation
