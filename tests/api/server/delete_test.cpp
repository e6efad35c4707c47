// DELETE of one object and of a collection, as kube-apiserver 1.32's
// Store.Delete and rest.BeforeDelete: preconditions (409 in kube's
// wording), propagation policies adding finalizers and keeping the object
// marked deleting, graceful deletion of pods (the grace from the request or
// terminationGracePeriodSeconds; at once for unscheduled or finished pods;
// a second delete may shorten it, 0 removes it), namespaces set
// Terminating, the immortal namespaces, dry runs, races, and
// deletecollection by selectors. Each case runs the operations through the
// harness against a real store and checks what the store keeps.
#include <catch2/catch.hpp>

#include "actors/api/core/server/object_meta.hpp"
#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const configmaps = "/api/v1/namespaces/default/configmaps";
const char* const settings = "/api/v1/namespaces/default/configmaps/settings";
const char* const web_pod = "/api/v1/namespaces/default/pods/web";

std::string settings_key() {
  return key_of("", "v1", "configmaps", "default", "settings");
}

json created_settings(operation_harness& harness) {
  return create(harness, configmaps, configmap_manifest("settings", {{"mode", "fast"}}));
}

// A pod the scheduler has bound to worker-1.
json scheduled_pod(operation_harness& harness, std::string_view name, const json& spec_extra = {}) {
  auto pod = pod_manifest(name);
  if (spec_extra.is_object()) pod["spec"].update(spec_extra);
  create(harness, "/api/v1/namespaces/default/pods", pod);
  auto bound = harness.run(make_request(
      "create", "/api/v1/namespaces/default/pods/" + std::string(name) + "/binding",
      json{{"apiVersion", "v1"},
           {"kind", "Binding"},
           {"metadata", {{"name", name}}},
           {"target", {{"apiVersion", "v1"}, {"kind", "Node"}, {"name", "worker-1"}}}}));
  REQUIRE(bound.code == 201);
  return harness.stored(pod_key("default", name));
}

api_response remove(operation_harness& harness, std::string_view path, const json& options = {}) {
  if (options.is_null()) return harness.run(make_request("delete", path));
  return harness.run(make_request("delete", path, options));
}

std::string in_seconds(int seconds) {
  return format_timestamp(test_epoch() + std::chrono::seconds(seconds));
}

}  // namespace

TEST_CASE("deleting a config map removes it and answers a Success Status with its uid") {
  operation_harness harness;
  auto object = created_settings(harness);
  auto response = remove(harness, settings);
  CHECK(response.code == 200);
  CHECK(body_of(response) ==
        json{{"kind", "Status"},
             {"apiVersion", "v1"},
             {"metadata", json::object()},
             {"status", "Success"},
             {"details",
              {{"name", "settings"}, {"kind", "configmaps"}, {"uid", object["metadata"]["uid"]}}}});
  CHECK(harness.stored(settings_key()).is_null());
}

TEST_CASE("the Success Status of a grouped resource names its group") {
  operation_harness harness;
  create(harness, "/apis/apps/v1/namespaces/default/deployments", deployment_manifest("web"));
  auto status = body_of(remove(harness, "/apis/apps/v1/namespaces/default/deployments/web"));
  CHECK(status["details"]["group"] == "apps");
  CHECK(status["details"]["kind"] == "deployments");
}

TEST_CASE("deleting a missing object is 404") {
  operation_harness harness;
  auto response = remove(harness, settings);
  CHECK(response.code == 404);
  CHECK(body_of(response)["message"] == "configmaps \"settings\" not found");
}

