// HorizontalPodAutoscalers: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS
// AGE (kube's printHorizontalPodAutoscaler). TARGETS pairs each metric of the
// spec with the status metric at the same position: "cpu: 50%/80%",
// "cpu: <unknown>/80%", "50m/100m (avg)", two shown and the rest counted.
// autoscaling/v1 objects are read as kube converts them: their
// targetCPUUtilizationPercentage and currentCPUUtilizationPercentage become
// one cpu utilization metric.
#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_formats.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr table_column autoscaler_columns[] = {
    name_column,
    {"Reference", "string", "",
     "scaleTargetRef points to the target resource to scale, and is used to the pods for which "
     "metrics should be collected, as well as to actually change the replica count.",
     0},
    {"Targets", "string", "",
     "metrics contains the specifications for which to use to calculate the desired replica "
     "count (the maximum replica count across all metrics will be used).  The desired replica "
     "count is calculated multiplying the ratio between the target value and the current value "
     "by the current number of pods.  Ergo, metrics used must decrease as the pod count is "
     "increased, and vice-versa.  See the individual metric source types for more information "
     "about how each type of metric must respond.",
     0},
    {"MinPods", "string", "",
     "minReplicas is the lower limit for the number of replicas to which the autoscaler can "
     "scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature "
     "gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  "
     "Scaling is active as long as at least one metric value is available.",
     0},
    {"MaxPods", "string", "",
     "maxReplicas is the upper limit for the number of replicas to which the autoscaler can "
     "scale up. It cannot be less that minReplicas.",
     0},
    {"Replicas", "string", "",
     "currentReplicas is current number of replicas of pods managed by this autoscaler, as last "
     "seen by the autoscaler.",
     0},
    age_column,
};

// Metrics shown before "+ N more...".
constexpr std::size_t shown_metrics_max = 2;

const json& absent() {
  static const json value;
  return value;
}

// A *resource.Quantity's String(): "<nil>" when unset.
std::string quantity_or_nil(const json& owner, std::string_view key) {
  return has_member(owner, key) ? quantity_text(member(owner, key)) : "<nil>";
}

std::string percent(const json& owner, std::string_view key) {
  return std::to_string(integer_member(owner, key)) + "%";
}

// Object and External metrics: an average value target, or a value one.
std::string value_metric(const json& source, const json* status) {
  const auto& target = member(source, "target");
  const json& current = status ? member(*status, "current") : absent();
  if (has_member(target, "averageValue")) {
    auto shown = status && has_member(current, "averageValue")
                     ? quantity_text(member(current, "averageValue"))
                     : std::string("<unknown>");
    return shown + "/" + quantity_text(member(target, "averageValue")) + " (avg)";
  }
  auto shown = status ? quantity_or_nil(current, "value") : std::string("<unknown>");
  return shown + "/" + quantity_or_nil(target, "value");
}

// Resource and ContainerResource metrics: "name: current/target".
std::string resource_metric(const json& source, const json* status) {
  const auto& target = member(source, "target");
  const json& current = status ? member(*status, "current") : absent();
  const auto& name = text_member(source, "name");
  if (has_member(target, "averageValue")) {
    auto shown = status ? quantity_or_nil(current, "averageValue") : std::string("<unknown>");
    return name + ": " + shown + "/" + quantity_text(member(target, "averageValue"));
  }
  auto shown = status && has_member(current, "averageUtilization")
                   ? percent(current, "averageUtilization")
                   : std::string("<unknown>");
  auto wanted = has_member(target, "averageUtilization") ? percent(target, "averageUtilization")
                                                         : std::string("<auto>");
  return name + ": " + shown + "/" + wanted;
}

// The status' source of the same type at `index`, if it has one.
const json* status_source(const json& statuses, std::size_t index, std::string_view source) {
  if (index >= statuses.size() || !has_member(statuses[index], source)) return nullptr;
  return &member(statuses[index], source);
}

std::string metric_text(const json& spec, const json& statuses, std::size_t index) {
  const auto& type = text_member(spec, "type");
  if (type == "External" || type == "Object") {
    auto key = type == "External" ? "external" : "object";
    return value_metric(member(spec, key), status_source(statuses, index, key));
  }
  if (type == "Pods") {
    const auto* status = status_source(statuses, index, "pods");
    auto shown = status ? quantity_or_nil(member(*status, "current"), "averageValue")
                        : std::string("<unknown>");
    return shown + "/" + quantity_or_nil(member(member(spec, "pods"), "target"), "averageValue");
  }
  if (type == "Resource" || type == "ContainerResource") {
    auto key = type == "Resource" ? "resource" : "containerResource";
    return resource_metric(member(spec, key), status_source(statuses, index, key));
  }
  return "<unknown type>";
}

std::string targets(const json& specs, const json& statuses) {
  if (specs.empty()) return "<none>";
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < specs.size() && i < shown_metrics_max; ++i)
    shown.push_back(metric_text(specs[i], statuses, i));
  auto text = join(shown, ", ");
  if (specs.size() > shown_metrics_max)
    text += " + " + std::to_string(specs.size() - shown_metrics_max) + " more...";
  return text;
}

table_row autoscaler_row(const json& autoscaler, const json& metrics, const json& current_metrics,
                         std::chrono::system_clock::time_point now) {
  const auto& spec = member(autoscaler, "spec");
  const auto& reference = member(spec, "scaleTargetRef");
  auto min_pods = has_member(spec, "minReplicas")
                      ? std::to_string(integer_member(spec, "minReplicas"))
                      : std::string("<unset>");
  table_row row;
  row.cells = json::array(
      {name_of(autoscaler), text_member(reference, "kind") + "/" + text_member(reference, "name"),
       targets(metrics, current_metrics), min_pods, integer_member(spec, "maxReplicas"),
       integer_member(member(autoscaler, "status"), "currentReplicas"), age_of(autoscaler, now)});
  return row;
}

table_row print_autoscaler(const json& autoscaler, std::chrono::system_clock::time_point now) {
  return autoscaler_row(autoscaler, list_member(member(autoscaler, "spec"), "metrics"),
                        list_member(member(autoscaler, "status"), "currentMetrics"), now);
}

// What converting an autoscaling/v1 object yields for the two metric lists.
table_row print_autoscaler_v1(const json& autoscaler, std::chrono::system_clock::time_point now) {
  const auto& spec = member(autoscaler, "spec");
  const auto& status = member(autoscaler, "status");
  auto metrics = json::array();
  if (has_member(spec, "targetCPUUtilizationPercentage"))
    metrics.push_back(
        {{"type", "Resource"},
         {"resource",
          {{"name", "cpu"},
           {"target",
            {{"type", "Utilization"},
             {"averageUtilization", integer_member(spec, "targetCPUUtilizationPercentage")}}}}}});
  auto current = json::array();
  if (has_member(status, "currentCPUUtilizationPercentage"))
    current.push_back({{"type", "Resource"},
                       {"resource",
                        {{"name", "cpu"},
                         {"current",
                          {{"averageUtilization",
                            integer_member(status, "currentCPUUtilizationPercentage")}}}}}});
  return autoscaler_row(autoscaler, metrics, current, now);
}

}  // namespace

const table_printer autoscaler_printer{autoscaler_columns, print_autoscaler};
const table_printer autoscaler_v1_printer{autoscaler_columns, print_autoscaler_v1};

}  // namespace troupe::api::tables
