// Label selectors (messages/core/label_selector.hpp): the string syntax and
// the JSON LabelSelector, checked against the cases of Kubernetes'
// labels/selector_test.go, its error messages and our bounds.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <variant>

#include "messages/core/label_selector.hpp"
#include "tests/unit/selector_test_support.hpp"

using namespace troupe;
using nlohmann::json;
using label_set = std::map<std::string, std::string>;

namespace {

const auto parsed = testing::parsed_selector<label_selector, label_selector_error>;
const auto parse_error = testing::selector_parse_error<label_selector, label_selector_error>;

label_selector converted(const char* text) {
  auto result = label_selector::from_json(json::parse(text));
  if (auto* failure = std::get_if<label_selector_error>(&result))
    FAIL(text << ": " << failure->message);
  return std::get<label_selector>(result);
}

std::string json_error(const json& selector) {
  auto result = label_selector::from_json(selector);
  if (std::holds_alternative<label_selector>(result)) FAIL(selector.dump() << ": converted");
  return std::get<label_selector_error>(result).message;
}

const std::string name_rule = "name part " + testing::qualified_name_rule;
const std::string& value_rule = testing::label_value_rule;

const std::string operators = "in, notin, =, ==, !=, gt, lt";

}  // namespace

// Proves TestSelectorParse: good strings restring to themselves without spaces.
TEST_CASE("Kubernetes' good selectors parse and print back without spaces", "[selectors]") {
  for (std::string text : {"x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x",
                           "x>1", "x>1,z<5", "x==a"}) {
    INFO(text);
    auto expected = text;
    std::erase(expected, ' ');
    CHECK(parsed(text).to_string() == expected);
  }
}

// Proves TestSelectorParse's bad strings and other malformed input fail.
TEST_CASE("Kubernetes' bad selectors are refused", "[selectors]") {
  for (const char* text : {"x=a||y=b", "x==a==b", "!x=a", "x<a", "x,,y", ",x,y", "x nott in (y)",
                           "a in (xyz),", "a in (xyz)b notin ()", "a in (xyz abc)", "a notin(",
                           "a (", "(", "x in", "x=(", "=", "!", "x!"}) {
    INFO(text);
    CHECK_FALSE(parse_error(text).empty());
  }
}

// Proves TestSetSelectorParser: whitespace, empty values, "in" as a value and
// sorting, through the canonical string.
TEST_CASE("set-based selectors parse to Kubernetes' canonical strings", "[selectors]") {
  struct row {
    const char* input;
    const char* canonical;
  };
  for (const auto& each : std::initializer_list<row>{
           {"", ""},
           {"\rx", "x"},
           {"this-is-a-dns.domain.com/key-with-dash", "this-is-a-dns.domain.com/key-with-dash"},
           {"this-is-another-dns.domain.com/key-with-dash in (so,what)",
            "this-is-another-dns.domain.com/key-with-dash in (so,what)"},
           {"0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
            "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)"},
           {"foo  in\t (abc)", "foo in (abc)"},
           {"x notin\n (abc)", "x notin (abc)"},
           {"x  notin\t\t\t(abc,def)", "x notin (abc,def)"},
           {"x in (abc,def)", "x in (abc,def)"},
           {"x in (abc,)", "x in (,abc)"},
           {"x in ()", "x in ()"},
           {"x notin (abc,,def),bar,z in (),w", "bar,w,x notin (,abc,def),z in ()"},
           {"x,y in (a)", "x,y in (a)"},
           {"x=a", "x=a"},
           {"x>1", "x>1"},
           {"x<7", "x<7"},
           {"x=a,y!=b", "x=a,y!=b"},
           {"x=a,y!=b,z in (h,i,j)", "x=a,y!=b,z in (h,i,j)"},
           {"x notin ( )", "x notin ()"},
           {"x notin (, a)", "x notin (,a)"},
           {"a ", "a"},
           {"a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"},
           {"x in (b,a,b)", "x in (a,b)"},
           {"in in (in),notin notin (notin)", "in in (in),notin notin (notin)"},
           {"z,y,x=1,x", "x=1,x,y,z"},
       }) {
    INFO(each.input);
    CHECK(parsed(each.input).to_string() == each.canonical);
  }
}

