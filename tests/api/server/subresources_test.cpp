// The status and scale subresources as kube-apiserver 1.32 serves them:
// a status update changes only the status (spec and metadata kept, status
// rules validated); the scale subresource reads as an autoscaling/v1 Scale
// (status.selector a selector string) and writes spec.replicas by PUT or
// PATCH, with a negative count refused naming the Scale. Verbs and
// subresources a resource does not have are refused. Each case runs the
// operations through the harness against a real store.
#include <catch2/catch.hpp>

#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const deployments = "/apis/apps/v1/namespaces/default/deployments";
const char* const web = "/apis/apps/v1/namespaces/default/deployments/web";
const char* const web_status = "/apis/apps/v1/namespaces/default/deployments/web/status";
const char* const web_scale = "/apis/apps/v1/namespaces/default/deployments/web/scale";

json scale_body(std::int64_t replicas) {
  return {{"apiVersion", "autoscaling/v1"},
          {"kind", "Scale"},
          {"metadata", {{"name", "web"}, {"namespace", "default"}}},
          {"spec", {{"replicas", replicas}}}};
}

}  // namespace

TEST_CASE("a status update changes the status and nothing else") {
  operation_harness harness;
  auto object = create(harness, deployments, deployment_manifest("web"));
  auto body = object;
  body["spec"]["replicas"] = 9;
  body["metadata"]["labels"] = {{"tier", "front"}};
  body["status"] = {{"replicas", 2}, {"readyReplicas", 1}, {"observedGeneration", 1}};
  auto response = harness.run(make_request("update", web_status, body));
  REQUIRE(response.code == 200);
  auto updated = body_of(response);
  CHECK(updated["status"] ==
        json{{"replicas", 2}, {"readyReplicas", 1}, {"observedGeneration", 1}});
  CHECK(updated["spec"] == object["spec"]);
  CHECK_FALSE(updated["metadata"].contains("labels"));
  CHECK(updated["metadata"]["generation"] == 1);
  CHECK(updated["metadata"]["resourceVersion"] == std::to_string(harness.revision()));
}

TEST_CASE("a status patch merges into the stored status") {
  operation_harness harness;
  create(harness, deployments, deployment_manifest("web"));
  REQUIRE(harness
              .run(make_request("patch", web_status, json{{"status", {{"replicas", 2}}}},
                                "application/merge-patch+json"))
              .code == 200);
  auto response =
      harness.run(make_request("patch", web_status, json{{"status", {{"readyReplicas", 2}}}},
                               "application/merge-patch+json"));
  REQUIRE(response.code == 200);
  CHECK(body_of(response)["status"] == json{{"replicas", 2}, {"readyReplicas", 2}});
}

TEST_CASE("a status update with a negative count is 422 naming every status rule it breaks") {
  operation_harness harness;
  auto object = create(harness, deployments, deployment_manifest("web"));
  object["status"] = {{"replicas", -1}};
  auto response = harness.run(make_request("update", web_status, object));
  CHECK(response.code == 422);
  // As kube's ValidateDeploymentStatus: the absent counts are 0, which is
  // more than -1.
  CHECK(body_of(response)["message"] ==
        "Deployment.apps \"web\" is invalid: [status.replicas: Invalid value: -1: must be greater "
        "than or equal to 0, status.updatedReplicas: Invalid value: 0: cannot be greater than "
        "status.replicas, status.readyReplicas: Invalid value: 0: cannot be greater than "
        "status.replicas, status.availableReplicas: Invalid value: 0: cannot be greater than "
        "status.replicas]");
}

TEST_CASE("a status update with a stale resourceVersion is 409") {
  operation_harness harness;
  auto object = create(harness, deployments, deployment_manifest("web"));
  object["spec"]["replicas"] = 3;
  REQUIRE(harness.run(make_request("update", web, object)).code == 200);
  object["status"] = {{"replicas", 3}};
  auto response = harness.run(make_request("update", web_status, object));
  CHECK(response.code == 409);
  CHECK(body_of(response)["reason"] == "Conflict");
}

TEST_CASE("GET of the status subresource answers the whole object") {
  operation_harness harness;
  auto object = create(harness, deployments, deployment_manifest("web"));
  CHECK(get(harness, web_status) == object);
}

TEST_CASE("the scale subresource reads as an autoscaling/v1 Scale with a selector string") {
  operation_harness harness;
  auto object = create(harness, deployments, deployment_manifest("web", 3));
  auto scale = get(harness, web_scale);
  CHECK(scale == json{{"kind", "Scale"},
                      {"apiVersion", "autoscaling/v1"},
                      {"metadata",
                       {{"name", "web"},
                        {"namespace", "default"},
                        {"uid", object["metadata"]["uid"]},
                        {"resourceVersion", object["metadata"]["resourceVersion"]},
                        {"creationTimestamp", "2025-03-04T05:06:07Z"}}},
                      {"spec", {{"replicas", 3}}},
                      {"status", {{"replicas", 0}, {"selector", "app=web"}}}});
}

