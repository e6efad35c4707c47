// What a list or watch sees of the cache (watch_filter.hpp), with kube's
// cacheWatcher rules: a change seen before and after is MODIFIED, one that
// starts to match is ADDED, one that stops matching or is deleted is
// DELETED carrying the previous state with the change's resource version.
// Field selectors read each kind's selectable fields (object_fields.hpp).
// Cases drive real writes through the harness and filter the cache
// events its store produced.
#include <catch2/catch.hpp>

#include "actors/api/core/server/object_fields.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/watch_filter.hpp"
#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const pods = "/api/v1/namespaces/default/pods";

watch_filter filter_of(std::string prefix, std::string_view labels = "",
                       std::string_view fields = "") {
  auto parsed_labels = label_selector::parse(labels);
  auto parsed_fields = field_selector::parse(fields);
  REQUIRE(std::holds_alternative<label_selector>(parsed_labels));
  REQUIRE(std::holds_alternative<field_selector>(parsed_fields));
  return watch_filter{std::move(prefix), std::get<label_selector>(std::move(parsed_labels)),
                      std::get<field_selector>(std::move(parsed_fields))};
}

// What the filter makes of the last change the cache saw.
std::optional<filtered_event> last_seen(const operation_harness& harness,
                                        const watch_filter& filter) {
  REQUIRE_FALSE(harness.cache_events().empty());
  return filter_event(harness.cache_events().back(), filter);
}

api_response merge_patch(operation_harness& harness, std::string_view path, const json& patch) {
  return harness.run(make_request("patch", path, patch, "application/merge-patch+json"));
}

std::vector<std::string> selected_names(const operation_harness& harness,
                                        const watch_filter& filter) {
  std::vector<std::string> names;
  for (const auto& object : select_objects(harness.cache(), filter)) names.push_back(object->name);
  return names;
}

}  // namespace

TEST_CASE("a new object the filter selects is ADDED at its revision") {
  operation_harness harness;
  auto pod = create(harness, pods, pod_manifest("web", {{"app", "web"}}));
  auto seen = last_seen(harness, filter_of("/registry/core/pods/default/", "app=web"));
  REQUIRE(seen);
  CHECK(seen->type == watch_event_type::added);
  CHECK(std::string(to_string(seen->type)) == "ADDED");
  CHECK(seen->resource_version == harness.revision());
  CHECK(json::parse(seen->text()) == pod);
}

TEST_CASE("a change to an object selected before and after is MODIFIED") {
  operation_harness harness;
  create(harness, pods, pod_manifest("web", {{"app", "web"}}));
  merge_patch(harness, std::string(pods) + "/web", {{"metadata", {{"annotations", {{"a", "b"}}}}}});
  auto seen = last_seen(harness, filter_of("/registry/core/pods/", "app=web"));
  REQUIRE(seen);
  CHECK(seen->type == watch_event_type::modified);
  CHECK(json::parse(seen->text())["metadata"]["annotations"] == json{{"a", "b"}});
}

TEST_CASE("an object whose labels stop matching is DELETED as it was, at the change's version") {
  operation_harness harness;
  create(harness, pods, pod_manifest("web", {{"app", "web"}}));
  merge_patch(harness, std::string(pods) + "/web", {{"metadata", {{"labels", {{"app", "db"}}}}}});
  auto seen = last_seen(harness, filter_of("/registry/core/pods/", "app=web"));
  REQUIRE(seen);
  CHECK(seen->type == watch_event_type::deleted);
  auto object = json::parse(seen->text());
  CHECK(object["metadata"]["labels"] == json{{"app", "web"}});
  CHECK(object["metadata"]["resourceVersion"] == std::to_string(harness.revision()));
  CHECK(seen->resource_version == harness.revision());
}