// Proves TestDeterministicParse: order of input does not change the result.
TEST_CASE("requirements are sorted by key whatever the input order", "[selectors]") {
  CHECK(parsed("x=a,a=x") == parsed("a=x,x=a"));
  CHECK(parsed("x=a,a=x").to_string() == "a=x,x=a");
}

// Proves TestSelectorMatches and TestRequirementSelectorMatching.
TEST_CASE("selectors match label sets as Kubernetes' Requirement.Matches", "[selectors]") {
  struct row {
    const char* selector;
    label_set labels;
    bool matches;
  };
  const label_set foo_baz{{"foo", "bar"}, {"baz", "blah"}};
  for (const auto& each : std::initializer_list<row>{
           {"", {{"x", "y"}}, true},
           {"x=y", {{"x", "y"}}, true},
           {"x=y,z=w", {{"x", "y"}, {"z", "w"}}, true},
           {"x!=y,z!=w", {{"x", "z"}, {"z", "a"}}, true},
           {"notin=in", {{"notin", "in"}}, true},
           {"x", {{"x", "z"}}, true},
           {"!x", {{"y", "z"}}, true},
           {"x>1", {{"x", "2"}}, true},
           {"x<1", {{"x", "0"}}, true},
           {"x=z", {}, false},
           {"x=y", {{"x", "z"}}, false},
           {"x=y,z=w", {{"x", "w"}, {"z", "w"}}, false},
           {"x!=y,z!=w", {{"x", "z"}, {"z", "w"}}, false},
           {"x", {{"y", "z"}}, false},
           {"!x", {{"x", "z"}}, false},
           {"x>1", {{"x", "0"}}, false},
           {"x<1", {{"x", "2"}}, false},
           {"foo=bar", foo_baz, true},
           {"baz=blah", foo_baz, true},
           {"foo=bar,baz=blah", foo_baz, true},
           {"foo=blah", foo_baz, false},
           {"baz=bar", foo_baz, false},
           {"foo=bar,foobar=bar,baz=blah", foo_baz, false},
           {"x in (foo),y notin (alpha)", {{"x", "foo"}, {"y", "baz"}}, true},
           {"x in (foo),y in (alpha)", {{"x", "foo"}, {"y", "baz"}}, false},
           {"x notin (),y", {{"y", ""}}, true},
           {"!x,y", {{"y", ""}}, true},
           {"x notin (),!y", {{"y", ""}}, false},
           {"x in ()", {{"y", "baz"}}, false},
           {"x in ()", {{"x", ""}}, true},
           {"x=", {{"x", ""}}, true},
           {"x=", {}, false},
           {"x!=a", {}, true},
           {"x notin (a)", {}, true},
           {"z>1", {{"z", "2"}}, true},
           {"z>1", {{"z", "v2"}}, false},
           {"z<10", {{"z", "-5"}}, true},
           {"z>1", {{"z", "99999999999999999999"}}, false},
       }) {
    INFO(each.selector);
    CHECK(parsed(each.selector).matches(each.labels) == each.matches);
  }
}

