// HorizontalPodAutoscaler (pkg/apis/autoscaling/v1 and v2 defaults.go).
//   - v1: minReplicas 1. The 80% CPU target kube shows for a v1 object
//     without targetCPUUtilizationPercentage is not a default: kube's v1 to
//     internal conversion adds it.
//   - v2: minReplicas 1; no metrics (absent or []) become one CPU resource
//     metric with averageUtilization 80; a given behavior gets every unset
//     member of its scaleUp rules (stabilizationWindowSeconds 0, selectPolicy
//     "Max", policies 4 Pods and 100 Percent per 15 s) and scaleDown rules
//     (selectPolicy "Max", policies 100 Percent per 15 s; the stabilization
//     window stays unset, the controller's flag decides it).
#include <string_view>

#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/kind_defaults.hpp"

namespace troupe::api::defaults {

namespace {

// kube's autoscaling.DefaultCPUUtilization, in percent.
constexpr int cpu_utilization_default = 80;
// The rate limits the HPA applied before behavior was configurable.
constexpr int scaling_period_seconds = 15;
constexpr int scale_up_pods_per_period = 4;
constexpr int scale_percent_per_period = 100;

json policy(std::string_view type, int value) {
  return {{"type", type}, {"value", value}, {"periodSeconds", scaling_period_seconds}};
}

json scale_up_rules() {
  return {{"stabilizationWindowSeconds", 0},
          {"selectPolicy", "Max"},
          {"policies", json::array({policy("Pods", scale_up_pods_per_period),
                                    policy("Percent", scale_percent_per_period)})}};
}

json scale_down_rules() {
  return {{"selectPolicy", "Max"},
          {"policies", json::array({policy("Percent", scale_percent_per_period)})}};
}

// The user's rules win member by member; unset members take the defaults.
void default_scaling_rules(json& behavior, std::string_view key, const json& defaults) {
  json* rules = ensure_object_member(behavior, key);
  if (rules == nullptr) return;
  for (const auto& [name, value] : defaults.items()) default_member(*rules, name, value);
}

json cpu_utilization_metric() {
  return json::array(
      {{{"type", "Resource"},
        {"resource",
         {{"name", "cpu"},
          {"target",
           {{"type", "Utilization"}, {"averageUtilization", cpu_utilization_default}}}}}}});
}

bool has_no_metrics(const json& spec) {
  auto metrics = spec.find("metrics");
  return metrics == spec.end() || metrics->is_null() || (metrics->is_array() && metrics->empty());
}

}  // namespace

void default_horizontal_pod_autoscaler_v1(json& autoscaler) {
  if (json* spec = ensure_object_member(autoscaler, "spec"))
    default_member(*spec, "minReplicas", 1);
}

void default_horizontal_pod_autoscaler_v2(json& autoscaler) {
  json* spec = ensure_object_member(autoscaler, "spec");
  if (spec == nullptr) return;
  default_member(*spec, "minReplicas", 1);
  if (has_no_metrics(*spec)) (*spec)["metrics"] = cpu_utilization_metric();
  json* behavior = object_member(*spec, "behavior");
  if (behavior == nullptr) return;
  default_scaling_rules(*behavior, "scaleUp", scale_up_rules());
  default_scaling_rules(*behavior, "scaleDown", scale_down_rules());
}

}  // namespace troupe::api::defaults
