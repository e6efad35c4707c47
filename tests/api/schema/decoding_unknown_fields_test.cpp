// Proves check_decoding names unknown fields as kube's strict decoder does:
// at the top level, in nested structs, inside list elements with their index
// in brackets, inside map values whose type is a struct (the key joined with
// a dot), case-sensitively, never inside free-form values, and at most 100.
// Each case decodes a small body and compares the exact list of paths.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "actors/api/core/schema/api_schema.hpp"
#include "actors/api/core/schema/decoding_check.hpp"
#include "actors/api/core/schema/schema_text_parser.hpp"

namespace {

using nlohmann::json;
using paths = std::vector<std::string>;

paths unknown_in(const json& body, std::string_view api_version, std::string_view kind) {
  auto report = troupe::api::check_decoding(body, api_version, kind);
  CHECK_FALSE(report.type_error);
  return report.unknown_fields;
}

}  // namespace

TEST_CASE("an unknown field at the top level is named alone") {
  json body = {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"datax", {{"a", "b"}}}};
  CHECK(unknown_in(body, "v1", "ConfigMap") == paths{"datax"});
}

TEST_CASE("unknown fields in nested structs are named by their dotted path") {
  json body = {{"apiVersion", "apps/v1"},
               {"kind", "Deployment"},
               {"metadata", {{"name", "web"}, {"labelsx", {{"a", "b"}}}}},
               {"spec", {{"replicasx", 3}, {"strategy", {{"type", "Recreate"}, {"typo", 1}}}}}};
  CHECK(unknown_in(body, "apps/v1", "Deployment") ==
        paths{"metadata.labelsx", "spec.replicasx", "spec.strategy.typo"});
}

TEST_CASE("an unknown field inside a list element carries the element's index") {
  json container = {{"name", "web"}, {"image", "nginx"}};
  json typo = {{"name", "side"}, {"imagex", "busybox"}};
  json body = {
      {"apiVersion", "apps/v1"},
      {"kind", "Deployment"},
      {"spec", {{"template", {{"spec", {{"containers", json::array({container, typo})}}}}}}}};
  CHECK(unknown_in(body, "apps/v1", "Deployment") ==
        paths{"spec.template.spec.containers[1].imagex"});
}

TEST_CASE("an unknown field deep in a list of lists of a CronJob is found") {
  json body = R"({
    "apiVersion": "batch/v1", "kind": "CronJob",
    "spec": {"schedule": "* * * * *", "jobTemplate": {"spec": {"template": {"spec": {
      "containers": [{"name": "c", "image": "i", "ports": [{"containerPort": 80, "hostport": 8080}]}]
    }}}}}
  })"_json;
  CHECK(unknown_in(body, "batch/v1", "CronJob") ==
        paths{"spec.jobTemplate.spec.template.spec.containers[0].ports[0].hostport"});
}

TEST_CASE("field names are matched case-sensitively") {
  json body = {{"apiVersion", "v1"}, {"kind", "Service"}, {"spec", {{"Ports", json::array()}}}};
  CHECK(unknown_in(body, "v1", "Service") == paths{"spec.Ports"});
}

TEST_CASE("members of free-form values are not unknown fields") {
  json body = R"({
    "apiVersion": "v1", "kind": "Pod",
    "metadata": {"name": "p", "labels": {"anything": "goes"}, "annotations": {"x/y": "z"},
                 "managedFields": [{"manager": "kubectl", "fieldsV1": {"f:spec": {"f:whatever": {}}}}]},
    "spec": {"containers": [{"name": "c", "image": "i"}], "nodeSelector": {"disk": "ssd"}}
  })"_json;
  CHECK(unknown_in(body, "v1", "Pod").empty());
}

TEST_CASE("an unknown field inside a map value of struct type is named through the key") {
  constexpr std::string_view text = R"(
package shop io.example.shop.v1 v1 shop.example.com/v1
typed Catalog: Items by name.
  items map[string]Item: The items.
struct Item: One item.
  price int64: Its price.
)";
  auto parsed = troupe::api::schema::parse_schema({{"test", text}});
  REQUIRE(parsed.model);
  const auto* catalog =
      troupe::api::schema::find_kind(*parsed.model, "shop.example.com/v1", "Catalog");
  REQUIRE(catalog != nullptr);
  json body = {{"items", {{"apple", {{"price", 3}, {"colour", "red"}}}}}};
  auto report = troupe::api::schema::check_decoding_with(
      *parsed.model, troupe::api::schema::type_index(*parsed.model, *catalog), body);
  CHECK(report.unknown_fields == paths{"items.apple.colour"});
  CHECK_FALSE(report.type_error);
}

TEST_CASE("at most 100 unknown fields are reported, as kube's decoder keeps") {
  json metadata = json::object();
  for (int i = 0; i < 150; ++i) metadata["field" + std::to_string(1000 + i)] = i;
  json body = {{"apiVersion", "v1"}, {"kind", "Secret"}, {"metadata", metadata}};
  auto fields = unknown_in(body, "v1", "Secret");
  REQUIRE(fields.size() == 100);
  CHECK(fields.front() == "metadata.field1000");
  CHECK(fields.back() == "metadata.field1099");
}

TEST_CASE("an unknown kind reports nothing") {
  json body = {{"apiVersion", "example.com/v1"}, {"kind", "Widget"}, {"spec", {{"x", 1}}}};
  auto report = troupe::api::check_decoding(body, "example.com/v1", "Widget");
  CHECK(report.unknown_fields.empty());
  CHECK_FALSE(report.type_error);
}

TEST_CASE("the request kinds Scale, Eviction, Binding and DeleteOptions are decoded") {
  CHECK(unknown_in({{"spec", {{"replicas", 2}, {"replica", 3}}}}, "autoscaling/v1", "Scale") ==
        paths{"spec.replica"});
  CHECK(unknown_in({{"deleteOptions", {{"gracePeriodSeconds", 0}, {"grace", 1}}}}, "policy/v1",
                   "Eviction") == paths{"deleteOptions.grace"});
  CHECK(unknown_in({{"target", {{"kind", "Node"}, {"name", "n1"}, {"node", "n1"}}}}, "v1",
                   "Binding") == paths{"target.node"});
  CHECK(unknown_in({{"propagationPolicy", "Background"}, {"orphan", true}}, "apps/v1",
                   "DeleteOptions") == paths{"orphan"});
}