// Proves the messages: the parser's own, and NewRequirement's field errors.
TEST_CASE("parse errors carry Kubernetes' messages", "[selectors]") {
  struct row {
    const char* input;
    std::string message;
  };
  for (const auto& each : std::initializer_list<row>{
           // The value "a||y" is validated before the parser sees the second '='.
           {"x=a||y=b",
            "unable to parse requirement: values[0][x]: Invalid value: \"a||y\": " + value_rule},
           {"x==a==b", "found '==', expected: ',' or 'end of string'"},
           {"!x=a", "found '=', expected: ',' or 'end of string'"},
           {"x,,y", "found ',', expected: identifier after ','"},
           {"x,", "found '', expected: identifier after ','"},
           {",x", "found ',', expected: !, identifier, or 'end of string'"},
           {"(", "found '(', expected: !, identifier, or 'end of string'"},
           {"a b", "unable to parse requirement: found 'b', expected: " + operators},
           {"a (", "unable to parse requirement: found '(', expected: " + operators},
           {"a in (xyz abc)", "unable to parse requirement: found 'abc', expected: ',' or ')'"},
           {"a notin(", "unable to parse requirement: found '', expected: ',', ')' or identifier"},
           {"x in", "unable to parse requirement: found '' expected: '('"},
           {"x in (a,=)", "unable to parse requirement: found '=', expected: ',', or identifier"},
           {"x=(", "unable to parse requirement: found '(', expected: identifier"},
           {"!", "unable to parse requirement: found '', expected: identifier"},
           {"a@b=c", "unable to parse requirement: <nil>: Invalid value: \"a@b\": " + name_rule},
           {"app=a@b",
            "unable to parse requirement: values[0][app]: Invalid value: \"a@b\": " + value_rule},
           {"x in (b@,a@)",
            "unable to parse requirement: [values[0][x]: Invalid value: \"a@\": " + value_rule +
                ", values[1][x]: Invalid value: \"b@\": " + value_rule + "]"},
           {"x<a",
            "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' "
            "operators, the value must be an integer"},
           {"x>",
            "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' "
            "operators, the value must be an integer"},
       }) {
    INFO(each.input);
    CHECK(parse_error(each.input) == each.message);
  }
}

// Proves LabelSelectorAsSelector: null selects nothing, {} everything, and
// matchLabels with matchExpressions combine by AND in key order.
TEST_CASE("JSON label selectors convert as metav1.LabelSelectorAsSelector", "[selectors]") {
  auto nothing = label_selector::from_json(json(nullptr));
  REQUIRE(std::holds_alternative<label_selector>(nothing));
  CHECK(std::get<label_selector>(nothing).selects_nothing());
  CHECK_FALSE(std::get<label_selector>(nothing).matches({}));
  CHECK(std::get<label_selector>(nothing).to_string().empty());

  CHECK(converted("{}").empty());
  CHECK(converted("{}").matches({{"a", "b"}}));
  CHECK(converted(R"({"matchLabels":{},"matchExpressions":[]})").empty());

  auto selector = converted(R"({"matchLabels":{"tier":"front","app":"web"},
      "matchExpressions":[{"key":"env","operator":"In","values":["prod","dev"]},
                          {"key":"track","operator":"NotIn","values":["canary"]},
                          {"key":"owner","operator":"Exists"},
                          {"key":"legacy","operator":"DoesNotExist","values":null}]})");
  CHECK(selector.to_string() ==
        "app=web,env in (dev,prod),!legacy,owner,tier=front,track notin (canary)");
  CHECK(selector.matches({{"app", "web"}, {"tier", "front"}, {"env", "prod"}, {"owner", "me"}}));
  CHECK_FALSE(
      selector.matches({{"app", "web"}, {"tier", "front"}, {"env", "qa"}, {"owner", "me"}}));
  CHECK_FALSE(selector.matches(
      {{"app", "web"}, {"tier", "front"}, {"env", "dev"}, {"owner", "me"}, {"legacy", ""}}));
  CHECK(parsed(selector.to_string()).to_string() == selector.to_string());
}