TEST_CASE("an object whose labels start to match is ADDED") {
  operation_harness harness;
  create(harness, pods, pod_manifest("web", {{"app", "db"}}));
  merge_patch(harness, std::string(pods) + "/web", {{"metadata", {{"labels", {{"app", "web"}}}}}});
  auto seen = last_seen(harness, filter_of("/registry/core/pods/", "app=web"));
  REQUIRE(seen);
  CHECK(seen->type == watch_event_type::added);
}

TEST_CASE("a deleted object is DELETED with its last state at the delete's version") {
  operation_harness harness;
  create(harness, pods, pod_manifest("web", {{"app", "web"}}));
  harness.run(make_request("delete", std::string(pods) + "/web"));
  auto seen = last_seen(harness, filter_of("/registry/core/pods/", "app=web"));
  REQUIRE(seen);
  CHECK(seen->type == watch_event_type::deleted);
  CHECK(seen->resource_version == harness.revision());
  CHECK(json::parse(seen->text())["metadata"]["name"] == "web");
}

TEST_CASE("changes the filter never selects, or under another prefix, are not seen") {
  operation_harness harness;
  create(harness, pods, pod_manifest("web", {{"app", "db"}}));
  CHECK_FALSE(last_seen(harness, filter_of("/registry/core/pods/", "app=web")));
  CHECK_FALSE(last_seen(harness, filter_of("/registry/core/pods/kube-system/")));
  CHECK_FALSE(last_seen(harness, filter_of("/registry/core/configmaps/")));
}

TEST_CASE("a pod watched by node name is ADDED when the scheduler binds it") {
  operation_harness harness;
  create(harness, pods, pod_manifest("web"));
  auto on_node = filter_of("/registry/core/pods/", "", "spec.nodeName=worker-1");
  CHECK_FALSE(last_seen(harness, on_node));
  harness.run(make_request("create", std::string(pods) + "/web/binding",
                           json{{"apiVersion", "v1"},
                                {"kind", "Binding"},
                                {"metadata", {{"name", "web"}}},
                                {"target", {{"kind", "Node"}, {"name", "worker-1"}}}}));
  auto seen = last_seen(harness, on_node);
  REQUIRE(seen);
  CHECK(seen->type == watch_event_type::added);
}

TEST_CASE("pods are selected by phase, host network and their metadata") {
  operation_harness harness;
  create(harness, pods, pod_manifest("web"));
  create(harness, "/api/v1/namespaces/kube-system/pods", pod_manifest("dns"));
  auto all = std::string("/registry/core/pods/");
  CHECK(selected_names(harness, filter_of(all, "", "status.phase=Pending")) ==
        std::vector<std::string>{"web", "dns"});
  CHECK(selected_names(harness, filter_of(all, "", "spec.hostNetwork=false")).size() == 2);
  CHECK(selected_names(harness, filter_of(all, "", "metadata.namespace=kube-system")) ==
        std::vector<std::string>{"dns"});
  CHECK(
      selected_names(harness, filter_of(all, "", "metadata.name!=dns,spec.restartPolicy=Always")) ==
      std::vector<std::string>{"web"});
  CHECK(selected_names(harness, filter_of(all, "", "spec.serviceAccountName=default")).size() == 2);
}

TEST_CASE("a cordoned node stops matching spec.unschedulable=false") {
  operation_harness harness;
  create(harness, "/api/v1/nodes", node_manifest("worker-1"));
  auto schedulable = filter_of("/registry/core/nodes/", "", "spec.unschedulable=false");
  CHECK(selected_names(harness, schedulable) == std::vector<std::string>{"worker-1"});
  harness.run(make_request("patch", "/api/v1/nodes/worker-1",
                           json{{"spec", {{"unschedulable", true}}}},
                           "application/strategic-merge-patch+json"));
  auto seen = last_seen(harness, schedulable);
  REQUIRE(seen);
  CHECK(seen->type == watch_event_type::deleted);
  CHECK(
      selected_names(harness, filter_of("/registry/core/nodes/", "", "spec.unschedulable=true")) ==
      std::vector<std::string>{"worker-1"});
}

