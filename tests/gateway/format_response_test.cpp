// Proves that format_response turns successful answers into the Tables
// kubectl prints: a list into one row per item with the list's
// resourceVersion, continue token and remaining count; one object into a
// one-row Table with the object's resourceVersion; the pod and deployment
// columns kube prints; each row's object as includeObject asks (metadata by
// default); and the Table content type. Failures, plain JSON requests and
// bodies of another kind pass unchanged, and no body makes it throw. The
// fixed `now` makes AGE exact.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "actors/gateway/core/response_format.hpp"

using namespace troupe;
using namespace troupe::gateway;
using nlohmann::json;

namespace {

// 2024-06-01T12:00:00Z.
std::chrono::system_clock::time_point now() {
  using namespace std::chrono;
  return sys_days{year{2024} / June / 1} + hours{12};
}

const api::resource_info& resource(std::string_view group, std::string_view plural) {
  const auto* found = api::find_resource(group, "v1", plural);
  REQUIRE(found != nullptr);
  return *found;
}

json pod(std::string name, std::string resource_version) {
  return {
      {"apiVersion", "v1"},
      {"kind", "Pod"},
      {"metadata",
       {{"name", name},
        {"namespace", "default"},
        {"uid", "uid-" + name},
        {"resourceVersion", resource_version},
        {"labels", {{"app", "web"}}},
        {"creationTimestamp", "2024-06-01T09:00:00Z"}}},
      {"spec", {{"nodeName", "worker-1"}, {"containers", {{{"name", "app"}, {"image", "nginx"}}}}}},
      {"status",
       {{"phase", "Running"},
        {"podIP", "10.0.0.7"},
        {"containerStatuses",
         {{{"name", "app"},
           {"ready", true},
           {"restartCount", 0},
           {"state", {{"running", {{"startedAt", "2024-06-01T09:00:05Z"}}}}}}}}}}};
}

json deployment() {
  return {
      {"apiVersion", "apps/v1"},
      {"kind", "Deployment"},
      {"metadata",
       {{"name", "web"},
        {"namespace", "default"},
        {"resourceVersion", "31"},
        {"creationTimestamp", "2024-05-30T12:00:00Z"}}},
      {"spec",
       {{"replicas", 3},
        {"selector", {{"matchLabels", {{"app", "web"}}}}},
        {"template", {{"spec", {{"containers", {{{"name", "app"}, {"image", "nginx:1.26"}}}}}}}}}},
      {"status",
       {{"replicas", 3}, {"readyReplicas", 2}, {"updatedReplicas", 3}, {"availableReplicas", 2}}}};
}

api_response ok(const json& body) {
  return {200, "application/json", body.dump(), {}};
}

response_format table_format(
    api::table_include_object include = api::table_include_object::metadata) {
  return {true, include};
}

json table_of(const api_response& response) {
  CHECK(response.content_type == table_content_type);
  return json::parse(response.body);
}

std::vector<std::string> column_names(const json& table) {
  std::vector<std::string> names;
  for (const auto& column : table["columnDefinitions"]) names.push_back(column["name"]);
  return names;
}

}  // namespace

TEST_CASE("a pod list becomes a Table with kube's pod columns, one row per pod") {
  json list = {{"apiVersion", "v1"},
               {"kind", "PodList"},
               {"metadata", {{"resourceVersion", "57"}}},
               {"items", {pod("web-0", "50"), pod("web-1", "51")}}};
  auto formatted = format_response(ok(list), resource("", "pods"), table_format(), now());
  CHECK(formatted.code == 200);
  auto table = table_of(formatted);
  CHECK(table["kind"] == "Table");
  CHECK(table["apiVersion"] == "meta.k8s.io/v1");
  CHECK(table["metadata"] == json{{"resourceVersion", "57"}});
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Ready", "Status", "Restarts",
                                                        "Age", "IP", "Node", "Nominated Node",
                                                        "Readiness Gates"});
  REQUIRE(table["rows"].size() == 2);
  CHECK(table["rows"][0]["cells"] ==
        json{"web-0", "1/1", "Running", "0", "3h", "10.0.0.7", "worker-1", "<none>", "<none>"});
  CHECK(table["rows"][1]["cells"][0] == "web-1");
}

TEST_CASE("each row's object is the item's PartialObjectMetadata by default") {
  json list = {{"kind", "PodList"}, {"metadata", json::object()}, {"items", {pod("web-0", "50")}}};
  auto table = table_of(format_response(ok(list), resource("", "pods"), table_format(), now()));
  auto object = table["rows"][0]["object"];
  CHECK(object["kind"] == "PartialObjectMetadata");
  CHECK(object["apiVersion"] == "meta.k8s.io/v1");
  CHECK(object["metadata"] == pod("web-0", "50")["metadata"]);
  CHECK(table["metadata"] == json::object());
}