// Proves NewRequirement's messages (paths "key" and "values") for JSON input.
TEST_CASE("invalid JSON label selectors carry Kubernetes' messages", "[selectors]") {
  CHECK(json_error(json::parse(R"({"matchExpressions":[{"key":"a","operator":"Seriously"}]})")) ==
        "\"Seriously\" is not a valid label selector operator");
  CHECK(json_error(
            json::parse(R"({"matchExpressions":[{"key":"a","operator":"Gt","values":["1"]}]})")) ==
        "\"Gt\" is not a valid label selector operator");
  CHECK(json_error(
            json::parse(R"({"matchExpressions":[{"key":"a","operator":"In","values":[]}]})")) ==
        "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be "
        "empty");
  CHECK(json_error(json::parse(
            R"({"matchExpressions":[{"key":"a","operator":"Exists","values":["x","y"]}]})")) ==
        "values: Invalid value: []string{\"x\", \"y\"}: values set must be empty for exists and "
        "does not exist");
  CHECK(json_error(json::parse(R"({"matchLabels":{"a b":"c"}})")) ==
        "key: Invalid value: \"a b\": " + name_rule);
  CHECK(json_error(json::parse(R"({"matchLabels":{"app":"a\"b"}})")) ==
        "values[0][app]: Invalid value: \"a\\\"b\": " + value_rule);
  CHECK(json_error(json::parse(R"({"matchLabels":{"a/b/c":"x y"}})")) ==
        "[key: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric "
        "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
        "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
        "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and "
        "'/' (e.g. 'example.com/MyName'), values[0][a/b/c]: Invalid value: \"x y\": " +
            value_rule + "]");
}

// Proves malformed JSON shapes are errors, not exceptions.
TEST_CASE("JSON label selectors of the wrong shape are refused without throwing", "[selectors]") {
  for (const char* text :
       {R"([])", R"("app=web")", R"({"matchLabels":[]})", R"({"matchLabels":{"a":1}})",
        R"({"matchExpressions":{}})", R"({"matchExpressions":[1]})",
        R"({"matchExpressions":[{"key":1,"operator":"Exists"}]})",
        R"({"matchExpressions":[{"key":"a","operator":"In","values":"x"}]})",
        R"({"matchExpressions":[{"key":"a","operator":"In","values":[1]}]})",
        R"({"matchExpressions":[{"key":"a"}]})"}) {
    INFO(text);
    CHECK_FALSE(json_error(json::parse(text)).empty());
  }
}

// Proves the bounds on input from the network: bytes, requirements, values.
TEST_CASE("oversized label selectors are refused with a clear error", "[selectors]") {
  CHECK(parse_error(std::string(label_selector_bytes_max + 1, 'a')) ==
        "label selector is longer than 65536 bytes");

  std::string many;
  for (std::size_t i = 0; i < label_selector_requirements_max; ++i)
    many += (i ? ",k" : "k") + std::to_string(i);
  CHECK(parsed(many).requirements().size() == label_selector_requirements_max);
  CHECK(parse_error(many + ",extra") == "label selector has more than 1000 requirements");

  std::string values = "x in (v0";
  for (std::size_t i = 1; i <= label_selector_values_max; ++i) values += ",v" + std::to_string(i);
  CHECK(parse_error(values + ")") ==
        "unable to parse requirement: a requirement has more than 1000 values");

  json labels = json::object();
  for (std::size_t i = 0; i <= label_selector_requirements_max; ++i)
    labels["k" + std::to_string(i)] = "v";
  CHECK(json_error({{"matchLabels", labels}}) == "label selector has more than 1000 requirements");
  json expression = {{"key", "a"}, {"operator", "In"}, {"values", json::array()}};
  for (std::size_t i = 0; i <= label_selector_values_max; ++i)
    expression["values"].push_back("v" + std::to_string(i));
  CHECK(json_error({{"matchExpressions", json::array({expression})}}) ==
        "matchExpressions[0].values: more than 1000 values");
}

// Proves to_string is canonical: parsing it gives back an equal selector.
TEST_CASE("a selector's string parses back to the same selector", "[selectors]") {
  for (const char* text : {"", "x", "!x", "x=a", "x==a", "x!=a", "x in (c,b,a)", "x notin ()",
                           "b>1,a<2", "z,y=1,x in (in,notin),!w", "k8s.io/app=web,app in (x)"}) {
    INFO(text);
    auto selector = parsed(text);
    CHECK(parsed(selector.to_string()) == selector);
  }
}
