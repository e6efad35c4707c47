// Pod rows through each branch of kube's printPod (Kubernetes 1.32): READY
// counts, STATUS from phase, reason, scheduling gates, init containers
// (Init:N/M, Init:<reason>, Init:ExitCode, Init:Signal), sidecars
// (restartable init containers), container waiting/terminated reasons,
// Completed turning back into Running/NotReady, Terminating, Unknown for a
// lost node; RESTARTS with the time of the last restart; the wide columns;
// and the Completed row condition of pods that ended. Most cases are kube's
// own printers_test.go cases written as the JSON the API stores.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

json containers(int count) {
  auto list = json::array();
  for (int i = 0; i < count; ++i)
    list.push_back({{"name", "c" + std::to_string(i)}, {"image", "busybox"}});
  return list;
}

json pod(json spec, json status) {
  return {{"metadata", {{"name", "web"}, {"creationTimestamp", ago(3 * 3600)}}},
          {"spec", std::move(spec)},
          {"status", std::move(status)}};
}

json running(bool ready, int restarts) {
  return {{"ready", ready},
          {"restartCount", restarts},
          {"state", {{"running", {{"startedAt", ago(60)}}}}}};
}

json waiting(std::string_view reason, int restarts = 0) {
  json state = {{"waiting", json::object()}};
  if (!reason.empty()) state["waiting"]["reason"] = reason;
  return {{"ready", false}, {"restartCount", restarts}, {"state", state}};
}

json terminated(json details, int restarts = 0) {
  return {{"ready", false},
          {"restartCount", restarts},
          {"state", {{"terminated", std::move(details)}}}};
}

// `status` with its last termination `seconds` ago.
json restarted(json status, std::int64_t seconds) {
  status["lastState"] = {{"terminated", {{"exitCode", 1}, {"finishedAt", ago(seconds)}}}};
  return status;
}

json pod_cells(const json& object) {
  auto cells = cells_of("v1", "Pod", object);
  return json(std::vector<json>(cells.begin(), cells.begin() + 5));
}

json sidecar(std::string name) {
  return {{"name", std::move(name)}, {"image", "envoy"}, {"restartPolicy", "Always"}};
}

}  // namespace

TEST_CASE("a pod's columns are kube 1.32's, wide ones at priority 1", "[tables][pod]") {
  auto table = table_of("v1", "Pod", pod({{"containers", containers(1)}}, {{"phase", "Pending"}}));
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Ready", "Status", "Restarts",
                                                        "Age", "IP", "Node", "Nominated Node",
                                                        "Readiness Gates"});
  std::vector<int> priorities;
  for (const auto& column : table["columnDefinitions"]) priorities.push_back(column["priority"]);
  CHECK(priorities == std::vector<int>{0, 0, 0, 0, 0, 1, 1, 1, 1});
  CHECK(table["columnDefinitions"][3]["type"] == "string");
}

TEST_CASE("a running pod shows ready containers over all, its phase and summed restarts",
          "[tables][pod]") {
  auto object = pod(
      {{"containers", containers(2)}},
      {{"phase", "podPhase"}, {"containerStatuses", {running(true, 3), {{"restartCount", 3}}}}});
  CHECK(pod_cells(object) == json{"web", "1/2", "podPhase", "6", "3h"});
}

TEST_CASE("a waiting container's reason overrides the phase", "[tables][pod]") {
  auto object =
      pod({{"containers", containers(2)}},
          {{"phase", "podPhase"},
           {"containerStatuses", {running(true, 3), waiting("ContainerWaitingReason", 3)}}});
  CHECK(pod_cells(object) == json{"web", "1/2", "ContainerWaitingReason", "6", "3h"});
}

TEST_CASE("the first container's reason wins over later ones", "[tables][pod]") {
  auto object = pod({{"containers", containers(2)}},
                    {{"phase", "podPhase"},
                     {"containerStatuses",
                      {waiting("ContainerWaitingReason", 3),
                       terminated({{"reason", "ContainerTerminatedReason"}}, 3)}}});
  CHECK(pod_cells(object) == json{"web", "0/2", "ContainerWaitingReason", "6", "3h"});
}

