// GET of one object as kube-apiserver 1.32 answers it: the stored object
// with its key's revision as resourceVersion, 404 in kube's wording, a
// linearizable read unless resourceVersion=0 lets the watch cache answer
// (even a stale one), and autoscaling/v1 HorizontalPodAutoscalers served
// from their autoscaling/v2 storage. Each case runs the get operation
// through the harness against a real store.
#include <catch2/catch.hpp>

#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const settings = "/api/v1/namespaces/default/configmaps/settings";

std::string settings_key() {
  return key_of("", "v1", "configmaps", "default", "settings");
}

}  // namespace

TEST_CASE("a GET answers the stored object with its key's revision as resourceVersion") {
  operation_harness harness;
  auto created = create(harness, "/api/v1/namespaces/default/configmaps",
                        configmap_manifest("settings", {{"mode", "fast"}}));
  auto revision = harness.revision();
  harness.put("/registry/core/configmaps/default/other", configmap_manifest("other"));
  auto response = harness.run(make_request("get", settings));
  CHECK(response.code == 200);
  CHECK(response.content_type == "application/json");
  auto object = body_of(response);
  CHECK(object == created);
  CHECK(object["metadata"]["resourceVersion"] == std::to_string(revision));
  REQUIRE(harness.steps().size() == 1);
  CHECK(harness.steps()[0].kind == step_kind::read_store);
  CHECK(harness.steps()[0].keys == std::vector<std::string>{settings_key()});
}

TEST_CASE("a GET of a missing object is 404 in kube's wording") {
  operation_harness harness;
  auto response = harness.run(make_request("get", "/api/v1/namespaces/default/pods/web"));
  CHECK(response.code == 404);
  CHECK(body_of(response) == failure_status(404, "NotFound", "pods \"web\" not found",
                                            {{"name", "web"}, {"kind", "pods"}}));
}

TEST_CASE("a missing object of a grouped resource is named with its group") {
  operation_harness harness;
  auto response =
      harness.run(make_request("get", "/apis/apps/v1/namespaces/default/deployments/web"));
  CHECK(response.code == 404);
  auto status = body_of(response);
  CHECK(status["message"] == "deployments.apps \"web\" not found");
  CHECK(status["details"] == json{{"name", "web"}, {"kind", "deployments"}, {"group", "apps"}});
}

TEST_CASE("a cluster-scoped object is read by its name alone") {
  operation_harness harness;
  create(harness, "/api/v1/nodes", node_manifest("worker-1"));
  CHECK(get(harness, "/api/v1/nodes/worker-1")["metadata"]["name"] == "worker-1");
  REQUIRE(harness.steps().size() == 1);
  CHECK(harness.steps()[0].keys == std::vector<std::string>{"/registry/core/nodes/worker-1"});
}

TEST_CASE("a GET without resourceVersion reads the store even when the cache is stale") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces/default/configmaps", configmap_manifest("settings"));
  harness.freeze_cache();
  auto changed = configmap_manifest("settings", {{"mode", "slow"}});
  changed["metadata"]["namespace"] = "default";
  auto revision = harness.put(settings_key(), changed);
  auto object = get(harness, settings);
  CHECK(object["data"]["mode"] == "slow");
  CHECK(object["metadata"]["resourceVersion"] == std::to_string(revision));
}

TEST_CASE("a GET with resourceVersion 0 may be answered by a stale cache") {
  operation_harness harness;
  auto created =
      create(harness, "/api/v1/namespaces/default/configmaps", configmap_manifest("settings"));
  harness.freeze_cache();
  auto changed = configmap_manifest("settings", {{"mode", "slow"}});
  changed["metadata"]["namespace"] = "default";
  harness.put(settings_key(), changed);
  auto object = get(harness, std::string(settings) + "?resourceVersion=0");
  CHECK(object == created);
  REQUIRE(harness.steps().size() == 1);
  CHECK(harness.steps()[0].kind == step_kind::read_cache);
  harness.thaw_cache();
  CHECK(get(harness, std::string(settings) + "?resourceVersion=0")["data"]["mode"] == "slow");
}

TEST_CASE("an autoscaling/v1 HorizontalPodAutoscaler is served from its v2 storage") {
  operation_harness harness;
  create(harness, "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers",
         autoscaler_v2_manifest("web", "web"));
  auto v1 = get(harness, "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web");
  CHECK(v1["apiVersion"] == "autoscaling/v1");
  CHECK(v1["spec"]["targetCPUUtilizationPercentage"] == 60);
  CHECK(v1["spec"]["minReplicas"] == 1);
  CHECK(v1["spec"]["maxReplicas"] == 5);
  CHECK_FALSE(v1["spec"].contains("metrics"));
  REQUIRE(harness.steps().size() == 1);
  CHECK(harness.steps()[0].keys ==
        std::vector<std::string>{"/registry/autoscaling/horizontalpodautoscalers/default/web"});
}

TEST_CASE("an autoscaling/v1 HorizontalPodAutoscaler created is stored as autoscaling/v2") {
  operation_harness harness;
  json v1{
      {"apiVersion", "autoscaling/v1"},
      {"kind", "HorizontalPodAutoscaler"},
      {"metadata", {{"name", "web"}}},
      {"spec",
       {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "web"}}},
        {"maxReplicas", 4},
        {"targetCPUUtilizationPercentage", 70}}}};
  auto created =
      create(harness, "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers", v1);
  CHECK(created["apiVersion"] == "autoscaling/v1");
  CHECK(created["spec"]["targetCPUUtilizationPercentage"] == 70);
  auto stored = harness.stored("/registry/autoscaling/horizontalpodautoscalers/default/web");
  CHECK(stored["apiVersion"] == "autoscaling/v2");
  CHECK(stored["spec"]["metrics"] ==
        json::array({{{"type", "Resource"},
                      {"resource",
                       {{"name", "cpu"},
                        {"target", {{"type", "Utilization"}, {"averageUtilization", 70}}}}}}}));
  CHECK(stored["spec"]["minReplicas"] == 1);
}
