// Proves check_decoding stays bounded on hostile bodies: nesting 1,000 levels
// deep under a free-form field, a map, a list and an unknown field is decoded
// without crashing (the walk follows the schema, not the input), and the
// result is what kube reports for such a body.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "actors/api/core/schema/api_schema.hpp"

namespace {

using nlohmann::json;

constexpr int nesting_levels = 1000;

json nested_objects(int levels) {
  std::string text;
  for (int i = 0; i < levels; ++i) text += "{\"a\":";
  text += "1";
  for (int i = 0; i < levels; ++i) text += "}";
  return json::parse(text);
}

json nested_arrays(int levels) {
  return json::parse(std::string(static_cast<std::size_t>(levels), '[') +
                     std::string(static_cast<std::size_t>(levels), ']'));
}

}  // namespace

TEST_CASE("a body nesting 1,000 levels deep is decoded without unbounded recursion") {
  json deep = nested_objects(nesting_levels);
  json body = {
      {"apiVersion", "v1"},
      {"kind", "Pod"},
      {"metadata", {{"labels", deep}, {"managedFields", json::array({{{"fieldsV1", deep}}})}}},
      {"spec", {{"containers", nested_arrays(nesting_levels)}, {"deep", deep}}}};
  auto report = troupe::api::check_decoding(body, "v1", "Pod");
  CHECK(report.unknown_fields == std::vector<std::string>{"spec.deep"});
  REQUIRE(report.type_error);
  CHECK(*report.type_error ==
        "json: cannot unmarshal object into Go struct field ObjectMeta.metadata.labels of type "
        "string");
}

TEST_CASE("deep arrays inside a list of structs are refused at the first level that does not fit") {
  json body = {{"apiVersion", "v1"},
               {"kind", "Pod"},
               {"spec", {{"containers", nested_arrays(nesting_levels)}}}};
  auto report = troupe::api::check_decoding(body, "v1", "Pod");
  REQUIRE(report.type_error);
  CHECK(*report.type_error ==
        "json: cannot unmarshal array into Go struct field PodSpec.spec.containers of type "
        "v1.Container");
}