TEST_CASE("a ready container that is not running is not counted ready", "[tables][pod]") {
  auto object =
      pod({{"containers", containers(2)}},
          {{"phase", "podPhase"},
           {"containerStatuses", {running(true, 3), {{"ready", true}, {"restartCount", 3}}}}});
  CHECK(pod_cells(object) == json{"web", "1/2", "podPhase", "6", "3h"});
}

TEST_CASE("the pod's status reason overrides its phase", "[tables][pod]") {
  auto object = pod({{"containers", containers(1)}}, {{"phase", "Failed"}, {"reason", "Evicted"}});
  CHECK(pod_cells(object) == json{"web", "0/1", "Evicted", "0", "3h"});
}

TEST_CASE("terminated containers without a reason show their signal or exit code",
          "[tables][pod]") {
  auto by_signal = pod({{"containers", containers(1)}},
                       {{"phase", "Running"},
                        {"containerStatuses", {terminated({{"exitCode", 137}, {"signal", 9}})}}});
  CHECK(pod_cells(by_signal)[2] == "Signal:9");
  auto by_code =
      pod({{"containers", containers(1)}},
          {{"phase", "Running"}, {"containerStatuses", {terminated({{"exitCode", 2}})}}});
  CHECK(pod_cells(by_code)[2] == "ExitCode:2");
}

TEST_CASE("a completed container beside a running one shows NotReady without the Ready condition",
          "[tables][pod]") {
  auto status =
      json{{"phase", "Running"},
           {"containerStatuses",
            {terminated({{"reason", "Completed"}, {"exitCode", 0}}, 3), running(true, 3)}}};
  status["containerStatuses"][0]["ready"] = true;
  CHECK(pod_cells(pod({{"containers", containers(2)}}, status)) ==
        json{"web", "1/2", "NotReady", "6", "3h"});
  status["conditions"] = {{{"type", "Ready"}, {"status", "True"}}};
  CHECK(pod_cells(pod({{"containers", containers(2)}}, status)) ==
        json{"web", "1/2", "Running", "6", "3h"});
}

TEST_CASE("a restarting init container shows Init:0/1 and its restarts with their age",
          "[tables][pod]") {
  auto object = pod({{"initContainers", containers(1)}, {"containers", containers(1)}},
                    {{"phase", "Pending"},
                     {"initContainerStatuses", {restarted(running(false, 3), 10)}},
                     {"containerStatuses", {waiting("")}}});
  CHECK(pod_cells(object) == json{"web", "0/1", "Init:0/1", "3 (10s ago)", "3h"});
}

TEST_CASE("init progress counts the init containers already done", "[tables][pod]") {
  auto first_running =
      pod({{"initContainers", containers(2)}, {"containers", containers(1)}},
          {{"phase", "Pending"},
           {"initContainerStatuses", {restarted(running(false, 3), 10), waiting("")}},
           {"containerStatuses", {waiting("")}}});
  CHECK(pod_cells(first_running) == json{"web", "0/1", "Init:0/2", "3 (10s ago)", "3h"});
  auto second_running =
      pod({{"initContainers", containers(2)}, {"containers", containers(1)}},
          {{"phase", "Pending"},
           {"initContainerStatuses",
            {restarted(terminated(json::object(), 2), 120), restarted(running(false, 3), 10)}},
           {"containerStatuses", {waiting("")}}});
  CHECK(pod_cells(second_running) == json{"web", "0/1", "Init:1/2", "5 (10s ago)", "3h"});
}

