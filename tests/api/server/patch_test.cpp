// PATCH of an object with each patch type kube-apiserver 1.32 serves
// without server-side apply: JSON patch, merge patch and strategic merge
// patch (a kubectl-style apply patch with $setElementOrder and $patch:
// delete on ports), the 415 for other types, the 422 of a failed JSON patch
// test, strict field validation of the result, and a resourceVersion
// precondition carried in the patch. Each case runs the update operation
// through the harness against a real store.
#include <catch2/catch.hpp>

#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const settings = "/api/v1/namespaces/default/configmaps/settings";
const char* const web = "/apis/apps/v1/namespaces/default/deployments/web";
const char* const json_patch = "application/json-patch+json";
const char* const merge_patch = "application/merge-patch+json";
const char* const strategic_patch = "application/strategic-merge-patch+json";

json created_settings(operation_harness& harness) {
  return create(harness, "/api/v1/namespaces/default/configmaps",
                configmap_manifest("settings", {{"mode", "fast"}, {"size", "large"}}));
}

api_response patch(operation_harness& harness, std::string_view path, const json& body,
                   const char* type) {
  return harness.run(make_request("patch", path, body, type));
}

const std::string unsupported_patch_message =
    "the body of the request was in an unknown format - accepted media types include: "
    "application/json-patch+json, application/merge-patch+json, "
    "application/strategic-merge-patch+json";

}  // namespace

TEST_CASE("a JSON patch replaces and removes the members it names") {
  operation_harness harness;
  created_settings(harness);
  auto response = patch(harness, settings,
                        json::array({{{"op", "replace"}, {"path", "/data/mode"}, {"value", "slow"}},
                                     {{"op", "remove"}, {"path", "/data/size"}}}),
                        json_patch);
  REQUIRE(response.code == 200);
  auto patched = body_of(response);
  CHECK(patched["data"] == json{{"mode", "slow"}});
  CHECK(patched["metadata"]["resourceVersion"] == std::to_string(harness.revision()));
}

TEST_CASE("a merge patch merges maps and deletes the members it sets to null") {
  operation_harness harness;
  created_settings(harness);
  auto response =
      patch(harness, settings,
            json{{"metadata", {{"labels", {{"tier", "front"}}}}}, {"data", {{"size", nullptr}}}},
            merge_patch);
  REQUIRE(response.code == 200);
  auto patched = body_of(response);
  CHECK(patched["data"] == json{{"mode", "fast"}});
  CHECK(patched["metadata"]["labels"] == json{{"tier", "front"}});
}

TEST_CASE("a kubectl apply patch merges containers by name and ports by containerPort") {
  operation_harness harness;
  create(harness, "/apis/apps/v1/namespaces/default/deployments", deployment_manifest("web"));
  // What kubectl apply sends when the manifest moves the port from 80 to
  // 8080, changes the image and adds a sidecar before the web container.
  json apply{
      {"spec",
       {{"template",
         {{"spec",
           {{"$setElementOrder/containers", json::array({{{"name", "log"}}, {{"name", "web"}}})},
            {"containers",
             json::array({{{"name", "log"}, {"image", "busybox:1.36"}},
                          {{"name", "web"},
                           {"image", "nginx:1.28"},
                           {"$setElementOrder/ports", json::array({{{"containerPort", 8080}}})},
                           {"ports", json::array({{{"containerPort", 8080}},
                                                  {{"$patch", "delete"},
                                                   {"containerPort", 80}}})}}})}}}}}}}};
  auto response = patch(harness, web, apply, strategic_patch);
  REQUIRE(response.code == 200);
  auto patched = body_of(response);
  const auto& containers = patched["spec"]["template"]["spec"]["containers"];
  REQUIRE(containers.size() == 2);
  CHECK(containers[0]["name"] == "log");
  CHECK(containers[0]["imagePullPolicy"] == "IfNotPresent");
  CHECK(containers[1]["name"] == "web");
  CHECK(containers[1]["image"] == "nginx:1.28");
  CHECK(containers[1]["ports"] == json::array({{{"containerPort", 8080}, {"protocol", "TCP"}}}));
  CHECK(patched["metadata"]["generation"] == 2);
}

TEST_CASE("a strategic merge patch of a kind without merge keys replaces lists") {
  operation_harness harness;
  created_settings(harness);
  auto response =
      patch(harness, settings, json{{"metadata", {{"finalizers", {"a/b"}}}}}, strategic_patch);
  REQUIRE(response.code == 200);
  CHECK(body_of(response)["metadata"]["finalizers"] == json::array({"a/b"}));
}

