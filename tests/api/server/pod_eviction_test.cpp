// pods/eviction (policy/v1 Eviction) as kube-apiserver 1.32's EvictionREST:
// a pod no budget covers is deleted; the one budget matching it must allow
// a disruption (then it is decremented and the pod recorded in
// disruptedPods before the delete), else 429 with kube's message and
// DisruptionBudget cause; a budget not yet observed is 429 with a retry;
// two budgets are a 500; pending or terminating pods skip the budgets.
// Each case runs the eviction through the harness against a real store.
#include <catch2/catch.hpp>

#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const eviction_path = "/api/v1/namespaces/default/pods/web/eviction";
const char* const budgets = "/apis/policy/v1/namespaces/default/poddisruptionbudgets";

json eviction(const json& delete_options = nullptr) {
  json body{{"apiVersion", "policy/v1"}, {"kind", "Eviction"}, {"metadata", {{"name", "web"}}}};
  if (!delete_options.is_null()) body["deleteOptions"] = delete_options;
  return body;
}

api_response evict(operation_harness& harness, const json& body = eviction()) {
  return harness.run(make_request("create", eviction_path, body));
}

// A pod bound to worker-1 whose kubelet reports it Running.
void running_pod(operation_harness& harness, std::string_view name, const labels_map& labels) {
  auto pod = create(harness, "/api/v1/namespaces/default/pods", pod_manifest(name, labels));
  pod["spec"]["nodeName"] = "worker-1";
  pod["status"]["phase"] = "Running";
  pod["metadata"].erase("resourceVersion");
  harness.put(pod_key("default", name), pod);
}

// A budget over app=web whose controller has observed it, with `allowed`
// disruptions.
void observed_budget(operation_harness& harness, std::string_view name, int allowed) {
  create(harness, budgets, budget_manifest(name, {{"app", "web"}}));
  auto status =
      harness.run(make_request("patch", std::string(budgets) + "/" + std::string(name) + "/status",
                               json{{"status",
                                     {{"observedGeneration", 1},
                                      {"disruptionsAllowed", allowed},
                                      {"currentHealthy", 1},
                                      {"desiredHealthy", 1},
                                      {"expectedPods", 1}}}},
                               "application/merge-patch+json"));
  REQUIRE(status.code == 200);
}

std::string budget_key(std::string_view name) {
  return key_of("policy", "v1", "poddisruptionbudgets", "default", name);
}

const json evicted{{"kind", "Status"},
                   {"apiVersion", "v1"},
                   {"metadata", json::object()},
                   {"status", "Success"},
                   {"code", 201}};

}  // namespace

TEST_CASE("evicting a pod no budget covers deletes it gracefully") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  auto response = evict(harness);
  CHECK(response.code == 201);
  CHECK(body_of(response) == evicted);
  auto pod = harness.stored(pod_key("default", "web"));
  CHECK(pod["metadata"]["deletionGracePeriodSeconds"] == 30);
}

TEST_CASE("an eviction's deleteOptions reach the delete") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  CHECK(evict(harness, eviction({{"gracePeriodSeconds", 0}})).code == 201);
  CHECK(harness.stored(pod_key("default", "web")).is_null());
}

TEST_CASE("a budget allowing no disruption refuses the eviction with 429 and its cause") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  observed_budget(harness, "web-budget", 0);
  auto revision = harness.revision();
  auto response = evict(harness);
  CHECK(response.code == 429);
  CHECK(body_of(response) ==
        failure_status(429, "TooManyRequests",
                       "Cannot evict pod as it would violate the pod's disruption budget.",
                       {{"causes", json::array({{{"reason", "DisruptionBudget"},
                                                 {"message",
                                                  "The disruption budget web-budget needs 1 "
                                                  "healthy pods and has 1 currently"}}})}}));
  CHECK(harness.revision() == revision);
  CHECK_FALSE(harness.stored(pod_key("default", "web"))["metadata"].contains("deletionTimestamp"));
}

TEST_CASE("a budget allowing a disruption is decremented, records the pod, and the pod goes") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  observed_budget(harness, "web-budget", 1);
  auto response = evict(harness);
  CHECK(response.code == 201);
  CHECK(body_of(response) == evicted);
  auto budget = harness.stored(budget_key("web-budget"));
  CHECK(budget["status"]["disruptionsAllowed"] == 0);
  CHECK(budget["status"]["disruptedPods"] == json{{"web", "2025-03-04T05:06:07Z"}});
  CHECK(harness.stored(pod_key("default", "web"))["metadata"]["deletionTimestamp"] ==
        "2025-03-04T05:06:37Z");
  CHECK(harness.count(step_kind::write) == 2);
}

