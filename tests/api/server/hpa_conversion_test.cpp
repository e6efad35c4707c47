// autoscaling/v1 <-> autoscaling/v2 HorizontalPodAutoscaler conversion
// (hpa_conversion.hpp): the v1 cpu target and current utilization map onto
// v2 Resource metrics, what v1 cannot hold travels in its annotations (in
// v2's format, as the header states) and comes back, and members of
// unexpected types, even inside annotation text, are dropped rather than
// thrown on. Pure functions, checked on whole objects.
#include <catch2/catch.hpp>

#include "actors/api/core/server/hpa_conversion.hpp"

using namespace troupe::api;
using nlohmann::json;

namespace {

json cpu_target(int percent) {
  return {
      {"type", "Resource"},
      {"resource",
       {{"name", "cpu"}, {"target", {{"type", "Utilization"}, {"averageUtilization", percent}}}}}};
}

json memory_target() {
  return {
      {"type", "Resource"},
      {"resource",
       {{"name", "memory"}, {"target", {{"type", "AverageValue"}, {"averageValue", "100Mi"}}}}}};
}

json target_ref() {
  return {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "web"}};
}

}  // namespace

TEST_CASE("a v1 cpu target becomes a v2 Resource metric of type Utilization") {
  json v1{{"apiVersion", "autoscaling/v1"},
          {"kind", "HorizontalPodAutoscaler"},
          {"metadata", {{"name", "web"}}},
          {"spec",
           {{"scaleTargetRef", target_ref()},
            {"maxReplicas", 5},
            {"targetCPUUtilizationPercentage", 70}}},
          {"status", {{"currentReplicas", 2}, {"currentCPUUtilizationPercentage", 40}}}};
  CHECK(
      hpa_v1_to_v2(v1) ==
      json{{"apiVersion", "autoscaling/v2"},
           {"kind", "HorizontalPodAutoscaler"},
           {"metadata", {{"name", "web"}}},
           {"spec",
            {{"scaleTargetRef", target_ref()},
             {"maxReplicas", 5},
             {"metrics", json::array({cpu_target(70)})}}},
           {"status",
            {{"currentReplicas", 2},
             {"currentMetrics",
              json::array({{{"type", "Resource"},
                            {"resource",
                             {{"name", "cpu"}, {"current", {{"averageUtilization", 40}}}}}}})}}}});
}

TEST_CASE("what v1 cannot express travels in its annotations and comes back") {
  json behavior{{"scaleDown", {{"stabilizationWindowSeconds", 60}}}};
  json conditions = json::array({{{"type", "AbleToScale"}, {"status", "True"}}});
  json v2{{"apiVersion", "autoscaling/v2"},
          {"kind", "HorizontalPodAutoscaler"},
          {"metadata", {{"name", "web"}}},
          {"spec",
           {{"scaleTargetRef", target_ref()},
            {"maxReplicas", 5},
            {"metrics", json::array({cpu_target(60), memory_target()})},
            {"behavior", behavior}}},
          {"status", {{"currentReplicas", 1}, {"conditions", conditions}}}};
  auto v1 = hpa_v2_to_v1(v2);
  CHECK(v1["apiVersion"] == "autoscaling/v1");
  CHECK(v1["spec"] == json{{"scaleTargetRef", target_ref()},
                           {"maxReplicas", 5},
                           {"targetCPUUtilizationPercentage", 60}});
  CHECK(v1["status"] == json{{"currentReplicas", 1}});
  CHECK(v1["metadata"]["annotations"] ==
        json{{"autoscaling.alpha.kubernetes.io/metrics", json::array({memory_target()}).dump()},
             {"autoscaling.alpha.kubernetes.io/behavior", behavior.dump()},
             {"autoscaling.alpha.kubernetes.io/conditions", conditions.dump()}});
  CHECK(hpa_v1_to_v2(v1) == v2);
}

TEST_CASE("a v2 object without metrics converts to a v1 object without a cpu target") {
  json v2{{"apiVersion", "autoscaling/v2"},
          {"kind", "HorizontalPodAutoscaler"},
          {"metadata", {{"name", "web"}}},
          {"spec", {{"scaleTargetRef", target_ref()}, {"maxReplicas", 3}}}};
  auto v1 = hpa_v2_to_v1(v2);
  CHECK(v1["spec"] == json{{"scaleTargetRef", target_ref()}, {"maxReplicas", 3}});
  CHECK_FALSE(v1["metadata"].contains("annotations"));
}

TEST_CASE("members of unexpected types are dropped, not thrown on") {
  json v1{{"apiVersion", "autoscaling/v1"},
          {"metadata",
           {{"annotations",
             {{"autoscaling.alpha.kubernetes.io/metrics", R"([{"type":5,"resource":{"name":7}}])"},
              {"autoscaling.alpha.kubernetes.io/behavior", "{not json"}}}}},
          {"spec", {{"targetCPUUtilizationPercentage", "high"}}}};
  auto v2 = hpa_v1_to_v2(v1);
  CHECK(v2["spec"] == json{{"metrics", json::array({{{"type", 5}, {"resource", {{"name", 7}}}}})}});
  CHECK_FALSE(v2["metadata"].contains("annotations"));
  json odd{
      {"spec",
       {{"metrics",
         json::array({{{"type", 5}},
                      {{"type", "Resource"},
                       {"resource",
                        {{"name", "cpu"},
                         {"target", {{"type", "Utilization"}, {"averageUtilization", "x"}}}}}}})}}},
      {"status", {{"currentMetrics", json::array({{{"type", json::array()}}})}}}};
  auto converted = hpa_v2_to_v1(odd);
  CHECK(converted["spec"]["targetCPUUtilizationPercentage"] == 0);
  CHECK(converted["metadata"]["annotations"]["autoscaling.alpha.kubernetes.io/metrics"] ==
        R"([{"type":5}])");
}
