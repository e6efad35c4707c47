#include "actors/api/core/server/hpa_conversion.hpp"

#include <string_view>

#include "actors/api/core/server/object_meta.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

constexpr std::string_view metrics_annotation = "autoscaling.alpha.kubernetes.io/metrics";
constexpr std::string_view behavior_annotation = "autoscaling.alpha.kubernetes.io/behavior";
constexpr std::string_view conditions_annotation = "autoscaling.alpha.kubernetes.io/conditions";
constexpr std::string_view current_metrics_annotation =
    "autoscaling.alpha.kubernetes.io/current-metrics";

// Metrics may come from a v1 annotation's JSON text, unchecked: string_member
// rather than value(), which throws on a member of another type.
bool is_cpu_utilization(const json& metric, std::string_view field) {
  if (string_member(metric, "type") != "Resource") return false;
  const auto* resource = member(metric, "resource");
  if (!resource || string_member(*resource, "name") != "cpu") return false;
  const auto* target = member(*resource, field);
  if (!target || !target->is_object()) return false;
  return field == "current" || string_member(*target, "type") == "Utilization";
}

// Moves an annotation holding JSON text into `target[key]` (v1 -> v2).
void take_annotation(json& metadata, std::string_view annotation, json& target,
                     std::string_view key) {
  auto annotations = metadata.find("annotations");
  if (annotations == metadata.end() || !annotations->is_object()) return;
  auto found = annotations->find(annotation);
  if (found == annotations->end()) return;
  if (found->is_string()) {
    auto parsed = json::parse(found->get<std::string>(), nullptr, false);
    if (!parsed.is_discarded()) target[std::string(key)] = std::move(parsed);
  }
  annotations->erase(found);
  if (annotations->empty()) metadata.erase("annotations");
}

void put_annotation(json& metadata, std::string_view annotation, const json& value) {
  metadata["annotations"][std::string(annotation)] = value.dump();
}

}  // namespace

json hpa_v1_to_v2(const json& v1) {
  json v2 = v1;
  v2["apiVersion"] = "autoscaling/v2";
  auto& metadata = metadata_of(v2);
  auto& spec = v2["spec"];
  if (!spec.is_object()) spec = json::object();
  json metrics = json::array();
  if (const auto* target = member(spec, "targetCPUUtilizationPercentage");
      target && target->is_number_integer())
    metrics.push_back({{"type", "Resource"},
                       {"resource",
                        {{"name", "cpu"},
                         {"target", {{"type", "Utilization"}, {"averageUtilization", *target}}}}}});
  spec.erase("targetCPUUtilizationPercentage");
  json extra;
  take_annotation(metadata, metrics_annotation, extra, "metrics");
  if (extra.contains("metrics") && extra["metrics"].is_array())
    for (const auto& metric : extra["metrics"]) metrics.push_back(metric);
  if (!metrics.empty()) spec["metrics"] = metrics;
  take_annotation(metadata, behavior_annotation, spec, "behavior");
  if (v2.contains("status") && v2["status"].is_object()) {
    auto& status = v2["status"];
    json current = json::array();
    if (const auto* cpu = member(status, "currentCPUUtilizationPercentage");
        cpu && cpu->is_number_integer())
      current.push_back(
          {{"type", "Resource"},
           {"resource", {{"name", "cpu"}, {"current", {{"averageUtilization", *cpu}}}}}});
    status.erase("currentCPUUtilizationPercentage");
    json more;
    take_annotation(metadata, current_metrics_annotation, more, "current");
    if (more.contains("current") && more["current"].is_array())
      for (const auto& metric : more["current"]) current.push_back(metric);
    if (!current.empty()) status["currentMetrics"] = current;
    take_annotation(metadata, conditions_annotation, status, "conditions");
  }
  return v2;
}

json hpa_v2_to_v1(const json& v2) {
  json v1 = v2;
  v1["apiVersion"] = "autoscaling/v1";
  auto& metadata = metadata_of(v1);
  auto& spec = v1["spec"];
  if (!spec.is_object()) spec = json::object();
  json others = json::array();
  if (const auto* metrics = member(spec, "metrics"); metrics && metrics->is_array()) {
    for (const auto& metric : *metrics) {
      if (is_cpu_utilization(metric, "target") && !spec.contains("targetCPUUtilizationPercentage"))
        spec["targetCPUUtilizationPercentage"] =
            integer_member(metric["resource"]["target"], "averageUtilization").value_or(0);
      else
        others.push_back(metric);
    }
  }
  spec.erase("metrics");
  if (!others.empty()) put_annotation(metadata, metrics_annotation, others);
  if (const auto* behavior = member(spec, "behavior"); behavior && !behavior->is_null())
    put_annotation(metadata, behavior_annotation, *behavior);
  spec.erase("behavior");
  if (v1.contains("status") && v1["status"].is_object()) {
    auto& status = v1["status"];
    json rest = json::array();
    if (const auto* current = member(status, "currentMetrics"); current && current->is_array()) {
      for (const auto& metric : *current) {
        if (is_cpu_utilization(metric, "current") &&
            metric["resource"]["current"].contains("averageUtilization"))
          status["currentCPUUtilizationPercentage"] =
              metric["resource"]["current"]["averageUtilization"];
        else
          rest.push_back(metric);
      }
    }
    status.erase("currentMetrics");
    if (!rest.empty()) put_annotation(metadata, current_metrics_annotation, rest);
    if (const auto* conditions = member(status, "conditions");
        conditions && conditions->is_array() && !conditions->empty())
      put_annotation(metadata, conditions_annotation, *conditions);
    status.erase("conditions");
  }
  return v1;
}

}  // namespace troupe::api
