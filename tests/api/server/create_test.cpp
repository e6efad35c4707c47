// POST of a new object, as kube-apiserver 1.32 creates it (rest.BeforeCreate,
// the registry strategies' PrepareForCreate, NamespaceLifecycle admission,
// Store.Create): each case runs the create operation against a real
// in-memory store through the harness and checks the answer's exact status
// and body and what the store holds afterwards.
#include <catch2/catch.hpp>

#include <regex>

#include "actors/api/core/server/object_meta.hpp"
#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const pods = "/api/v1/namespaces/default/pods";

bool is_v4_uid(const std::string& text) {
  static const std::regex uid(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  return std::regex_match(text, uid);
}

// A namespace the namespace controller has not finished removing.
void put_terminating_namespace(operation_harness& harness, const std::string& name) {
  auto ns = namespace_manifest(name);
  ns["metadata"]["deletionTimestamp"] = "2025-03-04T05:00:00Z";
  ns["spec"] = {{"finalizers", {"kubernetes"}}};
  ns["status"] = {{"phase", "Terminating"}};
  harness.put("/registry/core/namespaces/" + name, ns);
}

}  // namespace

TEST_CASE("a created pod gets a uid, the creation time, the store revision and a Pending status") {
  operation_harness harness;
  auto created = create(harness, pods, pod_manifest("web"));
  const auto& metadata = created["metadata"];
  CHECK(metadata["name"] == "web");
  CHECK(metadata["namespace"] == "default");
  CHECK(is_v4_uid(metadata.value("uid", "")));
  CHECK(metadata["creationTimestamp"] == "2025-03-04T05:06:07Z");
  CHECK(metadata["resourceVersion"] == std::to_string(harness.revision()));
  CHECK_FALSE(metadata.contains("generation"));
  CHECK(created["status"] == json{{"phase", "Pending"}, {"qosClass", "BestEffort"}});
  CHECK(harness.stored(pod_key("default", "web")) == created);
}

TEST_CASE("a pod's QoS class on create follows its containers' requests and limits") {
  operation_harness harness;
  auto guaranteed = pod_manifest("guaranteed");
  guaranteed["spec"]["containers"][0]["resources"] = {
      {"limits", {{"cpu", "500m"}, {"memory", "128Mi"}}}};
  auto burstable = pod_manifest("burstable");
  burstable["spec"]["containers"][0]["resources"] = {{"requests", {{"memory", "64Mi"}}}};
  CHECK(create(harness, pods, guaranteed)["status"]["qosClass"] == "Guaranteed");
  CHECK(create(harness, pods, burstable)["status"]["qosClass"] == "Burstable");
}

TEST_CASE("a created pod carries the defaults and what kube's admission plugins add") {
  operation_harness harness;
  auto spec = create(harness, pods, pod_manifest("web"))["spec"];
  CHECK(spec["restartPolicy"] == "Always");
  CHECK(spec["dnsPolicy"] == "ClusterFirst");
  CHECK(spec["schedulerName"] == "default-scheduler");
  CHECK(spec["terminationGracePeriodSeconds"] == 30);
  CHECK(spec["containers"][0]["imagePullPolicy"] == "IfNotPresent");
  CHECK(spec["containers"][0]["terminationMessagePath"] == "/dev/termination-log");
  CHECK(spec["serviceAccountName"] == "default");
  CHECK(spec["serviceAccount"] == "default");
  CHECK(spec["priority"] == 0);
  CHECK(spec["preemptionPolicy"] == "PreemptLowerPriority");
  CHECK(spec["tolerations"] == json::array({{{"key", "node.kubernetes.io/not-ready"},
                                             {"operator", "Exists"},
                                             {"effect", "NoExecute"},
                                             {"tolerationSeconds", 300}},
                                            {{"key", "node.kubernetes.io/unreachable"},
                                             {"operator", "Exists"},
                                             {"effect", "NoExecute"},
                                             {"tolerationSeconds", 300}}}));
}

TEST_CASE("a created deployment starts at generation 1 with the status a client sent cleared") {
  operation_harness harness;
  auto deployment = deployment_manifest("web");
  deployment["status"] = {{"replicas", 7}, {"readyReplicas", 7}};
  deployment["metadata"]["generation"] = 9;
  auto created = create(harness, "/apis/apps/v1/namespaces/default/deployments", deployment);
  CHECK(created["metadata"]["generation"] == 1);
  CHECK(created.value("status", json::object()) == json::object());
  CHECK(created["spec"]["strategy"]["type"] == "RollingUpdate");
  CHECK(created["spec"]["revisionHistoryLimit"] == 10);
}