TEST_CASE("a scale selector with expressions reads in kube's selector syntax") {
  operation_harness harness;
  auto deployment = deployment_manifest("web");
  deployment["spec"]["selector"]["matchExpressions"] =
      json::array({{{"key", "tier"}, {"operator", "In"}, {"values", {"front", "edge"}}}});
  deployment["spec"]["template"]["metadata"]["labels"]["tier"] = "front";
  create(harness, deployments, deployment);
  CHECK(get(harness, web_scale)["status"]["selector"] == "app=web,tier in (edge,front)");
}

TEST_CASE("a PUT of the scale sets spec.replicas and answers the new Scale") {
  operation_harness harness;
  create(harness, deployments, deployment_manifest("web"));
  auto response = harness.run(make_request("update", web_scale, scale_body(5)));
  REQUIRE(response.code == 200);
  auto scale = body_of(response);
  CHECK(scale["kind"] == "Scale");
  CHECK(scale["spec"]["replicas"] == 5);
  CHECK(scale["metadata"]["resourceVersion"] == std::to_string(harness.revision()));
  auto deployment = get(harness, web);
  CHECK(deployment["spec"]["replicas"] == 5);
  CHECK(deployment["metadata"]["generation"] == 2);
}

TEST_CASE("kubectl scale's merge patch of the scale sets spec.replicas") {
  operation_harness harness;
  create(harness, deployments, deployment_manifest("web"));
  auto response = harness.run(make_request("patch", web_scale, json{{"spec", {{"replicas", 4}}}},
                                           "application/merge-patch+json"));
  REQUIRE(response.code == 200);
  CHECK(body_of(response)["spec"]["replicas"] == 4);
  CHECK(get(harness, web)["spec"]["replicas"] == 4);
}

TEST_CASE("a strategic merge patch of the scale applies as a merge patch") {
  operation_harness harness;
  create(harness, deployments, deployment_manifest("web"));
  auto response = harness.run(make_request("patch", web_scale, json{{"spec", {{"replicas", 0}}}},
                                           "application/strategic-merge-patch+json"));
  REQUIRE(response.code == 200);
  CHECK(get(harness, web)["spec"]["replicas"] == 0);
}

TEST_CASE("a negative scale is 422 naming the Scale") {
  operation_harness harness;
  create(harness, deployments, deployment_manifest("web"));
  auto revision = harness.revision();
  auto response = harness.run(make_request("update", web_scale, scale_body(-1)));
  CHECK(response.code == 422);
  CHECK(body_of(response) ==
        failure_status(
            422, "Invalid",
            "Scale.autoscaling \"web\" is invalid: spec.replicas: Invalid value: -1: "
            "must be greater than or equal to 0",
            {{"name", "web"},
             {"kind", "Scale"},
             {"causes",
              json::array({{{"reason", "FieldValueInvalid"},
                            {"message", "Invalid value: -1: must be greater than or equal to 0"},
                            {"field", "spec.replicas"}}})},
             {"group", "autoscaling"}}));
  CHECK(harness.revision() == revision);
}

TEST_CASE("a scale PUT with a stale resourceVersion is 409") {
  operation_harness harness;
  create(harness, deployments, deployment_manifest("web"));
  auto body = scale_body(4);
  body["metadata"]["resourceVersion"] = "1";
  auto response = harness.run(make_request("update", web_scale, body));
  CHECK(response.code == 409);
  CHECK(body_of(response)["message"] ==
        "Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; "
        "please apply your changes to the latest version and try again");
}

TEST_CASE("a subresource the resource does not have is 404") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web"));
  auto response = harness.run(make_request("get", "/api/v1/namespaces/default/pods/web/scale"));
  CHECK(response.code == 404);
  CHECK(body_of(response)["message"] == "pods/scale \"web\" not found");
}

TEST_CASE("a verb a subresource does not serve is 405") {
  operation_harness harness;
  auto response = harness.run(make_request("delete", "/api/v1/namespaces/default/pods/web/status"));
  CHECK(response.code == 405);
  CHECK(body_of(response) == failure_status(405, "MethodNotAllowed",
                                            "delete is not supported on resources of kind \"pods\"",
                                            {{"kind", "pods"}}));
}

TEST_CASE("a verb a resource does not serve is 405") {
  operation_harness harness;
  auto response = harness.run(make_request("deletecollection", "/api/v1/namespaces"));
  CHECK(response.code == 405);
  CHECK(body_of(response)["message"] ==
        "deletecollection is not supported on resources of kind \"namespaces\"");
}