TEST_CASE("an init container's waiting reason shows as Init:<reason>, except PodInitializing",
          "[tables][pod]") {
  auto crashing = pod({{"initContainers", containers(1)}, {"containers", containers(1)}},
                      {{"phase", "Pending"},
                       {"initContainerStatuses", {waiting("CrashLoopBackOff", 4)}},
                       {"containerStatuses", {waiting("PodInitializing")}}});
  CHECK(pod_cells(crashing) == json{"web", "0/1", "Init:CrashLoopBackOff", "4", "3h"});
  auto initializing = pod({{"initContainers", containers(1)}, {"containers", containers(1)}},
                          {{"phase", "Pending"},
                           {"initContainerStatuses", {waiting("PodInitializing")}},
                           {"containerStatuses", {waiting("PodInitializing")}}});
  CHECK(pod_cells(initializing)[2] == "Init:0/1");
}

TEST_CASE("a failed init container shows Init:<reason>, Init:Signal or Init:ExitCode",
          "[tables][pod]") {
  auto spec = json{{"initContainers", containers(1)}, {"containers", containers(1)}};
  auto with = [&](json details) {
    return pod(spec,
               {{"phase", "Pending"}, {"initContainerStatuses", {terminated(std::move(details))}}});
  };
  CHECK(pod_cells(with({{"reason", "Error"}, {"exitCode", 1}}))[2] == "Init:Error");
  CHECK(pod_cells(with({{"exitCode", 137}, {"signal", 9}}))[2] == "Init:Signal:9");
  CHECK(pod_cells(with({{"exitCode", 3}}))[2] == "Init:ExitCode:3");
}

TEST_CASE("after initialization, only sidecar and container restarts count", "[tables][pod]") {
  auto object = pod({{"initContainers", containers(1)}, {"containers", containers(1)}},
                    {{"phase", "Running"},
                     {"initContainerStatuses", {restarted(terminated(json::object(), 2), 120)}},
                     {"containerStatuses", {restarted(running(false, 4), 20)}}});
  CHECK(pod_cells(object) == json{"web", "0/1", "Running", "4 (20s ago)", "3h"});
}

