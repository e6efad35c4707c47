// JSON Patch (RFC 6902) as the API server applies it: every operation, JSON
// Pointer escapes, the RFC's appendix examples, atomic failure and limits.
#include <catch2/catch.hpp>

#include <string>
#include <variant>

#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/json_patch.hpp"

using namespace troupe::api;
using nlohmann::json;

namespace {

struct patch_case {
  const char* name;
  const char* document;
  const char* patch;
  const char* expected;  // nullptr: the patch must fail
};

patch_result<json> apply(const char* document, const char* patch) {
  return apply_json_patch(json::parse(document), json::parse(patch));
}

patch_error error_of(const patch_result<json>& result) {
  REQUIRE(std::holds_alternative<patch_error>(result));
  return std::get<patch_error>(result);
}

void check_cases(const std::initializer_list<patch_case>& cases) {
  for (const auto& each : cases) {
    INFO(each.name);
    auto result = apply(each.document, each.patch);
    if (each.expected == nullptr) {
      CHECK(std::holds_alternative<patch_error>(result));
    } else {
      REQUIRE(std::holds_alternative<json>(result));
      CHECK(std::get<json>(result) == json::parse(each.expected));
    }
  }
}

}  // namespace

// Proves the implementation against RFC 6902 appendix A, example by example.
TEST_CASE("the examples of RFC 6902 appendix A give the documented results", "[patch]") {
  check_cases({
      {"A.1 adding an object member", R"({"foo":"bar"})",
       R"([{"op":"add","path":"/baz","value":"qux"}])", R"({"baz":"qux","foo":"bar"})"},
      {"A.2 adding an array element", R"({"foo":["bar","baz"]})",
       R"([{"op":"add","path":"/foo/1","value":"qux"}])", R"({"foo":["bar","qux","baz"]})"},
      {"A.3 removing an object member", R"({"baz":"qux","foo":"bar"})",
       R"([{"op":"remove","path":"/baz"}])", R"({"foo":"bar"})"},
      {"A.4 removing an array element", R"({"foo":["bar","qux","baz"]})",
       R"([{"op":"remove","path":"/foo/1"}])", R"({"foo":["bar","baz"]})"},
      {"A.5 replacing a value", R"({"baz":"qux","foo":"bar"})",
       R"([{"op":"replace","path":"/baz","value":"boo"}])", R"({"baz":"boo","foo":"bar"})"},
      {"A.6 moving a value", R"({"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}})",
       R"([{"op":"move","from":"/foo/waldo","path":"/qux/thud"}])",
       R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})"},
      {"A.7 moving an array element", R"({"foo":["all","grass","cows","eat"]})",
       R"([{"op":"move","from":"/foo/1","path":"/foo/3"}])",
       R"({"foo":["all","cows","eat","grass"]})"},
      {"A.8 testing a value: success", R"({"baz":"qux","foo":["a",2,"c"]})",
       R"([{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}])",
       R"({"baz":"qux","foo":["a",2,"c"]})"},
      {"A.9 testing a value: error", R"({"baz":"qux"})",
       R"([{"op":"test","path":"/baz","value":"bar"}])", nullptr},
      {"A.10 adding a nested member object", R"({"foo":"bar"})",
       R"([{"op":"add","path":"/child","value":{"grandchild":{}}}])",
       R"({"foo":"bar","child":{"grandchild":{}}})"},
      {"A.11 ignoring unrecognized elements", R"({"foo":"bar"})",
       R"([{"op":"add","path":"/baz","value":"qux","xyz":123}])", R"({"foo":"bar","baz":"qux"})"},
      {"A.12 adding to a nonexistent target", R"({"foo":"bar"})",
       R"([{"op":"add","path":"/baz/bat","value":"qux"}])", nullptr},
      {"A.14 ~ escape ordering", R"({"/":9,"~1":10})",
       R"([{"op":"test","path":"/~01","value":10}])", R"({"/":9,"~1":10})"},
      {"A.15 comparing strings and numbers", R"({"/":9,"~1":10})",
       R"([{"op":"test","path":"/~01","value":"10"}])", nullptr},
      {"A.16 adding an array value", R"({"foo":["bar"]})",
       R"([{"op":"add","path":"/foo/-","value":["abc","def"]}])",
       R"({"foo":["bar",["abc","def"]]})"},
  });
}