TEST_CASE("a uid precondition that does not hold is 409 naming the kind, as kube's BeforeDelete") {
  operation_harness harness;
  auto object = created_settings(harness);
  auto response = remove(harness, settings,
                         json{{"kind", "DeleteOptions"},
                              {"apiVersion", "v1"},
                              {"preconditions", {{"uid", "4f1c-old"}}}});
  CHECK(response.code == 409);
  auto uid = object["metadata"]["uid"].get<std::string>();
  CHECK(body_of(response) ==
        failure_status(409, "Conflict",
                       "Operation cannot be fulfilled on ConfigMap \"settings\": the UID in the "
                       "precondition (4f1c-old) does not match the UID in record (" +
                           uid + "). The object might have been deleted and then recreated",
                       {{"name", "settings"}, {"kind", "ConfigMap"}}));
  CHECK_FALSE(harness.stored(settings_key()).is_null());
}

TEST_CASE("a resourceVersion precondition that does not hold is 409 with kube's wording") {
  operation_harness harness;
  auto object =
      create(harness, "/apis/apps/v1/namespaces/default/deployments", deployment_manifest("web"));
  auto response = remove(harness, "/apis/apps/v1/namespaces/default/deployments/web",
                         json{{"preconditions", {{"resourceVersion", "1"}}}});
  CHECK(response.code == 409);
  auto status = body_of(response);
  CHECK(status["message"] ==
        "Operation cannot be fulfilled on Deployment.apps \"web\": the ResourceVersion in the "
        "precondition (1) does not match the ResourceVersion in record (" +
            object["metadata"]["resourceVersion"].get<std::string>() +
            "). The object might have been modified");
  CHECK(status["details"] == json{{"name", "web"}, {"kind", "Deployment"}, {"group", "apps"}});
}

TEST_CASE("preconditions that hold let the delete through") {
  operation_harness harness;
  auto object = created_settings(harness);
  auto response = remove(harness, settings,
                         json{{"preconditions",
                               {{"uid", object["metadata"]["uid"]},
                                {"resourceVersion", object["metadata"]["resourceVersion"]}}}});
  CHECK(response.code == 200);
  CHECK(harness.stored(settings_key()).is_null());
}

TEST_CASE("an Orphan delete adds the orphan finalizer and keeps the object marked deleting") {
  operation_harness harness;
  create(harness, "/apis/apps/v1/namespaces/default/deployments", deployment_manifest("web"));
  auto response = remove(harness, "/apis/apps/v1/namespaces/default/deployments/web",
                         json{{"propagationPolicy", "Orphan"}});
  CHECK(response.code == 200);
  auto object = body_of(response);
  CHECK(object["kind"] == "Deployment");
  CHECK(object["metadata"]["finalizers"] == json::array({"orphan"}));
  CHECK(object["metadata"]["deletionTimestamp"] == "2025-03-04T05:06:07Z");
  CHECK(object["metadata"]["deletionGracePeriodSeconds"] == 0);
  CHECK(object["metadata"]["generation"] == 2);
  CHECK(object["metadata"]["resourceVersion"] == std::to_string(harness.revision()));
  CHECK(harness.stored(key_of("apps", "v1", "deployments", "default", "web")) == object);
}

TEST_CASE("a Foreground delete adds the foregroundDeletion finalizer") {
  operation_harness harness;
  created_settings(harness);
  auto object = body_of(remove(harness, std::string(settings) + "?propagationPolicy=Foreground"));
  CHECK(object["metadata"]["finalizers"] == json::array({"foregroundDeletion"}));
  CHECK(object["metadata"]["deletionTimestamp"] == "2025-03-04T05:06:07Z");
}

TEST_CASE("a Background delete drops an orphan finalizer and removes the object") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["metadata"]["finalizers"] = {"orphan"};
  REQUIRE(harness.run(make_request("update", settings, object)).code == 200);
  auto response = remove(harness, settings, json{{"propagationPolicy", "Background"}});
  CHECK(response.code == 200);
  CHECK(body_of(response)["status"] == "Success");
  CHECK(harness.stored(settings_key()).is_null());
}