TEST_CASE("the last restart is the latest termination of any container", "[tables][pod]") {
  auto five_days =
      pod({{"containers", containers(1)}},
          {{"phase", "Running"}, {"containerStatuses", {restarted(running(true, 3), 5 * 86'400)}}});
  CHECK(pod_cells(five_days) == json{"web", "1/1", "Running", "3 (5d ago)", "3h"});
  auto two =
      pod({{"containers", containers(2)}},
          {{"phase", "Running"},
           {"containerStatuses",
            {restarted(running(true, 6), 5 * 86'400), restarted(running(true, 3), 20 * 86'400)}}});
  CHECK(pod_cells(two) == json{"web", "2/2", "Running", "9 (5d ago)", "3h"});
  auto never =
      pod({{"containers", containers(2)}},
          {{"phase", "Running"},
           {"containerStatuses", {running(true, 0), restarted(running(true, 3), 10 * 86'400)}}});
  CHECK(pod_cells(never) == json{"web", "2/2", "Running", "3 (10d ago)", "3h"});
}

TEST_CASE("restarts without a recorded termination show the count alone", "[tables][pod]") {
  auto object = pod({{"containers", containers(1)}},
                    {{"phase", "Running"}, {"containerStatuses", {running(true, 2)}}});
  CHECK(pod_cells(object)[3] == "2");
}

TEST_CASE("a scheduling-gated pod shows SchedulingGated", "[tables][pod]") {
  auto object =
      pod({{"containers", containers(2)}},
          {{"phase", "Pending"},
           {"conditions",
            {{{"type", "PodScheduled"}, {"status", "False"}, {"reason", "SchedulingGated"}}}}});
  CHECK(pod_cells(object) == json{"web", "0/2", "SchedulingGated", "0", "3h"});
}

TEST_CASE("a pod that ended shows Completed or the failure, with a Completed row condition",
          "[tables][pod]") {
  auto succeeded =
      pod({{"containers", containers(1)}},
          {{"phase", "Succeeded"},
           {"containerStatuses", {terminated({{"reason", "Completed"}, {"exitCode", 0}})}}});
  auto row = table_of("v1", "Pod", succeeded)["rows"][0];
  CHECK(row["cells"][2] == "Completed");
  CHECK(row["conditions"] == json::array({{{"type", "Completed"},
                                           {"status", "True"},
                                           {"reason", "Succeeded"},
                                           {"message", "The pod has completed successfully."}}}));
  auto failed = pod({{"containers", containers(1)}},
                    {{"phase", "Failed"},
                     {"containerStatuses", {terminated({{"reason", "Error"}, {"exitCode", 1}})}}});
  row = table_of("v1", "Pod", failed)["rows"][0];
  CHECK(row["cells"][2] == "Error");
  CHECK(row["conditions"] == json::array({{{"type", "Completed"},
                                           {"status", "True"},
                                           {"reason", "Failed"},
                                           {"message", "The pod failed."}}}));
}

TEST_CASE("a pod being deleted shows Terminating unless it already ended", "[tables][pod]") {
  auto running_pod = pod({{"containers", containers(1)}},
                         {{"phase", "Running"}, {"containerStatuses", {running(false, 0)}}});
  running_pod["metadata"]["deletionTimestamp"] = ago(-30);
  CHECK(pod_cells(running_pod) == json{"web", "0/1", "Terminating", "0", "3h"});
  auto pending = pod({{"containers", containers(1)}}, {{"phase", "Pending"}});
  pending["metadata"]["deletionTimestamp"] = ago(10);
  CHECK(pod_cells(pending)[2] == "Terminating");
  auto completed =
      pod({{"containers", containers(1)}},
          {{"phase", "Succeeded"},
           {"containerStatuses", {terminated({{"reason", "Completed"}, {"exitCode", 0}})}}});
  completed["metadata"]["deletionTimestamp"] = ago(10);
  CHECK(pod_cells(completed)[2] == "Completed");
}

TEST_CASE("a pod on a lost node shows NodeLost, and Unknown once its deletion is requested",
          "[tables][pod]") {
  auto lost = pod(
      {{"containers", containers(1)}},
      {{"phase", "Running"}, {"reason", "NodeLost"}, {"containerStatuses", {running(true, 0)}}});
  CHECK(pod_cells(lost) == json{"web", "1/1", "NodeLost", "0", "3h"});
  lost["metadata"]["deletionTimestamp"] = ago(10);
  CHECK(pod_cells(lost) == json{"web", "1/1", "Unknown", "0", "3h"});
}

TEST_CASE("sidecars count in READY, and a sidecar not yet started holds initialization",
          "[tables][pod]") {
  auto spec =
      json{{"initContainers", {sidecar("proxy"), sidecar("logs")}}, {"containers", containers(1)}};
  auto not_started = running(false, 3);
  not_started["name"] = "proxy";
  not_started["started"] = false;
  not_started = restarted(not_started, 10);
  auto second = waiting("");
  second["name"] = "logs";
  second["started"] = false;
  auto status = json{{"phase", "Pending"},
                     {"initContainerStatuses", {not_started, second}},
                     {"containerStatuses", {waiting("")}},
                     {"conditions", {{{"type", "Initialized"}, {"status", "False"}}}}};
  CHECK(pod_cells(pod(spec, status)) == json{"web", "0/3", "Init:0/2", "3 (10s ago)", "3h"});
  status["initContainerStatuses"][0]["started"] = true;
  status["initContainerStatuses"][1] = running(false, 0);
  status["initContainerStatuses"][1]["name"] = "logs";
  status["initContainerStatuses"][1]["started"] = false;
  CHECK(pod_cells(pod(spec, status)) == json{"web", "0/3", "Init:1/2", "3 (10s ago)", "3h"});
}

TEST_CASE("once sidecars run, their restarts add to the containers' and ready ones count",
          "[tables][pod]") {
  auto spec =
      json{{"initContainers", {sidecar("proxy"), sidecar("logs")}}, {"containers", containers(1)}};
  auto proxy = restarted(running(true, 3), 10);
  proxy["name"] = "proxy";
  proxy["started"] = true;
  auto logs = running(false, 0);
  logs["name"] = "logs";
  logs["started"] = true;
  auto status = json{{"phase", "Running"},
                     {"initContainerStatuses", {proxy, logs}},
                     {"containerStatuses", {restarted(running(true, 4), 20)}},
                     {"conditions", {{{"type", "Initialized"}, {"status", "True"}}}}};
  CHECK(pod_cells(pod(spec, status)) == json{"web", "2/3", "Running", "7 (10s ago)", "3h"});
}

TEST_CASE("sidecars that exited with an error leave a Succeeded pod Completed", "[tables][pod]") {
  auto spec =
      json{{"initContainers", {sidecar("proxy"), sidecar("logs")}}, {"containers", containers(1)}};
  auto proxy = restarted(terminated({{"reason", "Error"}, {"exitCode", 137}}, 3), 10);
  proxy["name"] = "proxy";
  proxy["started"] = false;
  auto logs = terminated({{"reason", "Error"}, {"exitCode", 137}});
  logs["name"] = "logs";
  logs["started"] = false;
  auto status = json{{"phase", "Succeeded"},
                     {"initContainerStatuses", {proxy, logs}},
                     {"containerStatuses",
                      {restarted(terminated({{"reason", "Completed"}, {"exitCode", 0}}, 4), 20)}},
                     {"conditions", {{{"type", "Initialized"}, {"status", "True"}}}}};
  auto row = table_of("v1", "Pod", pod(spec, status))["rows"][0];
  CHECK(json(std::vector<json>(row["cells"].begin(), row["cells"].begin() + 5)) ==
        json{"web", "0/3", "Completed", "7 (10s ago)", "3h"});
  CHECK(row["conditions"][0]["reason"] == "Succeeded");
}

TEST_CASE("statuses naming no container of the spec are not sidecars", "[tables][pod]") {
  auto spec =
      json{{"initContainers", {{{"name", "init1"}, {"image", "init"}}, sidecar("sidecar1")}},
           {"containers", {{{"name", "container1"}, {"image", "app"}}}}};
  auto status =
      json{{"phase", "Running"},
           {"initContainerStatuses",
            {{{"name", "initinvalid"}}, {{"name", "init1"}}, {{"name", "sidecar1"}}}},
           {"containerStatuses", {{{"name", "containerinvalid"}}, {{"name", "container1"}}}}};
  CHECK(pod_cells(pod(spec, status)) == json{"web", "0/2", "Init:0/2", "0", "3h"});
}

TEST_CASE("wide pod cells show the first IP, node, nominated node and passed readiness gates",
          "[tables][pod]") {
  auto object = pod({{"containers", containers(2)},
                     {"nodeName", "node-a"},
                     {"readinessGates",
                      {{{"conditionType", "condition1"}},
                       {{"conditionType", "condition2"}},
                       {{"conditionType", "condition3"}}}}},
                    {{"phase", "podPhase"},
                     {"podIP", "1.1.1.1"},
                     {"podIPs", {{{"ip", "1.1.1.1"}}, {{"ip", "2001:db8::"}}}},
                     {"nominatedNodeName", "node-b"},
                     {"conditions",
                      {{{"type", "condition1"}, {"status", "False"}},
                       {{"type", "condition2"}, {"status", "True"}}}},
                     {"containerStatuses", {running(true, 3), {{"restartCount", 3}}}}});
  CHECK(cells_of("v1", "Pod", object) ==
        json{"web", "1/2", "podPhase", "6", "3h", "1.1.1.1", "node-a", "node-b", "1/3"});
}

TEST_CASE("a pod's IP comes from podIPs, or from podIP as kube's conversion takes it",
          "[tables][pod]") {
  auto only_list = pod({{"containers", containers(1)}},
                       {{"phase", "Running"}, {"podIPs", {{{"ip", "10.0.0.7"}}}}});
  CHECK(cells_of("v1", "Pod", only_list)[5] == "10.0.0.7");
  auto only_single =
      pod({{"containers", containers(1)}}, {{"phase", "Running"}, {"podIP", "10.0.0.8"}});
  CHECK(cells_of("v1", "Pod", only_single)[5] == "10.0.0.8");
}