TEST_CASE("events are selected by their involved object, reason, type and source") {
  operation_harness harness;
  json event{{"apiVersion", "v1"},
             {"kind", "Event"},
             {"metadata", {{"name", "web.1"}, {"namespace", "default"}}},
             {"involvedObject",
              {{"kind", "Pod"}, {"namespace", "default"}, {"name", "web"}, {"uid", "u-1"}}},
             {"reason", "Scheduled"},
             {"type", "Normal"},
             {"source", {{"component", "default-scheduler"}}}};
  harness.put("/registry/core/events/default/web.1", event);
  auto prefix = std::string("/registry/core/events/default/");
  for (const char* selector :
       {"involvedObject.kind=Pod,involvedObject.name=web,involvedObject.uid=u-1",
        "involvedObject.namespace=default", "reason=Scheduled,type=Normal",
        "source=default-scheduler"})
    CHECK(selected_names(harness, filter_of(prefix, "", selector)) ==
          std::vector<std::string>{"web.1"});
  CHECK(selected_names(harness, filter_of(prefix, "", "type=Warning")).empty());
}

TEST_CASE("secrets, namespaces, replica sets and jobs are selected by their kind's fields") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces/default/secrets", secret_manifest("login"));
  CHECK(selected_names(harness, filter_of("/registry/core/secrets/", "", "type=Opaque")) ==
        std::vector<std::string>{"login"});
  CHECK(selected_names(harness, filter_of("/registry/core/namespaces/", "", "status.phase=Active"))
            .size() == 2);
  auto replica_set = deployment_manifest("web");
  replica_set["kind"] = "ReplicaSet";
  replica_set["metadata"]["namespace"] = "default";
  replica_set["status"] = {{"replicas", 3}};
  harness.put(key_of("apps", "v1", "replicasets", "default", "web"), replica_set);
  CHECK(selected_names(harness, filter_of("/registry/apps/replicasets/", "",
                                          "status.replicas=3")) == std::vector<std::string>{"web"});
  json job{{"apiVersion", "batch/v1"},
           {"kind", "Job"},
           {"metadata", {{"name", "once"}, {"namespace", "default"}}},
           {"status", {{"successful", 1}}}};
  harness.put(key_of("batch", "v1", "jobs", "default", "once"), job);
  CHECK(selected_names(harness, filter_of("/registry/batch/jobs/", "", "status.successful=1")) ==
        std::vector<std::string>{"once"});
}

TEST_CASE("each kind's selectable fields are kube's, sorted") {
  CHECK(selectable_fields(*find_resource("", "v1", "pods")) ==
        std::vector<std::string>{"metadata.name", "metadata.namespace", "spec.hostNetwork",
                                 "spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                                 "spec.serviceAccountName", "status.nominatedNodeName",
                                 "status.phase", "status.podIP"});
  CHECK(selectable_fields(*find_resource("", "v1", "nodes")) ==
        std::vector<std::string>{"metadata.name", "spec.unschedulable"});
  CHECK(selectable_fields(*find_resource("", "v1", "configmaps")) ==
        std::vector<std::string>{"metadata.name", "metadata.namespace"});
  CHECK(selectable_fields(*find_resource("rbac.authorization.k8s.io", "v1", "clusterroles")) ==
        std::vector<std::string>{"metadata.name"});
}

TEST_CASE("autoscaling/v1 watches select the v2 objects they are served from") {
  operation_harness harness;
  create(harness, "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers",
         autoscaler_v2_manifest("web", "web"));
  const auto* v1 = find_resource("autoscaling", "v1", "horizontalpodautoscalers");
  auto filter = filter_of(collection_prefix(storage_resource(*v1), "default"));
  auto selected = select_objects(harness.cache(), filter);
  REQUIRE(selected.size() == 1);
  auto served = to_served(json::parse(selected[0]->text()), *v1);
  CHECK(served["apiVersion"] == "autoscaling/v1");
  CHECK(served["spec"]["targetCPUUtilizationPercentage"] == 60);
}
