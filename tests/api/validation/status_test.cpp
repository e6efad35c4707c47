// Proves status-subresource validation: replica counts and their bounds in
// workload status, collision counts that only grow, pod status rules, and
// that status updates keep the metadata update rules.
#include <catch2/catch.hpp>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

TEST_CASE("deployment status counts are non-negative and bounded by replicas") {
  auto old = stored(deployment());
  auto object = old;
  object["status"] = {{"observedGeneration", -1},
                      {"replicas", 2},
                      {"readyReplicas", 3},
                      {"availableReplicas", 3},
                      {"updatedReplicas", 2}};
  CHECK(status_causes(object, old) ==
        std::vector<std::string>{
            "status.observedGeneration: Invalid value: -1: must be greater than or equal to 0",
            "status.readyReplicas: Invalid value: 3: cannot be greater than status.replicas",
            "status.availableReplicas: Invalid value: 3: cannot be greater than status.replicas"});
}

TEST_CASE("a replica set's available replicas may not exceed its ready replicas") {
  auto old = stored(replica_set());
  auto object = old;
  object["status"] = {
      {"replicas", 3}, {"fullyLabeledReplicas", 3}, {"readyReplicas", 1}, {"availableReplicas", 2}};
  CHECK(status_causes(object, old) ==
        std::vector<std::string>{
            "status.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas"});
}

TEST_CASE("a collision count may not decrease") {
  auto old = stored(daemon_set());
  old["status"] = {{"collisionCount", 2}};
  auto object = old;
  object["status"]["collisionCount"] = 1;
  CHECK(status_causes(object, old) ==
        std::vector<std::string>{"status.collisionCount: Invalid value: 1: cannot be decremented"});
}

TEST_CASE("a status update may not change the pod's node or QoS class") {
  auto old = stored(pod());
  old["status"] = {{"qosClass", "Burstable"}, {"phase", "Running"}};
  auto object = old;
  object["spec"]["nodeName"] = "worker-2";
  object["status"]["qosClass"] = "Guaranteed";
  CHECK(status_causes(object, old) ==
        std::vector<std::string>{
            "status.nodeName: Forbidden: may not be changed directly",
            "status.qosClass: Invalid value: \"Guaranteed\": field is immutable"});
}

TEST_CASE("a terminated container of a pod that never restarts stays terminated") {
  auto old = stored(pod());
  old["spec"]["restartPolicy"] = "Never";
  old["status"] = json::parse(
      R"({"containerStatuses": [{"name": "web", "state": {"terminated": {"exitCode": 0}}}]})");
  auto object = old;
  object["status"]["containerStatuses"][0]["state"] = {{"running", json::object()}};
  CHECK(status_causes(object, old) ==
        std::vector<std::string>{"status.containerStatuses[0].state: Forbidden: may not be "
                                 "transitioned to non-terminated state"});
}

TEST_CASE("pod IPs are valid, one per family and unique") {
  auto old = stored(pod());
  auto object = old;
  object["status"] = json::parse(R"({"podIPs": [{"ip": "10.244.1.5"}, {"ip": "10.244.1.6"}]})");
  CHECK(status_causes(object, old) ==
        std::vector<std::string>{
            "status.podIPs: Invalid value: []core.PodIP{core.PodIP{IP:\"10.244.1.5\"}, "
            "core.PodIP{IP:\"10.244.1.6\"}}: may specify no more than one IP for each IP family"});
}

TEST_CASE("a status update keeps the metadata update rules") {
  auto old = stored(service());
  auto object = old;
  object["metadata"]["uid"] = "different";
  CHECK(status_causes(object, old) ==
        std::vector<std::string>{"metadata.uid: Invalid value: \"different\": field is immutable"});
}

TEST_CASE("load balancer ingress is only for LoadBalancer services") {
  auto old = stored(service());
  auto object = old;
  object["status"] =
      json::parse(R"({"loadBalancer": {"ingress": [{"ip": "203.0.113.7", "ipMode": "VIP"}]}})");
  CHECK(status_causes(object, old) ==
        std::vector<std::string>{"status.loadBalancer.ingress: Forbidden: may only be used when "
                                 "`spec.type` is 'LoadBalancer'"});
}

}  // namespace troupe::api::validation_test