TEST_CASE("a budget its controller has not observed yet is 429 with a retry after 10 s") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  create(harness, budgets, budget_manifest("web-budget", {{"app", "web"}}));
  auto response = evict(harness);
  CHECK(response.code == 429);
  CHECK(body_of(response)["details"] ==
        json{{"causes", json::array({{{"reason", "DisruptionBudget"},
                                      {"message",
                                       "The disruption budget web-budget is still "
                                       "being processed by the server."}}})},
             {"retryAfterSeconds", 10}});
}

TEST_CASE("a pod covered by two budgets is refused with kube's 500") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  observed_budget(harness, "first", 1);
  observed_budget(harness, "second", 1);
  auto response = evict(harness);
  CHECK(response.code == 500);
  CHECK(body_of(response) == json{{"kind", "Status"},
                                  {"apiVersion", "v1"},
                                  {"metadata", json::object()},
                                  {"status", "Failure"},
                                  {"message",
                                   "This pod has more than one PodDisruptionBudget, which the "
                                   "eviction subresource does not support."},
                                  {"code", 500}});
  CHECK(harness.stored(budget_key("first"))["status"]["disruptionsAllowed"] == 1);
}

TEST_CASE("budgets that select other pods or live elsewhere do not cover the pod") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  create(harness, budgets, budget_manifest("other", {{"app", "db"}}));
  create(harness, "/api/v1/namespaces", namespace_manifest("elsewhere"));
  create(harness, "/apis/policy/v1/namespaces/elsewhere/poddisruptionbudgets",
         budget_manifest("far", {{"app", "web"}}));
  CHECK(evict(harness).code == 201);
}

TEST_CASE("a pending pod is evicted whatever its budget says") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web", {{"app", "web"}}));
  observed_budget(harness, "web-budget", 0);
  CHECK(evict(harness).code == 201);
  CHECK(harness.stored(pod_key("default", "web")).is_null());
  CHECK(harness.count(step_kind::read_range) == 0);
}

TEST_CASE("a budget with a negative disruption count is 403") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  auto budget = budget_manifest("web-budget", {{"app", "web"}});
  budget["metadata"]["namespace"] = "default";
  budget["metadata"]["generation"] = 1;
  budget["status"] = {{"observedGeneration", 1}, {"disruptionsAllowed", -1}};
  harness.put(budget_key("web-budget"), budget);
  auto response = evict(harness);
  CHECK(response.code == 403);
  CHECK(body_of(response)["message"] ==
        "poddisruptionbudget.policy \"web-budget\" is forbidden: pdb disruptions allowed is "
        "negative");
}

TEST_CASE("a budget changed while an eviction decrements it is read again") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  observed_budget(harness, "web-budget", 2);
  harness.before_next_write([](operation_harness& h) {
    auto budget = h.stored(budget_key("web-budget"));
    budget["metadata"].erase("resourceVersion");
    budget["status"]["disruptionsAllowed"] = 1;
    h.put(budget_key("web-budget"), budget);
  });
  CHECK(evict(harness).code == 201);
  CHECK(harness.stored(budget_key("web-budget"))["status"]["disruptionsAllowed"] == 0);
  CHECK(harness.count(step_kind::read_range) == 2);
}

TEST_CASE("an eviction named differently from the URL is 400") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  auto body = eviction();
  body["metadata"]["name"] = "other";
  auto response = evict(harness, body);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] == "name in URL does not match name in Eviction object");
}

TEST_CASE("evicting a missing pod is 404") {
  operation_harness harness;
  auto response = evict(harness);
  CHECK(response.code == 404);
  CHECK(body_of(response)["message"] == "pods \"web\" not found");
}

TEST_CASE("a dry-run eviction deletes nothing and takes no disruption from the budget") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  observed_budget(harness, "web-budget", 1);
  auto revision = harness.revision();
  auto response =
      harness.run(make_request("create", std::string(eviction_path) + "?dryRun=All", eviction()));
  CHECK(response.code == 201);
  CHECK(body_of(response) == evicted);
  CHECK(harness.revision() == revision);
  CHECK(harness.count(step_kind::write) == 0);
  CHECK(harness.stored(budget_key("web-budget"))["status"]["disruptionsAllowed"] == 1);
  CHECK_FALSE(harness.stored(pod_key("default", "web"))["metadata"].contains("deletionTimestamp"));
}

TEST_CASE("an eviction whose deleteOptions ask a dry run writes nothing either") {
  operation_harness harness;
  running_pod(harness, "web", {{"app", "web"}});
  observed_budget(harness, "web-budget", 1);
  auto revision = harness.revision();
  CHECK(evict(harness, eviction({{"dryRun", {"All"}}})).code == 201);
  CHECK(harness.revision() == revision);
}
