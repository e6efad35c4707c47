// pods/log as kube-apiserver 1.32's LogLocation: the container is the only
// one or the one named (otherwise a 400 listing the choices in kube's
// words), an unscheduled pod has an empty log, and a scheduled pod's
// request goes to its node's kubelet (the stream_logs step). Each case runs
// the log operation through the harness against a real store.
#include <catch2/catch.hpp>

#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const log_path = "/api/v1/namespaces/default/pods/web/log";

// A pod with `containers` (and `init` init containers), bound to `node`.
void put_pod(operation_harness& harness, std::vector<std::string> containers,
             std::vector<std::string> init = {}, std::string node = "worker-1") {
  auto pod = pod_manifest("web");
  pod["metadata"]["namespace"] = "default";
  auto list = json::array();
  for (const auto& name : containers) list.push_back({{"name", name}, {"image", "busybox"}});
  pod["spec"]["containers"] = list;
  if (!init.empty()) {
    auto init_list = json::array();
    for (const auto& name : init) init_list.push_back({{"name", name}, {"image", "busybox"}});
    pod["spec"]["initContainers"] = init_list;
  }
  if (!node.empty()) pod["spec"]["nodeName"] = node;
  harness.put(pod_key("default", "web"), pod);
}

std::string message_of(const api_response& response) {
  return body_of(response).value("message", "");
}

}  // namespace

TEST_CASE("the log of a scheduled pod's only container is asked of its node's kubelet") {
  operation_harness harness;
  put_pod(harness, {"web"});
  harness.log_response.code = 200;
  harness.log_response.content_type = "text/plain";
  harness.log_response.body = "hello\n";
  auto request = make_request("get", std::string(log_path) + "?tailLines=10");
  auto response = harness.run(request);
  CHECK(response.body == "hello\n");
  REQUIRE(harness.logs());
  const auto& logs = *harness.logs();
  CHECK(logs.node == "worker-1");
  CHECK(logs.namespace_name == "default");
  CHECK(logs.pod == "web");
  CHECK(logs.container == "web");
  CHECK(logs.request.query == request.query);
  CHECK(logs.request.subresource == "log");
}

TEST_CASE("an unscheduled pod has an empty log") {
  operation_harness harness;
  put_pod(harness, {"web"}, {}, "");
  auto response = harness.run(make_request("get", log_path));
  CHECK(response.code == 200);
  CHECK(response.content_type == "text/plain");
  CHECK(response.body.empty());
  CHECK_FALSE(harness.logs());
}

TEST_CASE("the container named in the request is the one whose log is read") {
  operation_harness harness;
  put_pod(harness, {"web", "sidecar"}, {"setup"});
  harness.run(make_request("get", std::string(log_path) + "?container=sidecar"));
  REQUIRE(harness.logs());
  CHECK(harness.logs()->container == "sidecar");
  harness.run(make_request("get", std::string(log_path) + "?container=setup"));
  REQUIRE(harness.logs());
  CHECK(harness.logs()->container == "setup");
}

TEST_CASE("a pod of several containers needs one named, and the answer lists them") {
  operation_harness harness;
  put_pod(harness, {"web", "sidecar"});
  auto response = harness.run(make_request("get", log_path));
  CHECK(response.code == 400);
  CHECK(message_of(response) ==
        "a container name must be specified for pod web, choose one of: [web sidecar]");
}

TEST_CASE("the list of choices names the init containers apart") {
  operation_harness harness;
  put_pod(harness, {"web", "sidecar"}, {"setup", "migrate"});
  CHECK(message_of(harness.run(make_request("get", log_path))) ==
        "a container name must be specified for pod web, choose one of: [web sidecar] or one of "
        "the init containers: [setup migrate]");
}

TEST_CASE("a pod without containers needs one named") {
  operation_harness harness;
  put_pod(harness, {});
  CHECK(message_of(harness.run(make_request("get", log_path))) ==
        "a container name must be specified for pod web");
}

TEST_CASE("a container the pod does not have is 400") {
  operation_harness harness;
  put_pod(harness, {"web"});
  auto response = harness.run(make_request("get", std::string(log_path) + "?container=db"));
  CHECK(response.code == 400);
  CHECK(message_of(response) == "container db is not valid for pod web");
  CHECK_FALSE(harness.logs());
}

TEST_CASE("the log of a missing pod is 404, after the cache's miss is checked in the store") {
  operation_harness harness;
  auto response = harness.run(make_request("get", log_path));
  CHECK(response.code == 404);
  CHECK(message_of(response) == "pods \"web\" not found");
  REQUIRE(harness.steps().size() == 2);
  CHECK(harness.steps()[0].kind == step_kind::read_cache);
  CHECK(harness.steps()[1].kind == step_kind::read_store);
}
