// pods/binding, the scheduler's write, as kube-apiserver 1.32's BindingREST:
// the pod gets spec.nodeName, the Binding's annotations and PodScheduled
// True; a pod already bound or being deleted is a Conflict on
// pods/binding; the Binding itself is checked first. Each case runs the
// binding operation through the harness against a real store.
#include <catch2/catch.hpp>

#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const binding_path = "/api/v1/namespaces/default/pods/web/binding";

json binding_to(std::string_view node) {
  return {{"apiVersion", "v1"},
          {"kind", "Binding"},
          {"metadata", {{"name", "web"}}},
          {"target", {{"apiVersion", "v1"}, {"kind", "Node"}, {"name", node}}}};
}

api_response bind_pod(operation_harness& harness, const json& binding) {
  return harness.run(make_request("create", binding_path, binding));
}

}  // namespace

TEST_CASE("a binding sets the pod's node and its PodScheduled condition") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web"));
  auto binding = binding_to("worker-1");
  binding["metadata"]["annotations"] = {{"scheduler.example.com/score", "7"}};
  auto response = bind_pod(harness, binding);
  CHECK(response.code == 201);
  CHECK(body_of(response) == json{{"kind", "Status"},
                                  {"apiVersion", "v1"},
                                  {"metadata", json::object()},
                                  {"status", "Success"},
                                  {"code", 201}});
  auto pod = harness.stored(pod_key("default", "web"));
  CHECK(pod["spec"]["nodeName"] == "worker-1");
  CHECK(pod["metadata"]["annotations"] == json{{"scheduler.example.com/score", "7"}});
  CHECK(pod["status"]["conditions"] ==
        json::array({{{"type", "PodScheduled"},
                      {"status", "True"},
                      {"lastTransitionTime", "2025-03-04T05:06:07Z"}}}));
  CHECK(pod["status"]["phase"] == "Pending");
}

TEST_CASE("a binding turns a PodScheduled False condition True at the binding's time") {
  operation_harness harness;
  auto pod = create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web"));
  pod["status"]["conditions"] = json::array({{{"type", "PodScheduled"},
                                              {"status", "False"},
                                              {"reason", "Unschedulable"},
                                              {"lastTransitionTime", "2025-03-04T05:00:00Z"}}});
  pod["metadata"].erase("resourceVersion");
  harness.put(pod_key("default", "web"), pod);
  harness.advance(std::chrono::seconds(60));
  REQUIRE(bind_pod(harness, binding_to("worker-1")).code == 201);
  auto condition = harness.stored(pod_key("default", "web"))["status"]["conditions"][0];
  CHECK(condition["status"] == "True");
  CHECK(condition["lastTransitionTime"] == "2025-03-04T05:07:07Z");
}

TEST_CASE("binding a pod already bound is a Conflict on pods/binding") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web"));
  REQUIRE(bind_pod(harness, binding_to("worker-1")).code == 201);
  auto revision = harness.revision();
  auto response = bind_pod(harness, binding_to("worker-2"));
  CHECK(response.code == 409);
  CHECK(body_of(response) ==
        failure_status(409, "Conflict",
                       "Operation cannot be fulfilled on pods/binding \"web\": pod web is already "
                       "assigned to node \"worker-1\"",
                       {{"name", "web"}, {"kind", "pods/binding"}}));
  CHECK(harness.revision() == revision);
}

TEST_CASE("binding a pod being deleted is a Conflict") {
  operation_harness harness;
  auto pod = create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web"));
  pod["metadata"]["deletionTimestamp"] = "2025-03-04T05:06:37Z";
  pod["metadata"].erase("resourceVersion");
  harness.put(pod_key("default", "web"), pod);
  auto response = bind_pod(harness, binding_to("worker-1"));
  CHECK(response.code == 409);
  CHECK(body_of(response)["message"] ==
        "Operation cannot be fulfilled on pods/binding \"web\": pod web is being deleted, cannot "
        "be assigned to a host");
}

TEST_CASE("binding a missing pod is 404") {
  operation_harness harness;
  auto response = bind_pod(harness, binding_to("worker-1"));
  CHECK(response.code == 404);
  CHECK(body_of(response)["message"] == "pods \"web\" not found");
}

TEST_CASE("a binding named differently from the URL is 400") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web"));
  auto binding = binding_to("worker-1");
  binding["metadata"]["name"] = "other";
  auto response = bind_pod(harness, binding);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] == "name in URL does not match name in Binding object");
  CHECK(harness.steps().empty());
}

TEST_CASE("a binding without a target node is 422 target.name: Required value") {
  operation_harness harness;
  auto binding = binding_to("");
  auto response = bind_pod(harness, binding);
  CHECK(response.code == 422);
  CHECK(body_of(response)["message"] == "Binding \"web\" is invalid: target.name: Required value");
}

TEST_CASE("a binding to something other than a Node is 422") {
  operation_harness harness;
  auto binding = binding_to("worker-1");
  binding["target"]["kind"] = "Pod";
  auto response = bind_pod(harness, binding);
  CHECK(response.code == 422);
  CHECK(body_of(response)["message"] ==
        "Binding \"web\" is invalid: target.kind: Unsupported value: \"Pod\": supported values: "
        "\"Node\", \"<empty>\"");
}

TEST_CASE("a binding that races another write to the pod is applied to the pod as it is now") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web"));
  harness.before_next_write([](operation_harness& h) {
    auto pod = h.stored(pod_key("default", "web"));
    pod["metadata"].erase("resourceVersion");
    pod["metadata"]["labels"] = {{"seen", "yes"}};
    h.put(pod_key("default", "web"), pod);
  });
  CHECK(bind_pod(harness, binding_to("worker-1")).code == 201);
  auto pod = harness.stored(pod_key("default", "web"));
  CHECK(pod["spec"]["nodeName"] == "worker-1");
  CHECK(pod["metadata"]["labels"] == json{{"seen", "yes"}});
  CHECK(harness.count(step_kind::write) == 2);
}