TEST_CASE("an object with a finalizer stays, marked deleting, until a patch removes it") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["metadata"]["finalizers"] = {"example.com/hold"};
  REQUIRE(harness.run(make_request("update", settings, object)).code == 200);
  auto marked = body_of(remove(harness, settings));
  CHECK(marked["metadata"]["deletionTimestamp"] == "2025-03-04T05:06:07Z");
  CHECK(marked["metadata"]["finalizers"] == json::array({"example.com/hold"}));
  // A second delete changes nothing while the finalizer holds.
  auto revision = harness.revision();
  CHECK(body_of(remove(harness, settings))["status"] == "Success");
  CHECK(harness.revision() == revision);
  auto released =
      harness.run(make_request("patch", settings, json{{"metadata", {{"finalizers", nullptr}}}},
                               "application/merge-patch+json"));
  CHECK(released.code == 200);
  CHECK(harness.stored(settings_key()).is_null());
}

TEST_CASE("a scheduled pod is deleted gracefully with its terminationGracePeriodSeconds") {
  operation_harness harness;
  scheduled_pod(harness, "web");
  auto response = remove(harness, web_pod);
  CHECK(response.code == 200);
  auto pod = body_of(response);
  CHECK(pod["kind"] == "Pod");
  CHECK(pod["metadata"]["deletionTimestamp"] == in_seconds(30));
  CHECK(pod["metadata"]["deletionGracePeriodSeconds"] == 30);
  CHECK(harness.stored(pod_key("default", "web")) == pod);
}

TEST_CASE("a pod deletion's grace comes from the request when it gives one") {
  operation_harness harness;
  scheduled_pod(harness, "web");
  auto pod = body_of(remove(harness, std::string(web_pod) + "?gracePeriodSeconds=5"));
  CHECK(pod["metadata"]["deletionTimestamp"] == in_seconds(5));
  CHECK(pod["metadata"]["deletionGracePeriodSeconds"] == 5);
}

TEST_CASE("a negative grace period deletes a pod with one second of grace") {
  operation_harness harness;
  scheduled_pod(harness, "web");
  auto pod = body_of(remove(harness, web_pod, json{{"gracePeriodSeconds", -3}}));
  CHECK(pod["metadata"]["deletionGracePeriodSeconds"] == 1);
}

TEST_CASE("an unscheduled pod is deleted at once and answered with the pod") {
  operation_harness harness;
  auto created = create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web"));
  auto response = remove(harness, web_pod);
  CHECK(response.code == 200);
  auto pod = body_of(response);
  CHECK(pod == created);
  CHECK(harness.stored(pod_key("default", "web")).is_null());
}

TEST_CASE("a pod that has finished is deleted at once even when scheduled") {
  operation_harness harness;
  auto pod = scheduled_pod(harness, "web");
  pod["status"]["phase"] = "Succeeded";
  pod["metadata"].erase("resourceVersion");
  harness.put(pod_key("default", "web"), pod);
  CHECK(remove(harness, web_pod).code == 200);
  CHECK(harness.stored(pod_key("default", "web")).is_null());
}

TEST_CASE("a second delete of a terminating pod with grace 0 removes it") {
  operation_harness harness;
  scheduled_pod(harness, "web");
  REQUIRE(remove(harness, web_pod).code == 200);
  harness.advance(std::chrono::seconds(12));
  auto response = remove(harness, web_pod, json{{"gracePeriodSeconds", 0}});
  CHECK(response.code == 200);
  CHECK(body_of(response)["kind"] == "Pod");
  CHECK(harness.stored(pod_key("default", "web")).is_null());
}

TEST_CASE("a second delete of a terminating pod may shorten its grace, never lengthen it") {
  operation_harness harness;
  scheduled_pod(harness, "web");
  REQUIRE(remove(harness, web_pod).code == 200);
  auto revision = harness.revision();
  auto longer = body_of(remove(harness, web_pod, json{{"gracePeriodSeconds", 60}}));
  CHECK(longer["metadata"]["deletionGracePeriodSeconds"] == 30);
  CHECK(harness.revision() == revision);
  auto shorter = body_of(remove(harness, web_pod, json{{"gracePeriodSeconds", 10}}));
  CHECK(shorter["metadata"]["deletionGracePeriodSeconds"] == 10);
  CHECK(shorter["metadata"]["deletionTimestamp"] == in_seconds(10));
  CHECK(harness.revision() == revision + 1);
}

