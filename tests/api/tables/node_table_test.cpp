// Node rows as kube's printNode computes them: STATUS from the Ready
// condition alone (+SchedulingDisabled), ROLES from node-role labels and
// kubernetes.io/role, VERSION, and the wide addresses and node info with
// their <none>/<unknown> placeholders. Cases after kube's printers_test.go.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

json node(json status, json spec = json::object()) {
  return {{"metadata", {{"name", "node-a"}, {"creationTimestamp", ago(11 * 86'400)}}},
          {"spec", std::move(spec)},
          {"status", std::move(status)}};
}

json ready(std::string_view status) {
  return {{"conditions", {{{"type", "Ready"}, {"status", status}}}}};
}

}  // namespace

TEST_CASE("a node's columns are NAME STATUS ROLES AGE VERSION and five wide ones",
          "[tables][node]") {
  auto table = table_of("v1", "Node", node(ready("True")));
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Status", "Roles", "Age", "Version",
                                                        "Internal-IP", "External-IP", "OS-Image",
                                                        "Kernel-Version", "Container-Runtime"});
  CHECK(table["columnDefinitions"][5]["priority"] == 1);
  CHECK(table["columnDefinitions"][4]["description"] == "Kubelet Version reported by the node.");
}

TEST_CASE("a ready node with its node info prints as kubectl shows it", "[tables][node]") {
  auto status = ready("True");
  status["addresses"] = {{{"type", "InternalIP"}, {"address", "10.0.0.4"}},
                         {{"type", "Hostname"}, {"address", "node-a"}}};
  status["nodeInfo"] = {{"kubeletVersion", "v1.32.0"},
                        {"osImage", "Debian GNU/Linux 12 (bookworm)"},
                        {"kernelVersion", "6.1.0-18-amd64"},
                        {"containerRuntimeVersion", "containerd://1.7.13"}};
  auto labeled = node(status);
  labeled["metadata"]["labels"] = {{"node-role.kubernetes.io/control-plane", ""}};
  CHECK(cells_of("v1", "Node", labeled) ==
        json{"node-a", "Ready", "control-plane", "11d", "v1.32.0", "10.0.0.4", "<none>",
             "Debian GNU/Linux 12 (bookworm)", "6.1.0-18-amd64", "containerd://1.7.13"});
}

TEST_CASE("node status reads Ready, NotReady or Unknown, then SchedulingDisabled",
          "[tables][node]") {
  CHECK(cells_of("v1", "Node", node(ready("True")))[1] == "Ready");
  CHECK(cells_of("v1", "Node", node(ready("False")))[1] == "NotReady");
  CHECK(cells_of("v1", "Node", node(ready("Unknown")))[1] == "NotReady");
  CHECK(cells_of("v1", "Node", node(ready("True"), {{"unschedulable", true}}))[1] ==
        "Ready,SchedulingDisabled");
  CHECK(cells_of("v1", "Node", node(ready("False"), {{"unschedulable", true}}))[1] ==
        "NotReady,SchedulingDisabled");
  json other = {{"conditions", {{{"type", "InvalidValue"}, {"status", "True"}}}}};
  CHECK(cells_of("v1", "Node", node(other))[1] == "Unknown");
  CHECK(cells_of("v1", "Node", node({{"conditions", {json::object()}}}))[1] == "Unknown");
  CHECK(cells_of("v1", "Node", node(other, {{"unschedulable", true}}))[1] ==
        "Unknown,SchedulingDisabled");
}

TEST_CASE("of two Ready conditions the last one listed counts", "[tables][node]") {
  json status = {
      {"conditions",
       {{{"type", "Ready"}, {"status", "False"}}, {{"type", "Ready"}, {"status", "True"}}}}};
  CHECK(cells_of("v1", "Node", node(status))[1] == "Ready");
}

TEST_CASE("node roles come sorted from role labels and the kubernetes.io/role value",
          "[tables][node]") {
  auto labeled = node(json::object());
  labeled["metadata"]["labels"] = {{"node-role.kubernetes.io/master", ""},
                                   {"node-role.kubernetes.io/control-plane", ""},
                                   {"node-role.kubernetes.io/proxy", ""},
                                   {"node-role.kubernetes.io/", ""},
                                   {"kubernetes.io/role", "node"}};
  CHECK(cells_of("v1", "Node", labeled)[2] == "control-plane,master,node,proxy");
  labeled["metadata"]["labels"] = {{"kubernetes.io/role", "node"}};
  CHECK(cells_of("v1", "Node", labeled)[2] == "node");
  labeled["metadata"]["labels"] = {{"kubernetes.io/role", ""}};
  CHECK(cells_of("v1", "Node", labeled)[2] == "<none>");
}

TEST_CASE("a node without status shows Unknown, <none> and <unknown> placeholders",
          "[tables][node]") {
  json bare = {{"metadata", {{"name", "127.0.0.1"}}}};
  CHECK(cells_of("v1", "Node", bare) == json{"127.0.0.1", "Unknown", "<none>", "<unknown>", "",
                                             "<none>", "<none>", "<unknown>", "<unknown>",
                                             "<unknown>"});
}

TEST_CASE("the first internal and first external addresses are shown", "[tables][node]") {
  json status = {{"addresses",
                  {{{"type", "ExternalIP"}, {"address", "2.2.2.2"}},
                   {{"type", "InternalIP"}, {"address", "3.3.3.3"}},
                   {{"type", "ExternalIP"}, {"address", "4.4.4.4"}},
                   {{"type", "InternalIP"}, {"address", "5.5.5.5"}}}}};
  auto cells = cells_of("v1", "Node", node(status));
  CHECK(cells[5] == "3.3.3.3");
  CHECK(cells[6] == "2.2.2.2");
}