TEST_CASE("a server-side apply patch is 415 listing the patch types served") {
  operation_harness harness;
  created_settings(harness);
  auto response =
      patch(harness, settings, configmap_manifest("settings"), "application/apply-patch+yaml");
  CHECK(response.code == 415);
  CHECK(body_of(response) ==
        failure_status(415, "UnsupportedMediaType", unsupported_patch_message));
  CHECK(harness.count(step_kind::write) == 0);
}

TEST_CASE("a patch of an unknown media type is 415") {
  operation_harness harness;
  created_settings(harness);
  auto response = patch(harness, settings, json::object(), "text/plain");
  CHECK(response.code == 415);
  CHECK(body_of(response)["message"] == unsupported_patch_message);
}

TEST_CASE("a JSON patch whose test operation fails is 422 and writes nothing") {
  operation_harness harness;
  created_settings(harness);
  auto revision = harness.revision();
  auto response =
      patch(harness, settings,
            json::array({{{"op", "test"}, {"path", "/data/mode"}, {"value", "slow"}},
                         {{"op", "replace"}, {"path", "/data/mode"}, {"value", "slower"}}}),
            json_patch);
  CHECK(response.code == 422);
  auto status = body_of(response);
  CHECK(status["reason"] == "Invalid");
  CHECK(status["message"] == "operation 0 (test /data/mode): test failed: the value differs");
  CHECK(harness.revision() == revision);
}

TEST_CASE("a patch whose result has an unknown field is 400 under strict field validation") {
  operation_harness harness;
  created_settings(harness);
  auto response = patch(harness, std::string(settings) + "?fieldValidation=Strict",
                        json{{"colour", "blue"}}, merge_patch);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: "
        "unknown field \"colour\"");
  CHECK(harness.count(step_kind::write) == 0);
}

TEST_CASE("a patch whose result has a value of the wrong type is 400 in Go's wording") {
  operation_harness harness;
  created_settings(harness);
  auto response = patch(harness, settings, json{{"data", {{"mode", 5}}}}, merge_patch);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal "
        "number into Go struct field ConfigMap.data of type string");
}

TEST_CASE("a resourceVersion in a patch is a precondition") {
  operation_harness harness;
  auto object = created_settings(harness);
  auto current = object["metadata"]["resourceVersion"].get<std::string>();
  auto stale = patch(harness, settings,
                     json{{"metadata", {{"resourceVersion", "1"}}}, {"data", {{"mode", "slow"}}}},
                     merge_patch);
  CHECK(stale.code == 409);
  CHECK(body_of(stale)["message"] ==
        "Operation cannot be fulfilled on configmaps \"settings\": the object has been modified; "
        "please apply your changes to the latest version and try again");
  auto fresh =
      patch(harness, settings,
            json{{"metadata", {{"resourceVersion", current}}}, {"data", {{"mode", "slow"}}}},
            merge_patch);
  CHECK(fresh.code == 200);
  CHECK(body_of(fresh)["data"]["mode"] == "slow");
}

TEST_CASE("a patch of a missing object is 404") {
  operation_harness harness;
  auto response = patch(harness, settings, json{{"data", {{"mode", "slow"}}}}, merge_patch);
  CHECK(response.code == 404);
  CHECK(body_of(response)["message"] == "configmaps \"settings\" not found");
}

TEST_CASE("a patch that renames the object is 400") {
  operation_harness harness;
  created_settings(harness);
  auto response = patch(harness, settings, json{{"metadata", {{"name", "renamed"}}}}, merge_patch);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "the name of the object (renamed) does not match the name on the URL (settings)");
}

TEST_CASE("a patch body that is not JSON is 400") {
  operation_harness harness;
  created_settings(harness);
  auto response =
      harness.run(make_request("patch", settings, std::string("{not json"), merge_patch));
  CHECK(response.code == 400);
  CHECK(body_of(response)["reason"] == "BadRequest");
}

TEST_CASE("a patch that changes nothing writes nothing") {
  operation_harness harness;
  auto object = created_settings(harness);
  auto response = patch(harness, settings, json{{"data", {{"mode", "fast"}}}}, merge_patch);
  CHECK(response.code == 200);
  CHECK(body_of(response) == object);
  CHECK(harness.count(step_kind::write) == 0);
}