TEST_CASE("a second delete of a terminating pod without a grace period changes nothing") {
  operation_harness harness;
  scheduled_pod(harness, "web");
  auto first = body_of(remove(harness, web_pod));
  auto revision = harness.revision();
  auto second = remove(harness, web_pod);
  CHECK(second.code == 200);
  CHECK(body_of(second) == first);
  CHECK(harness.revision() == revision);
}

TEST_CASE("deleting a namespace sets it Terminating and keeps it for the namespace controller") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces", namespace_manifest("team-a"));
  auto response = remove(harness, "/api/v1/namespaces/team-a");
  CHECK(response.code == 200);
  auto ns = body_of(response);
  CHECK(ns["kind"] == "Namespace");
  CHECK(ns["status"]["phase"] == "Terminating");
  CHECK(ns["metadata"]["deletionTimestamp"] == "2025-03-04T05:06:07Z");
  CHECK(ns["spec"]["finalizers"] == json::array({"kubernetes"}));
  CHECK(harness.stored("/registry/core/namespaces/team-a") == ns);
}

TEST_CASE("deleting a terminating namespace again is 409 with kube's message") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces", namespace_manifest("team-a"));
  REQUIRE(remove(harness, "/api/v1/namespaces/team-a").code == 200);
  auto response = remove(harness, "/api/v1/namespaces/team-a");
  CHECK(response.code == 409);
  CHECK(body_of(response)["message"] ==
        "Operation cannot be fulfilled on namespaces \"team-a\": The system is ensuring all "
        "content is removed from this namespace.  Upon completion, this namespace will "
        "automatically be purged by the system.");
}

TEST_CASE("a namespace whose finalizers are done is removed by its delete") {
  operation_harness harness;
  auto ns = create(harness, "/api/v1/namespaces", namespace_manifest("team-a"));
  ns["spec"]["finalizers"] = json::array();
  ns["metadata"].erase("resourceVersion");
  harness.put("/registry/core/namespaces/team-a", ns);
  CHECK(remove(harness, "/api/v1/namespaces/team-a").code == 200);
  CHECK(harness.stored("/registry/core/namespaces/team-a").is_null());
}

TEST_CASE("the default and kube-system namespaces cannot be deleted") {
  operation_harness harness;
  for (const char* name : {"default", "kube-system"}) {
    auto response = remove(harness, std::string("/api/v1/namespaces/") + name);
    CHECK(response.code == 403);
    CHECK(body_of(response) == failure_status(403, "Forbidden",
                                              "namespaces \"" + std::string(name) +
                                                  "\" is forbidden: this namespace may not be "
                                                  "deleted",
                                              {{"name", name}, {"kind", "namespaces"}}));
  }
  CHECK(harness.count(step_kind::read_store) == 0);
}

TEST_CASE("a dry-run delete answers as a delete would and keeps the object") {
  operation_harness harness;
  created_settings(harness);
  auto revision = harness.revision();
  auto response = remove(harness, std::string(settings) + "?dryRun=All");
  CHECK(response.code == 200);
  CHECK(body_of(response)["status"] == "Success");
  CHECK(harness.revision() == revision);
  CHECK_FALSE(harness.stored(settings_key()).is_null());
}

TEST_CASE("a delete that loses a race decides again on what the store holds") {
  operation_harness harness;
  created_settings(harness);
  harness.before_next_write([](operation_harness& h) {
    auto current = h.stored(settings_key());
    current["metadata"].erase("resourceVersion");
    current["metadata"]["finalizers"] = {"example.com/late"};
    h.put(settings_key(), current);
  });
  auto response = remove(harness, settings);
  CHECK(response.code == 200);
  CHECK(harness.count(step_kind::write) == 2);
  auto kept = harness.stored(settings_key());
  CHECK(kept["metadata"]["deletionTimestamp"] == "2025-03-04T05:06:07Z");
  CHECK(kept["metadata"]["finalizers"] == json::array({"example.com/late"}));
}

