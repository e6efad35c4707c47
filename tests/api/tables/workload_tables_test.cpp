// Deployments, ReplicaSets, StatefulSets and DaemonSets as kube's printers
// compute them: READY "ready/desired", counts as JSON integers, wide
// CONTAINERS, IMAGES and SELECTOR (<none> for none, <error> or <invalid>
// for a selector kube refuses), DaemonSet NODE SELECTOR. Cases after
// printers_test.go TestPrintDeployment, TestPrintDaemonSet and others.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

json pod_template() {
  return {{"metadata", {{"labels", {{"app", "web"}}}}},
          {"spec",
           {{"containers",
             {{{"name", "fake-container1"}, {"image", "fake-image1"}},
              {{"name", "fake-container2"}, {"image", "fake-image2"}}}}}}};
}

json workload(json spec, json status) {
  return {{"metadata", {{"name", "test1"}, {"creationTimestamp", ago(2 * 3600 + 60)}}},
          {"spec", std::move(spec)},
          {"status", std::move(status)}};
}

json match_labels() {
  return {{"matchLabels", {{"foo", "bar"}}}};
}

}  // namespace

TEST_CASE("a deployment shows ready over desired, up-to-date, available and wide details",
          "[tables][deployment]") {
  auto object =
      workload({{"replicas", 5}, {"template", pod_template()}, {"selector", match_labels()}},
               {{"replicas", 10},
                {"updatedReplicas", 2},
                {"availableReplicas", 1},
                {"unavailableReplicas", 4}});
  auto table = table_of("apps/v1", "Deployment", object);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Ready", "Up-to-date", "Available",
                                                        "Age", "Containers", "Images", "Selector"});
  CHECK(table["columnDefinitions"][2]["type"] == "string");
  CHECK(table["rows"][0]["cells"] == json{"test1", "0/5", 2, 1, "121m",
                                          "fake-container1,fake-container2",
                                          "fake-image1,fake-image2", "foo=bar"});
}

TEST_CASE("a deployment's selector prints with expressions, empty when absent, <invalid> when bad",
          "[tables][deployment]") {
  json selector = {{"matchLabels", {{"app", "web"}}},
                   {"matchExpressions",
                    {{{"key", "tier"}, {"operator", "In"}, {"values", {"front", "edge"}}},
                     {{"key", "canary"}, {"operator", "DoesNotExist"}}}}};
  auto object = workload({{"replicas", 1}, {"selector", selector}}, json::object());
  CHECK(cells_of("apps/v1", "Deployment", object)[7] == "app=web,!canary,tier in (edge,front)");
  object["spec"].erase("selector");
  CHECK(cells_of("apps/v1", "Deployment", object)[7] == "");
  object["spec"]["selector"] = {{"matchExpressions", {{{"key", "tier"}, {"operator", "Near"}}}}};
  CHECK(cells_of("apps/v1", "Deployment", object)[7] == "<invalid>");
}

TEST_CASE("a replica set shows desired, current and ready counts as integers",
          "[tables][replicaset]") {
  auto object =
      workload({{"replicas", 3}, {"template", pod_template()}, {"selector", match_labels()}},
               {{"replicas", 3}, {"readyReplicas", 2}});
  auto table = table_of("apps/v1", "ReplicaSet", object);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Desired", "Current", "Ready",
                                                        "Age", "Containers", "Images", "Selector"});
  CHECK(table["columnDefinitions"][1]["type"] == "integer");
  CHECK(table["rows"][0]["cells"] == json{"test1", 3, 3, 2, "121m",
                                          "fake-container1,fake-container2",
                                          "fake-image1,fake-image2", "foo=bar"});
}

TEST_CASE("a replica set without a selector shows <none>, with a refused one <error>",
          "[tables][replicaset]") {
  auto object = workload({{"replicas", 1}}, json::object());
  CHECK(cells_of("apps/v1", "ReplicaSet", object)[7] == "<none>");
  object["spec"]["selector"] = {{"matchLabels", {{"bad key!", "x"}}}};
  CHECK(cells_of("apps/v1", "ReplicaSet", object)[7] == "<error>");
  object["spec"]["selector"] = json::object();
  CHECK(cells_of("apps/v1", "ReplicaSet", object)[7] == "<none>");
}

TEST_CASE("a stateful set shows ready over desired replicas and no selector",
          "[tables][statefulset]") {
  auto object = workload({{"replicas", 3}, {"template", pod_template()}}, {{"readyReplicas", 2}});
  auto table = table_of("apps/v1", "StatefulSet", object);
  CHECK(column_names(table) ==
        std::vector<std::string>{"Name", "Ready", "Age", "Containers", "Images"});
  CHECK(table["rows"][0]["cells"] ==
        json{"test1", "2/3", "121m", "fake-container1,fake-container2", "fake-image1,fake-image2"});
}

TEST_CASE("a daemon set shows its scheduling counts, node selector and wide selector",
          "[tables][daemonset]") {
  auto spec = json{{"template", pod_template()}, {"selector", match_labels()}};
  auto status = json{{"currentNumberScheduled", 2},
                     {"desiredNumberScheduled", 3},
                     {"numberReady", 1},
                     {"updatedNumberScheduled", 2},
                     {"numberAvailable", 0}};
  auto table = table_of("apps/v1", "DaemonSet", workload(spec, status));
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Desired", "Current", "Ready",
                                                        "Up-to-date", "Available", "Node Selector",
                                                        "Age", "Containers", "Images", "Selector"});
  CHECK(table["rows"][0]["cells"] == json{"test1", 3, 2, 1, 2, 0, "<none>", "121m",
                                          "fake-container1,fake-container2",
                                          "fake-image1,fake-image2", "foo=bar"});
  spec["template"]["spec"]["nodeSelector"] = {{"kubernetes.io/os", "linux"}, {"disk", "ssd"}};
  CHECK(cells_of("apps/v1", "DaemonSet", workload(spec, status))[6] ==
        "disk=ssd,kubernetes.io/os=linux");
}
