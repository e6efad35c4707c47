// PUT of an object, as kube-apiserver 1.32's GuaranteedUpdate does it: the
// resourceVersion precondition (409 Conflict when stale, unconditional when
// absent), the kinds' PrepareForUpdate (status and system metadata kept,
// generation bumped on spec changes, Deployments also on annotations),
// no-op updates that write nothing, immutable fields, name checks, and a
// race with another writer retried from the store. Each case runs the
// update operation through the harness against a real store.
#include <catch2/catch.hpp>

#include "actors/api/core/server/operation_support.hpp"
#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const configmaps = "/api/v1/namespaces/default/configmaps";
const char* const settings = "/api/v1/namespaces/default/configmaps/settings";
const char* const deployments = "/apis/apps/v1/namespaces/default/deployments";
const char* const web = "/apis/apps/v1/namespaces/default/deployments/web";

json created_settings(operation_harness& harness) {
  return create(harness, configmaps, configmap_manifest("settings", {{"mode", "fast"}}));
}

api_response put(operation_harness& harness, std::string_view path, const json& object) {
  return harness.run(make_request("update", path, object));
}

}  // namespace

TEST_CASE("a PUT at the current resourceVersion stores the object at a new revision") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["data"]["mode"] = "slow";
  auto response = put(harness, settings, object);
  REQUIRE(response.code == 200);
  auto updated = body_of(response);
  CHECK(updated["data"] == json{{"mode", "slow"}});
  CHECK(updated["metadata"]["resourceVersion"] == std::to_string(harness.revision()));
  CHECK(updated["metadata"]["resourceVersion"] != object["metadata"]["resourceVersion"]);
  CHECK(harness.stored(key_of("", "v1", "configmaps", "default", "settings")) == updated);
}

TEST_CASE("a PUT with a stale resourceVersion is 409 Conflict with kube's message") {
  operation_harness harness;
  auto object = created_settings(harness);
  auto stale = object;
  object["data"]["mode"] = "slow";
  REQUIRE(put(harness, settings, object).code == 200);
  stale["data"]["mode"] = "medium";
  auto revision = harness.revision();
  auto response = put(harness, settings, stale);
  CHECK(response.code == 409);
  CHECK(body_of(response) ==
        failure_status(
            409, "Conflict",
            "Operation cannot be fulfilled on configmaps \"settings\": the object has been "
            "modified; please apply your changes to the latest version and try again",
            {{"name", "settings"}, {"kind", "configmaps"}}));
  CHECK(harness.revision() == revision);
}

TEST_CASE("a stale resourceVersion seen in a stale cache is checked again against the store") {
  operation_harness harness;
  auto object = created_settings(harness);
  harness.freeze_cache();
  object["data"]["mode"] = "slow";
  auto first = body_of(put(harness, settings, object));
  // The cache still holds the created version; the client sends the latest.
  first["data"]["mode"] = "slower";
  auto response = put(harness, settings, first);
  CHECK(response.code == 200);
  CHECK(body_of(response)["data"]["mode"] == "slower");
  REQUIRE(harness.steps().size() == 3);
  CHECK(harness.steps()[0].kind == step_kind::read_cache);
  CHECK(harness.steps()[1].kind == step_kind::read_store);
  CHECK(harness.steps()[2].kind == step_kind::write);
}

TEST_CASE("a PUT without a resourceVersion is unconditional") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["data"]["mode"] = "slow";
  REQUIRE(put(harness, settings, object).code == 200);
  auto unconditional = configmap_manifest("settings", {{"mode", "blind"}});
  auto response = put(harness, settings, unconditional);
  CHECK(response.code == 200);
  auto updated = body_of(response);
  CHECK(updated["data"] == json{{"mode", "blind"}});
  CHECK(updated["metadata"]["uid"] == object["metadata"]["uid"]);
  CHECK(updated["metadata"]["creationTimestamp"] == "2025-03-04T05:06:07Z");
}

TEST_CASE("a PUT of a missing object is 404 without creating it") {
  operation_harness harness;
  auto response = put(harness, settings, configmap_manifest("settings"));
  CHECK(response.code == 404);
  CHECK(body_of(response)["message"] == "configmaps \"settings\" not found");
  CHECK(harness.stored(key_of("", "v1", "configmaps", "default", "settings")).is_null());
}

TEST_CASE("a PUT that changes nothing writes nothing and keeps the resourceVersion") {
  operation_harness harness;
  auto object = created_settings(harness);
  auto revision = harness.revision();
  auto response = put(harness, settings, object);
  CHECK(response.code == 200);
  CHECK(body_of(response) == object);
  CHECK(harness.count(step_kind::write) == 0);
  CHECK(harness.revision() == revision);
}