TEST_CASE("deletecollection deletes what the selectors match and lists it as it was") {
  operation_harness harness;
  for (const char* name : {"alpha", "beta", "gamma"}) {
    auto object = configmap_manifest(name);
    if (std::string_view(name) != "beta") object["metadata"]["labels"] = {{"app", "web"}};
    create(harness, configmaps, object);
  }
  auto listed_alpha = get(harness, std::string(configmaps) + "/alpha");
  auto response = harness.run(
      make_request("deletecollection", std::string(configmaps) + "?labelSelector=app=web"));
  REQUIRE(response.code == 200);
  auto list = body_of(response);
  CHECK(list["kind"] == "ConfigMapList");
  CHECK(list["apiVersion"] == "v1");
  REQUIRE(list["items"].size() == 2);
  CHECK(list["items"][0] == listed_alpha);
  CHECK(list["items"][1]["metadata"]["name"] == "gamma");
  CHECK(harness.stored(key_of("", "v1", "configmaps", "default", "alpha")).is_null());
  CHECK_FALSE(harness.stored(key_of("", "v1", "configmaps", "default", "beta")).is_null());
  CHECK(harness.stored(key_of("", "v1", "configmaps", "default", "gamma")).is_null());
}

TEST_CASE("deletecollection by a field selector deletes pods gracefully one by one") {
  operation_harness harness;
  scheduled_pod(harness, "web-1");
  scheduled_pod(harness, "web-2");
  create(harness, "/api/v1/namespaces/default/pods", pod_manifest("pending"));
  auto response = harness.run(make_request(
      "deletecollection", "/api/v1/namespaces/default/pods?fieldSelector=spec.nodeName=worker-1"));
  REQUIRE(response.code == 200);
  auto list = body_of(response);
  CHECK(list["kind"] == "PodList");
  CHECK(list["items"].size() == 2);
  for (const char* name : {"web-1", "web-2"})
    CHECK(harness.stored(pod_key("default", name))["metadata"]["deletionGracePeriodSeconds"] == 30);
  CHECK_FALSE(
      harness.stored(pod_key("default", "pending"))["metadata"].contains("deletionTimestamp"));
}

TEST_CASE("deletecollection refuses a field selector the resource does not support") {
  operation_harness harness;
  auto response = harness.run(make_request(
      "deletecollection", std::string(configmaps) + "?fieldSelector=spec.colour=blue"));
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] == "field label not supported: spec.colour");
}

TEST_CASE("a terminating namespace whose finalize empties its finalizers is removed") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces", namespace_manifest("team-a"));
  auto terminating = body_of(remove(harness, "/api/v1/namespaces/team-a"));
  terminating["spec"]["finalizers"] = json::array();
  auto response =
      harness.run(make_request("update", "/api/v1/namespaces/team-a/finalize", terminating));
  CHECK(response.code == 200);
  CHECK(harness.stored("/registry/core/namespaces/team-a").is_null());
}

TEST_CASE("finalize changes only the finalizers of an active namespace") {
  operation_harness harness;
  auto ns = create(harness, "/api/v1/namespaces", namespace_manifest("team-a"));
  auto body = ns;
  body["spec"]["finalizers"] = json::array();
  body["metadata"]["labels"]["extra"] = "ignored";
  auto response = harness.run(make_request("update", "/api/v1/namespaces/team-a/finalize", body));
  CHECK(response.code == 200);
  auto stored = harness.stored("/registry/core/namespaces/team-a");
  CHECK(stored["spec"]["finalizers"] == json::array());
  CHECK(stored["metadata"]["labels"] == ns["metadata"]["labels"]);
  CHECK(stored["status"]["phase"] == "Active");
}