TEST_CASE("a created namespace is Active with the kubernetes finalizer") {
  operation_harness harness;
  auto created = create(harness, "/api/v1/namespaces", namespace_manifest("team-a"));
  CHECK(created["status"] == json{{"phase", "Active"}});
  CHECK(created["spec"]["finalizers"] == json::array({"kubernetes"}));
  CHECK(created["metadata"]["labels"] == json{{"kubernetes.io/metadata.name", "team-a"}});
  CHECK_FALSE(created["metadata"].contains("namespace"));
}

TEST_CASE("a created node keeps the status its kubelet registers it with") {
  operation_harness harness;
  auto node = node_manifest("worker-1");
  node["status"] = {{"capacity", {{"cpu", "4"}, {"memory", "8Gi"}}}};
  auto created = create(harness, "/api/v1/nodes", node);
  CHECK(created["status"]["capacity"] == json{{"cpu", "4"}, {"memory", "8Gi"}});
}

TEST_CASE("a cluster-scoped object sent with a namespace is created without one") {
  operation_harness harness;
  auto node = node_manifest("worker-1");
  node["metadata"]["namespace"] = "default";
  auto created = create(harness, "/api/v1/nodes", node);
  CHECK_FALSE(created["metadata"].contains("namespace"));
  CHECK(harness.stored("/registry/core/nodes/worker-1")["metadata"]["name"] == "worker-1");
}

TEST_CASE("generateName gives the prefix and five characters of kube's alphabet") {
  operation_harness harness;
  auto pod = pod_manifest("");
  pod["metadata"].erase("name");
  pod["metadata"]["generateName"] = "web-";
  auto created = create(harness, pods, pod);
  auto name = created["metadata"].value("name", "");
  CHECK(std::regex_match(name, std::regex("web-[bcdfghjklmnpqrstvwxz2456789]{5}")));
  CHECK(created["metadata"]["generateName"] == "web-");
  CHECK(harness.stored(pod_key("default", name))["metadata"]["uid"] == created["metadata"]["uid"]);
}

TEST_CASE("a generated name that is taken is generated again") {
  operation_harness harness;
  // The names the harness's generator will give, drawn from a copy of it.
  auto predicted = harness.random();
  auto first = generate_name("web-", predicted);
  auto taken = pod_manifest(first);
  taken["metadata"]["namespace"] = "default";
  harness.put(pod_key("default", first), taken);

  auto pod = pod_manifest("");
  pod["metadata"] = {{"generateName", "web-"}};
  auto created = create(harness, pods, pod);
  auto name = created["metadata"].value("name", "");
  CHECK(name != first);
  CHECK(name.rfind("web-", 0) == 0);
  CHECK(harness.count(step_kind::write) == 2);
}

TEST_CASE("a generated name taken eight times is kube's generate-name conflict") {
  operation_harness harness;
  auto predicted = harness.random();
  std::vector<std::string> names{generate_name("web-", predicted)};
  random_uid(predicted);
  while (names.size() < 8) names.push_back(generate_name("web-", predicted));
  for (const auto& name : names) {
    auto taken = pod_manifest(name);
    taken["metadata"]["namespace"] = "default";
    harness.put(pod_key("default", name), taken);
  }
  auto pod = pod_manifest("");
  pod["metadata"] = {{"generateName", "web-"}};
  auto response = harness.run(make_request("create", pods, pod));
  CHECK(response.code == 409);
  CHECK(body_of(response) ==
        failure_status(409, "AlreadyExists",
                       "pods \"" + names.back() +
                           "\" already exists, the server was not able to generate a unique "
                           "name for the object",
                       {{"name", names.back()}, {"kind", "pods"}, {"retryAfterSeconds", 1}}));
  CHECK(harness.count(step_kind::write) == 8);
}

TEST_CASE("creating an object that exists is 409 AlreadyExists naming it") {
  operation_harness harness;
  create(harness, pods, pod_manifest("web"));
  auto revision = harness.revision();
  auto response = harness.run(make_request("create", pods, pod_manifest("web")));
  CHECK(response.code == 409);
  CHECK(body_of(response) == failure_status(409, "AlreadyExists", "pods \"web\" already exists",
                                            {{"name", "web"}, {"kind", "pods"}}));
  CHECK(harness.revision() == revision);
}

TEST_CASE("an AlreadyExists of a grouped resource names it with its group") {
  operation_harness harness;
  const char* deployments = "/apis/apps/v1/namespaces/default/deployments";
  create(harness, deployments, deployment_manifest("web"));
  auto response = harness.run(make_request("create", deployments, deployment_manifest("web")));
  CHECK(response.code == 409);
  auto status = body_of(response);
  CHECK(status["message"] == "deployments.apps \"web\" already exists");
  CHECK(status["details"] == json{{"name", "web"}, {"kind", "deployments"}, {"group", "apps"}});
}

