// Printing never throws and always gives one cell per column: every kind of
// the resource registry (and the default table) prints a rich object, and
// that object with each of its members in turn replaced by values of every
// other JSON type (null, number, string, array, object). The walk is
// deterministic and covers every path of the object.
#include <catch2/catch.hpp>

#include <functional>
#include <map>

#include "actors/api/core/resource_registry.hpp"
#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

// Members every printer reads, for all kinds at once.
json rich_object() {
  json container = {{"name", "app"}, {"image", "nginx"}, {"restartPolicy", "Always"}};
  json status = {
      {"name", "app"},
      {"ready", true},
      {"started", true},
      {"restartCount", 2},
      {"state", {{"waiting", {{"reason", "CrashLoopBackOff"}}}, {"terminated", {{"exitCode", 1}}}}},
      {"lastState", {{"terminated", {{"finishedAt", ago(5)}}}}}};
  json metric = {
      {"type", "Resource"},
      {"resource",
       {{"name", "cpu"}, {"target", {{"averageUtilization", 80}, {"averageValue", "1"}}}}}};
  return {
      {"metadata",
       {{"name", "x"},
        {"creationTimestamp", ago(60)},
        {"deletionTimestamp", ago(1)},
        {"labels", {{"node-role.kubernetes.io/worker", ""}}},
        {"annotations", {{"volume.beta.kubernetes.io/storage-class", "slow"}}}}},
      {"spec",
       {{"containers", {container}},
        {"initContainers", {container}},
        {"readinessGates", {{{"conditionType", "gate"}}}},
        {"nodeName", "n"},
        {"unschedulable", true},
        {"type", "LoadBalancer"},
        {"clusterIPs", {"10.0.0.1"}},
        {"externalIPs", {"1.2.3.4"}},
        {"ports", {{{"port", 80}, {"nodePort", 30080}, {"protocol", "TCP"}}}},
        {"selector", {{"matchLabels", {{"a", "b"}}}}},
        {"replicas", 3},
        {"template", {{"spec", {{"containers", {container}}, {"nodeSelector", {{"a", "b"}}}}}}},
        {"jobTemplate", {{"spec", {{"template", {{"spec", {{"containers", {container}}}}}}}}}},
        {"completions", 2},
        {"suspend", true},
        {"timeZone", "UTC"},
        {"scaleTargetRef", {{"kind", "Deployment"}, {"name", "web"}}},
        {"metrics", {metric}},
        {"minReplicas", 1},
        {"targetCPUUtilizationPercentage", 50},
        {"minAvailable", "50%"},
        {"capacity", {{"storage", "1Gi"}}},
        {"accessModes", {"ReadWriteOnce"}},
        {"claimRef", {{"namespace", "ns"}, {"name", "c"}}},
        {"volumeName", "pv"},
        {"holderIdentity", "h"}}},
      {"status",
       {{"phase", "Running"},
        {"reason", "NodeLost"},
        {"conditions",
         {{{"type", "Ready"}, {"status", "True"}}, {{"type", "Initialized"}, {"status", "True"}}}},
        {"initContainerStatuses", {status}},
        {"containerStatuses", {status}},
        {"podIPs", {{{"ip", "10.1.0.1"}}}},
        {"addresses", {{{"type", "InternalIP"}, {"address", "10.0.0.9"}}}},
        {"nodeInfo", {{"kubeletVersion", "v1.32.0"}}},
        {"loadBalancer", {{"ingress", {{{"ip", "5.6.7.8"}}}}}},
        {"startTime", ago(50)},
        {"completionTime", ago(10)},
        {"active", {{{"name", "j"}}}},
        {"lastScheduleTime", ago(30)},
        {"currentMetrics",
         {{{"type", "Resource"}, {"resource", {{"current", {{"averageUtilization", 10}}}}}}}},
        {"currentCPUUtilizationPercentage", 10},
        {"capacity", {{"storage", "1Gi"}}}}},
      {"subsets", {{{"addresses", {{{"ip", "10.2.0.1"}}}}, {"ports", {{{"port", 80}}}}}}},
      {"endpoints", {{{"addresses", {"10.3.0.1"}}}}},
      {"data", {{"k", "v"}}},
      {"secrets", {{{"name", "s"}}}},
      {"involvedObject", {{"kind", "Pod"}, {"name", "p"}}},
      {"series", {{"count", 3}, {"lastObservedTime", ago(4)}}},
      {"roleRef", {{"kind", "Role"}, {"name", "r"}}},
      {"subjects", {{{"kind", "User"}, {"name", "u"}}}}};
}

const json& wrong_values() {
  static const json values =
      json::array({nullptr, -7, "text", json::array({1, "a"}), json{{"a", 1}}});
  return values;
}

// Calls `visit` with a reference to every value inside `value` (not the root).
void each_member(json& value, const std::function<void(json&)>& visit) {
  if (value.is_object()) {
    for (auto& [key, member] : value.items()) {
      visit(member);
      each_member(member, visit);
    }
  } else if (value.is_array()) {
    for (auto& element : value) {
      visit(element);
      each_member(element, visit);
    }
  }
}

std::size_t column_count(const resource_info& resource) {
  static std::map<std::string, std::size_t> counts;
  auto key = resource.api_version() + "/" + resource.kind;
  if (auto known = counts.find(key); known != counts.end()) return known->second;
  auto version = resource.api_version();
  table_request request{version, resource.kind, table_include_object::none, true, now()};
  return counts[key] = make_table(request, {})["columnDefinitions"].size();
}

// What is wrong with printing `object` as `resource`: nothing when it prints
// one row of one cell per column.
std::string print_problem(const resource_info& resource, const json& object,
                          table_include_object include) {
  auto version = resource.api_version();
  table_request request{version, resource.kind, include, false, now()};
  try {
    auto table = make_table(request, {object});
    if (table["rows"].size() != 1) return "not one row";
    if (table["rows"][0]["cells"].size() != column_count(resource))
      return "cells do not match columns";
    return "";
  } catch (const std::exception& failure) {
    return std::string("threw ") + failure.what();
  }
}

}  // namespace

TEST_CASE("every kind prints a rich object with one cell per column", "[tables][robustness]") {
  for (const auto& resource : builtin_resources()) {
    INFO(resource.api_version() << " " << resource.kind);
    CHECK(print_problem(resource, rich_object(), table_include_object::object) == "");
    CHECK(print_problem(resource, rich_object(), table_include_object::metadata) == "");
  }
}

TEST_CASE("every kind prints the rich object with any member of any other JSON type",
          "[tables][robustness]") {
  auto original = rich_object();
  std::size_t paths = 0;
  auto count = original;
  each_member(count, [&](json&) { ++paths; });
  std::size_t printed = 0;
  std::string first_problem;
  for (std::size_t path = 0; path < paths; ++path) {
    for (const auto& wrong : wrong_values()) {
      auto object = original;
      std::size_t index = 0;
      each_member(object, [&](json& member) {
        if (index++ == path) member = wrong;
      });
      for (const auto& resource : builtin_resources()) {
        auto problem = print_problem(resource, object, table_include_object::none);
        if (!problem.empty() && first_problem.empty())
          first_problem = resource.kind + " at path " + std::to_string(path) + " with " +
                          wrong.dump() + ": " + problem;
        ++printed;
      }
    }
  }
  CHECK(first_problem == "");
  CHECK(printed == paths * wrong_values().size() * builtin_resources().size());
}