TEST_CASE("a PUT keeps the stored status and system metadata whatever the body says") {
  operation_harness harness;
  auto created = create(harness, deployments, deployment_manifest("web"));
  harness.put(key_of("apps", "v1", "deployments", "default", "web"), [&] {
    auto with_status = created;
    with_status["status"] = {{"replicas", 2}, {"observedGeneration", 1}};
    return with_status;
  }());
  auto body = get(harness, web);
  body["status"] = {{"replicas", 99}};
  body["metadata"]["creationTimestamp"] = "2020-01-01T00:00:00Z";
  body["metadata"]["generation"] = 40;
  body["metadata"]["labels"] = {{"tier", "front"}};
  auto updated = body_of(put(harness, web, body));
  CHECK(updated["status"] == json{{"replicas", 2}, {"observedGeneration", 1}});
  CHECK(updated["metadata"]["creationTimestamp"] == "2025-03-04T05:06:07Z");
  CHECK(updated["metadata"]["generation"] == 1);
  CHECK(updated["metadata"]["labels"] == json{{"tier", "front"}});
}

TEST_CASE("a deployment's generation rises on a spec change and on an annotation change only") {
  operation_harness harness;
  auto object = create(harness, deployments, deployment_manifest("web"));
  object["metadata"]["labels"] = {{"tier", "front"}};
  object = body_of(put(harness, web, object));
  CHECK(object["metadata"]["generation"] == 1);
  object["spec"]["replicas"] = 5;
  object = body_of(put(harness, web, object));
  CHECK(object["metadata"]["generation"] == 2);
  object["metadata"]["annotations"] = {{"note", "scaled"}};
  object = body_of(put(harness, web, object));
  CHECK(object["metadata"]["generation"] == 3);
}

TEST_CASE("a replica set's generation does not rise on an annotation change") {
  operation_harness harness;
  auto replica_set = deployment_manifest("web");
  replica_set["kind"] = "ReplicaSet";
  const char* path = "/apis/apps/v1/namespaces/default/replicasets/web";
  auto object = create(harness, "/apis/apps/v1/namespaces/default/replicasets", replica_set);
  object["metadata"]["annotations"] = {{"note", "seen"}};
  object = body_of(put(harness, path, object));
  CHECK(object["metadata"]["generation"] == 1);
  object["spec"]["replicas"] = 3;
  CHECK(body_of(put(harness, path, object))["metadata"]["generation"] == 2);
}

TEST_CASE("a PUT whose body names another object is 400") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["metadata"]["name"] = "other";
  auto response = put(harness, settings, object);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "the name of the object (other) does not match the name on the URL (settings)");
  CHECK(harness.steps().empty());
}

TEST_CASE("a PUT whose body has no name is 400 as kube's checkName") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["metadata"].erase("name");
  auto response = put(harness, settings, object);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "the name of the object (settings based on URL) was undeterminable: name must be "
        "provided");
  CHECK(harness.stored(key_of("", "v1", "configmaps", "default", "settings"))["metadata"]["name"] ==
        "settings");
}

TEST_CASE("a PUT whose body is in another namespace is 400 with checkName's wording") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["metadata"]["namespace"] = "kube-system";
  auto response = put(harness, settings, object);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "the namespace of the object (kube-system) does not match the namespace on the request "
        "(default)");
}

TEST_CASE("a PUT with another uid is a Conflict") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["metadata"]["uid"] = "00000000-0000-4000-8000-000000000000";
  object["data"]["mode"] = "slow";
  auto response = put(harness, settings, object);
  CHECK(response.code == 409);
  CHECK(body_of(response)["reason"] == "Conflict");
  CHECK(harness.count(step_kind::write) == 0);
}