TEST_CASE("creating in a namespace that does not exist is 404 naming the namespace") {
  operation_harness harness;
  auto response =
      harness.run(make_request("create", "/api/v1/namespaces/missing/pods", pod_manifest("web")));
  CHECK(response.code == 404);
  auto status = body_of(response);
  CHECK(status["reason"] == "NotFound");
  CHECK(status["message"] == "namespaces \"missing\" not found");
  CHECK(status["details"] == json{{"name", "missing"}, {"kind", "namespaces"}});
  CHECK(harness.stored(pod_key("missing", "web")).is_null());
}

TEST_CASE("a namespace the cache has not seen yet is read from the store before a create") {
  operation_harness harness;
  harness.freeze_cache();
  create(harness, "/api/v1/namespaces", namespace_manifest("fresh"));
  auto response =
      harness.run(make_request("create", "/api/v1/namespaces/fresh/pods", pod_manifest("web")));
  CHECK(response.code == 201);
  REQUIRE(harness.steps().size() == 3);
  CHECK(harness.steps()[0].kind == step_kind::read_cache);
  CHECK(harness.steps()[1].kind == step_kind::read_store);
  CHECK(harness.steps()[1].keys == std::vector<std::string>{"/registry/core/namespaces/fresh"});
  CHECK(harness.steps()[2].kind == step_kind::write);
}

TEST_CASE("a namespace deleted between the check and the write fails the create with 404") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces", namespace_manifest("brief"));
  harness.before_next_write(
      [](operation_harness& h) { h.remove("/registry/core/namespaces/brief"); });
  auto response =
      harness.run(make_request("create", "/api/v1/namespaces/brief/pods", pod_manifest("web")));
  CHECK(response.code == 404);
  CHECK(body_of(response)["message"] == "namespaces \"brief\" not found");
  CHECK(harness.stored(pod_key("brief", "web")).is_null());
}

TEST_CASE("creating in a terminating namespace is 403 with NamespaceLifecycle's message") {
  operation_harness harness;
  // From the cache's description of the namespace, or (the cache has not
  // seen it yet) from the store's copy.
  if (GENERATE(false, true)) harness.freeze_cache();
  put_terminating_namespace(harness, "doomed");
  auto response =
      harness.run(make_request("create", "/api/v1/namespaces/doomed/pods", pod_manifest("web")));
  CHECK(response.code == 403);
  CHECK(body_of(response) ==
        failure_status(403, "Forbidden",
                       "pods \"web\" is forbidden: unable to create new content in namespace "
                       "doomed because it is being terminated",
                       {{"name", "web"}, {"kind", "pods"}}));
}

TEST_CASE("a namespace with a deletionTimestamp or in phase Terminating takes no new objects") {
  operation_harness harness;
  auto ns = namespace_manifest("doomed");
  if (GENERATE(false, true))
    ns["metadata"]["deletionTimestamp"] = "2025-03-04T05:00:00Z";
  else
    ns["status"] = {{"phase", "Terminating"}};
  harness.put("/registry/core/namespaces/doomed", ns);
  auto response =
      harness.run(make_request("create", "/api/v1/namespaces/doomed/pods", pod_manifest("web")));
  CHECK(response.code == 403);
  CHECK(harness.stored(pod_key("doomed", "web")).is_null());
}

TEST_CASE("an object to create may not carry a resourceVersion") {
  operation_harness harness;
  auto pod = pod_manifest("web");
  pod["metadata"]["resourceVersion"] = "5";
  auto response = harness.run(make_request("create", pods, pod));
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "resourceVersion should not be set on objects to be created");
  CHECK(harness.steps().empty());
}

TEST_CASE("a body in another namespace than the URL's is 400") {
  operation_harness harness;
  auto pod = pod_manifest("web");
  pod["metadata"]["namespace"] = "kube-system";
  auto response = harness.run(make_request("create", pods, pod));
  CHECK(response.code == 400);
  CHECK(body_of(response) ==
        failure_status(
            400, "BadRequest",
            "the namespace of the provided object does not match the namespace sent on the "
            "request"));
}