TEST_CASE("pointers, indices and the root follow RFC 6901 and RFC 6902", "[patch]") {
  check_cases({
      {"~1 escapes a slash", R"({"a/b":1})", R"([{"op":"replace","path":"/a~1b","value":2}])",
       R"({"a/b":2})"},
      {"an empty key is addressable", R"({"":1})", R"([{"op":"remove","path":"/"}])", "{}"},
      {"add at the array size appends", R"({"a":[1]})", R"([{"op":"add","path":"/a/1","value":2}])",
       R"({"a":[1,2]})"},
      {"add past the array size fails", R"({"a":[1]})", R"([{"op":"add","path":"/a/2","value":2}])",
       nullptr},
      {"a leading zero is not an index", R"({"a":[1,2]})", R"([{"op":"remove","path":"/a/01"}])",
       nullptr},
      {"replace needs an existing member", R"({})", R"([{"op":"replace","path":"/a","value":1}])",
       nullptr},
      {"add on the root replaces the document", R"({"a":1})",
       R"([{"op":"add","path":"","value":[1]}])", "[1]"},
      {"replace on the root replaces the document", R"({"a":1})",
       R"([{"op":"replace","path":"","value":{"b":2}}])", R"({"b":2})"},
      {"removing the root fails", R"({"a":1})", R"([{"op":"remove","path":""}])", nullptr},
      {"copy duplicates a value", R"({"a":{"b":[1]}})",
       R"([{"op":"copy","from":"/a","path":"/c"}])", R"({"a":{"b":[1]},"c":{"b":[1]}})"},
      {"move into its own child fails", R"({"a":{"b":1}})",
       R"([{"op":"move","from":"/a","path":"/a/b/c"}])", nullptr},
      {"move onto itself changes nothing", R"({"a":{"b":1}})",
       R"([{"op":"move","from":"/a","path":"/a"}])", R"({"a":{"b":1}})"},
      {"test compares numbers by value", R"({"a":1})", R"([{"op":"test","path":"/a","value":1.0}])",
       R"({"a":1})"},
      {"- only appends", R"({"a":[1]})", R"([{"op":"remove","path":"/a/-"}])", nullptr},
  });
}

TEST_CASE("a failing operation leaves no partial result behind", "[patch]") {
  json document = json::parse(R"({"a":1})");
  auto result = apply_json_patch(document, json::parse(R"([
      {"op":"add","path":"/b","value":2},
      {"op":"test","path":"/a","value":5}])"));
  auto error = error_of(result);
  CHECK(error.kind == patch_error_kind::unprocessable);
  CHECK(error.message.find("operation 1 (test /a)") == 0);
  CHECK(document == json::parse(R"({"a":1})"));
}

TEST_CASE("malformed patches are bad requests naming the operation", "[patch]") {
  for (const char* patch :
       {R"({"op":"add"})", R"([1])", R"([{"op":"frobnicate","path":"/a"}])",
        R"([{"op":"add","path":"/a"}])", R"([{"op":"move","path":"/a"}])",
        R"([{"op":"add","path":"a","value":1}])", R"([{"op":"add","path":"/a~2","value":1}])",
        R"([{"path":"/a","value":1}])"}) {
    INFO(patch);
    CHECK(error_of(apply("{}", patch)).kind == patch_error_kind::bad_request);
  }
  CHECK(error_of(apply("{}", R"([{"op":"frobnicate","path":"/a"}])")).message ==
        "operation 0 (frobnicate /a): unknown operation \"frobnicate\"");
}

TEST_CASE("too many operations, too deep values and runaway copies are refused", "[patch]") {
  json many = json::array();
  for (std::size_t i = 0; i <= json_patch_operations_max; ++i) {
    many.push_back({{"op", "test"}, {"path", ""}, {"value", json::object()}});
  }
  CHECK(error_of(apply_json_patch(json::object(), many)).kind == patch_error_kind::too_large);

  json deep = json::array();
  for (std::size_t i = 0; i < json_depth_max; ++i) deep = json::array({deep});
  CHECK(error_of(apply_json_patch(deep, json::array())).kind == patch_error_kind::bad_request);

  json nested = json::array();
  for (std::size_t i = 0; i + 3 < json_depth_max; ++i) nested = json::array({nested});
  json place_deep = json::array({{{"op", "add"}, {"path", "/a/b/c"}, {"value", nested}}});
  CHECK(error_of(apply_json_patch(json::parse(R"({"a":{"b":{}}})"), place_deep)).kind ==
        patch_error_kind::too_large);

  json doubling = json::array();
  for (int i = 0; i < 40; ++i) {
    doubling.push_back({{"op", "copy"}, {"from", "/a"}, {"path", "/a/-"}});
  }
  CHECK(error_of(apply_json_patch(json::parse(R"({"a":[1]})"), doubling)).kind ==
        patch_error_kind::too_large);
}
