// JSON merge patch (RFC 7386): the RFC's examples, null deletes, and refusal
// of documents beyond the limits.
#include <catch2/catch.hpp>

#include <variant>

#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/merge_patch.hpp"

using namespace troupe::api;
using nlohmann::json;

namespace {

json merged(const char* target, const char* patch) {
  auto result = apply_merge_patch(json::parse(target), json::parse(patch));
  REQUIRE(std::holds_alternative<json>(result));
  return std::get<json>(result);
}

}  // namespace

// Proves RFC 7386 appendix A row by row.
TEST_CASE("the examples of RFC 7386 appendix A give the documented results", "[patch]") {
  struct row {
    const char* target;
    const char* patch;
    const char* expected;
  };
  for (const auto& each : std::initializer_list<row>{
           {R"({"a":"b"})", R"({"a":"c"})", R"({"a":"c"})"},
           {R"({"a":"b"})", R"({"b":"c"})", R"({"a":"b","b":"c"})"},
           {R"({"a":"b"})", R"({"a":null})", R"({})"},
           {R"({"a":"b","b":"c"})", R"({"a":null})", R"({"b":"c"})"},
           {R"({"a":["b"]})", R"({"a":"c"})", R"({"a":"c"})"},
           {R"({"a":"c"})", R"({"a":["b"]})", R"({"a":["b"]})"},
           {R"({"a":{"b":"c"}})", R"({"a":{"b":"d","c":null}})", R"({"a":{"b":"d"}})"},
           {R"({"a":[{"b":"c"}]})", R"({"a":[1]})", R"({"a":[1]})"},
           {R"(["a","b"])", R"(["c","d"])", R"(["c","d"])"},
           {R"({"a":"b"})", R"(["c"])", R"(["c"])"},
           {R"({"a":"foo"})", "null", "null"},
           {R"({"a":"foo"})", R"("bar")", R"("bar")"},
           {R"({"e":null})", R"({"a":1})", R"({"e":null,"a":1})"},
           {R"([1,2])", R"({"a":"b","c":null})", R"({"a":"b"})"},
           {R"({})", R"({"a":{"bb":{"ccc":null}}})", R"({"a":{"bb":{}}})"},
       }) {
    INFO(each.target << " + " << each.patch);
    CHECK(merged(each.target, each.patch) == json::parse(each.expected));
  }
}

TEST_CASE("the RFC 7386 section 3 example updates a document in place", "[patch]") {
  const char* target = R"({"title":"Goodbye!","author":{"givenName":"John","familyName":"Doe"},
                           "tags":["example","sample"],"content":"This will be unchanged"})";
  const char* patch = R"({"title":"Hello!","phoneNumber":"+01-123-456-7890",
                          "author":{"familyName":null},"tags":["example"]})";
  CHECK(merged(target, patch) == json::parse(R"({"title":"Hello!","author":{"givenName":"John"},
      "tags":["example"],"content":"This will be unchanged","phoneNumber":"+01-123-456-7890"})"));
}

TEST_CASE("applying a merge patch twice gives the same result as once", "[patch]") {
  const char* patch = R"({"metadata":{"labels":{"a":null,"b":"2"}},"spec":{"replicas":3}})";
  json once = merged(R"({"metadata":{"labels":{"a":"1"}},"spec":{"replicas":1}})", patch);
  CHECK(merged(once.dump().c_str(), patch) == once);
}

TEST_CASE("a merge patch nested deeper than the limit is refused", "[patch]") {
  json deep = json::object();
  for (std::size_t i = 0; i < json_depth_max; ++i) deep = json{{"a", deep}};
  auto result = apply_merge_patch(json::object(), deep);
  REQUIRE(std::holds_alternative<patch_error>(result));
  CHECK(std::get<patch_error>(result).kind == patch_error_kind::bad_request);
}