TEST_CASE("a pod without containers is refused with spec.containers: Required value") {
  operation_harness harness;
  auto pod = pod_manifest("web");
  pod["spec"]["containers"] = json::array();
  auto revision = harness.revision();
  auto response = harness.run(make_request("create", pods, pod));
  CHECK(response.code == 422);
  CHECK(body_of(response) ==
        failure_status(422, "Invalid", "Pod \"web\" is invalid: spec.containers: Required value",
                       {{"name", "web"},
                        {"kind", "Pod"},
                        {"causes", json::array({{{"reason", "FieldValueRequired"},
                                                 {"message", "Required value"},
                                                 {"field", "spec.containers"}}})}}));
  CHECK(harness.revision() == revision);
}

TEST_CASE("an invalid deployment names its kind with the group and lists every cause") {
  operation_harness harness;
  auto deployment = deployment_manifest("web");
  deployment["spec"]["replicas"] = -1;
  deployment["spec"]["template"]["metadata"]["labels"] = {{"app", "other"}};
  auto response = harness.run(
      make_request("create", "/apis/apps/v1/namespaces/default/deployments", deployment));
  CHECK(response.code == 422);
  auto status = body_of(response);
  CHECK(status["details"]["kind"] == "Deployment");
  CHECK(status["details"]["group"] == "apps");
  CHECK(status["message"] ==
        "Deployment.apps \"web\" is invalid: [spec.replicas: Invalid value: -1: must be greater "
        "than or equal to 0, spec.template.metadata.labels: Invalid value: "
        "map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`]");
  CHECK(status["details"]["causes"].size() == 2);
}

TEST_CASE("a dry-run create answers the object it would create and writes nothing") {
  operation_harness harness;
  auto revision = harness.revision();
  auto response =
      harness.run(make_request("create", std::string(pods) + "?dryRun=All", pod_manifest("web")));
  CHECK(response.code == 201);
  auto created = body_of(response);
  CHECK(created["metadata"]["name"] == "web");
  CHECK(is_v4_uid(created["metadata"].value("uid", "")));
  CHECK_FALSE(created["metadata"].contains("resourceVersion"));
  CHECK(created["status"]["phase"] == "Pending");
  CHECK(harness.count(step_kind::write) == 0);
  CHECK(harness.revision() == revision);
  CHECK(harness.stored(pod_key("default", "web")).is_null());
}

TEST_CASE("a secret's stringData is folded into data, base64-encoded, and not stored") {
  operation_harness harness;
  auto secret = secret_manifest("login");
  secret["data"] = {{"user", "b2xk"}, {"token", "dG9rZW4="}};
  secret["stringData"] = {{"user", "admin"}, {"password", "s3cr3t!"}};
  auto created = create(harness, "/api/v1/namespaces/default/secrets", secret);
  CHECK(created["data"] ==
        json{{"user", "YWRtaW4="}, {"token", "dG9rZW4="}, {"password", "czNjcjN0IQ=="}});
  CHECK_FALSE(created.contains("stringData"));
  CHECK(created["type"] == "Opaque");
  CHECK_FALSE(
      harness.stored(key_of("", "v1", "secrets", "default", "login")).contains("stringData"));
}

TEST_CASE("strict field validation refuses a create with an unknown field") {
  operation_harness harness;
  auto pod = pod_manifest("web");
  pod["spec"]["colour"] = "blue";
  auto response =
      harness.run(make_request("create", std::string(pods) + "?fieldValidation=Strict", pod));
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field "
        "\"spec.colour\"");
  CHECK(harness.steps().empty());
}

TEST_CASE("a create under the default field validation warns of unknown fields and keeps them") {
  operation_harness harness;
  auto pod = pod_manifest("web");
  pod["spec"]["colour"] = "blue";
  auto response = harness.run(make_request("create", pods, pod));
  CHECK(response.code == 201);
  CHECK(response.warnings == std::vector<std::string>{"unknown field \"spec.colour\""});
  CHECK(harness.stored(pod_key("default", "web"))["spec"]["colour"] == "blue");
}

TEST_CASE("the system fields a client sends on create are replaced by the server's") {
  operation_harness harness;
  auto pod = pod_manifest("web");
  pod["metadata"]["uid"] = "00000000-0000-4000-8000-000000000000";
  pod["metadata"]["creationTimestamp"] = "2020-01-01T00:00:00Z";
  pod["metadata"]["deletionTimestamp"] = "2020-01-01T00:00:00Z";
  pod["metadata"]["deletionGracePeriodSeconds"] = 30;
  auto created = create(harness, pods, pod);
  CHECK(created["metadata"]["uid"] != "00000000-0000-4000-8000-000000000000");
  CHECK(created["metadata"]["creationTimestamp"] == "2025-03-04T05:06:07Z");
  CHECK_FALSE(created["metadata"].contains("deletionTimestamp"));
  CHECK_FALSE(created["metadata"].contains("deletionGracePeriodSeconds"));
}