TEST_CASE("includeObject None leaves rows without objects, Object carries the whole item") {
  json list = {{"kind", "PodList"}, {"metadata", json::object()}, {"items", {pod("web-0", "50")}}};
  auto none = table_of(format_response(ok(list), resource("", "pods"),
                                       table_format(api::table_include_object::none), now()));
  CHECK(none["rows"][0]["object"].is_null());
  auto whole = table_of(format_response(ok(list), resource("", "pods"),
                                        table_format(api::table_include_object::object), now()));
  CHECK(whole["rows"][0]["object"] == pod("web-0", "50"));
}

TEST_CASE("a list's continue token and remaining item count carry into the Table") {
  json list = {{"kind", "PodList"},
               {"metadata",
                {{"resourceVersion", "57"}, {"continue", "token-1"}, {"remainingItemCount", 12}}},
               {"items", {pod("web-0", "50")}}};
  auto table = table_of(format_response(ok(list), resource("", "pods"), table_format(), now()));
  CHECK(table["metadata"] ==
        json{{"resourceVersion", "57"}, {"continue", "token-1"}, {"remainingItemCount", 12}});
}

TEST_CASE("one deployment becomes a one-row Table with kube's deployment columns") {
  auto formatted =
      format_response(ok(deployment()), resource("apps", "deployments"), table_format(), now());
  auto table = table_of(formatted);
  CHECK(table["metadata"] == json{{"resourceVersion", "31"}});
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Ready", "Up-to-date", "Available",
                                                        "Age", "Containers", "Images", "Selector"});
  REQUIRE(table["rows"].size() == 1);
  CHECK(table["rows"][0]["cells"] ==
        json{"web", "2/3", 3, 2, "2d", "app", "nginx:1.26", "app=web"});
  CHECK(table["rows"][0]["object"]["metadata"]["name"] == "web");
}

TEST_CASE("an empty list becomes a Table without rows") {
  json list = {{"kind", "DeploymentList"},
               {"metadata", {{"resourceVersion", "9"}}},
               {"items", json::array()}};
  auto table =
      table_of(format_response(ok(list), resource("apps", "deployments"), table_format(), now()));
  CHECK(table["rows"] == json::array());
  CHECK(table["metadata"] == json{{"resourceVersion", "9"}});
}

TEST_CASE("a failure passes unchanged although a Table was asked for") {
  api_response missing{404,
                       "application/json",
                       R"({"kind":"Status","apiVersion":"v1","code":404,"reason":"NotFound"})",
                       {"a warning"}};
  auto formatted = format_response(missing, resource("", "pods"), table_format(), now());
  CHECK(formatted.code == 404);
  CHECK(formatted.content_type == "application/json");
  CHECK(formatted.body == missing.body);
  CHECK(formatted.warnings == std::vector<std::string>{"a warning"});
}

TEST_CASE("plain JSON was asked for: the answer passes unchanged") {
  auto answer = ok(pod("web-0", "50"));
  auto formatted = format_response(answer, resource("", "pods"), response_format{}, now());
  CHECK(formatted.content_type == "application/json");
  CHECK(formatted.body == answer.body);
}

TEST_CASE("a body of another kind passes unchanged: a Status of a delete, a Scale") {
  api_response deleted{
      200, "application/json", R"({"kind":"Status","apiVersion":"v1","status":"Success"})", {}};
  CHECK(format_response(deleted, resource("", "pods"), table_format(), now()).body == deleted.body);
  api_response scale{200,
                     "application/json",
                     R"({"kind":"Scale","apiVersion":"autoscaling/v1","spec":{"replicas":3}})",
                     {}};
  auto formatted = format_response(scale, resource("apps", "deployments"), table_format(), now());
  CHECK(formatted.body == scale.body);
  CHECK(formatted.content_type == "application/json");
}

TEST_CASE("a body that is not a JSON object passes unchanged") {
  for (std::string body : {"", "not json", "[1,2]", "\"Pod\"", "{\"kind\":"}) {
    api_response answer{200, "text/plain", body, {}};
    auto formatted = format_response(answer, resource("", "pods"), table_format(), now());
    CHECK(formatted.body == body);
    CHECK(formatted.content_type == "text/plain");
  }
}

TEST_CASE("members of the wrong type never make format_response throw") {
  for (std::string body :
       {R"({"kind":5})", R"({"kind":"PodList","metadata":{"resourceVersion":5}})",
        R"({"kind":"PodList","metadata":{"continue":[],"remainingItemCount":"x"}})",
        R"({"kind":"PodList","metadata":"x","items":{"a":1}})",
        R"({"kind":"Pod","metadata":{"resourceVersion":{}}})",
        R"({"kind":"PodList","items":[1,"x",null,[]]})"}) {
    INFO(body);
    api_response answer{200, "application/json", body, {}};
    CHECK_NOTHROW(format_response(answer, resource("", "pods"), table_format(), now()));
  }
}

TEST_CASE("a pod list with wrongly typed list metadata still becomes a Table, the members absent") {
  api_response answer{
      200,
      "application/json",
      R"({"kind":"PodList","metadata":{"resourceVersion":5,"continue":7},"items":[]})",
      {}};
  auto formatted = format_response(answer, resource("", "pods"), table_format(), now());
  CHECK(json::parse(formatted.body)["metadata"] == json::object());
}