TEST_CASE("changing an immutable field is 422 field is immutable") {
  operation_harness harness;
  auto object = create(harness, deployments, deployment_manifest("web"));
  object["spec"]["selector"]["matchLabels"] = {{"app", "other"}};
  object["spec"]["template"]["metadata"]["labels"] = {{"app", "other"}};
  auto response = put(harness, web, object);
  CHECK(response.code == 422);
  auto status = body_of(response);
  CHECK(status["reason"] == "Invalid");
  CHECK(status["details"]["causes"].size() == 1);
  CHECK(status["details"]["causes"][0]["field"] == "spec.selector");
  CHECK(status["details"]["causes"][0]["message"] ==
        "Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"other\"}, "
        "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
}

TEST_CASE("an update that loses a race with another writer is retried from the store") {
  operation_harness harness;
  auto object = created_settings(harness);
  harness.before_next_write([](operation_harness& h) {
    auto key = key_of("", "v1", "configmaps", "default", "settings");
    auto current = h.stored(key);
    current["metadata"]["labels"] = {{"touched", "yes"}};
    current["metadata"].erase("resourceVersion");
    h.put(key, current);
  });
  auto unconditional = configmap_manifest("settings", {{"mode", "slow"}});
  unconditional["metadata"]["labels"] = {{"mine", "yes"}};
  auto response = put(harness, settings, unconditional);
  CHECK(response.code == 200);
  CHECK(body_of(response)["metadata"]["labels"] == json{{"mine", "yes"}});
  CHECK(harness.count(step_kind::write) == 2);
  CHECK(body_of(response)["metadata"]["resourceVersion"] == std::to_string(harness.revision()));
}

TEST_CASE("a conditional update that loses a race is 409 after the retry reads the store") {
  operation_harness harness;
  auto object = created_settings(harness);
  harness.before_next_write([](operation_harness& h) {
    auto key = key_of("", "v1", "configmaps", "default", "settings");
    auto current = h.stored(key);
    current["metadata"].erase("resourceVersion");
    current["data"]["mode"] = "theirs";
    h.put(key, current);
  });
  object["data"]["mode"] = "mine";
  auto response = put(harness, settings, object);
  CHECK(response.code == 409);
  CHECK(body_of(response)["reason"] == "Conflict");
  CHECK(harness.stored(key_of("", "v1", "configmaps", "default", "settings"))["data"]["mode"] ==
        "theirs");
}

TEST_CASE("a dry-run PUT answers the new object and writes nothing") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["data"]["mode"] = "slow";
  auto revision = harness.revision();
  auto response = put(harness, std::string(settings) + "?dryRun=All", object);
  CHECK(response.code == 200);
  CHECK(body_of(response)["data"]["mode"] == "slow");
  CHECK(harness.count(step_kind::write) == 0);
  CHECK(harness.revision() == revision);
  CHECK(harness.stored(key_of("", "v1", "configmaps", "default", "settings"))["data"]["mode"] ==
        "fast");
}

TEST_CASE("removing the last finalizer of an object being deleted deletes it") {
  operation_harness harness;
  auto object = created_settings(harness);
  object["metadata"]["finalizers"] = {"example.com/hold"};
  object = body_of(put(harness, settings, object));
  auto deleted = harness.run(make_request("delete", settings));
  REQUIRE(deleted.code == 200);
  object = get(harness, settings);
  CHECK(object["metadata"]["deletionTimestamp"] == "2025-03-04T05:06:07Z");
  object["metadata"].erase("finalizers");
  auto response = put(harness, settings, object);
  CHECK(response.code == 200);
  CHECK(body_of(response)["metadata"]["name"] == "settings");
  CHECK(harness.stored(key_of("", "v1", "configmaps", "default", "settings")).is_null());
}

TEST_CASE("an unconditional update read from a stale cache is retried with the store's value") {
  operation_harness harness;
  created_settings(harness);
  harness.freeze_cache();
  auto key = key_of("", "v1", "configmaps", "default", "settings");
  auto current = harness.stored(key);
  current["metadata"].erase("resourceVersion");
  current["metadata"]["labels"] = {{"behind", "the-cache"}};
  harness.put(key, current);
  auto response = put(harness, settings, configmap_manifest("settings", {{"mode", "slow"}}));
  CHECK(response.code == 200);
  REQUIRE(harness.steps().size() == 3);
  CHECK(harness.steps()[0].kind == step_kind::read_cache);
  CHECK(harness.steps()[1].kind == step_kind::write);
  CHECK(harness.steps()[2].kind == step_kind::write);
  CHECK(harness.stored(key)["data"]["mode"] == "slow");
}

TEST_CASE("an update that loses every race gives up with 409 after a bounded number of tries") {
  operation_harness harness;
  created_settings(harness);
  int interference = 0;
  std::function<void(operation_harness&)> interfere = [&](operation_harness& h) {
    auto key = key_of("", "v1", "configmaps", "default", "settings");
    auto current = h.stored(key);
    current["metadata"].erase("resourceVersion");
    current["data"]["round"] = std::to_string(++interference);
    h.put(key, current);
    h.before_next_write(interfere);
  };
  harness.before_next_write(interfere);
  auto response = put(harness, settings, configmap_manifest("settings", {{"mode", "slow"}}));
  CHECK(response.code == 409);
  CHECK(body_of(response)["reason"] == "Conflict");
  CHECK(harness.count(step_kind::write) == static_cast<std::size_t>(update_attempts_max));
}
