// HorizontalPodAutoscalers (autoscaling validation's
// ValidateHorizontalPodAutoscaler*), on kube's internal shape: v2 as it is,
// v1's targetCPUUtilizationPercentage as a cpu Resource metric.
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/policy_validation.hpp"
#include "actors/api/core/validation/resource_rules.hpp"
#include "actors/api/core/validation/selector_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");
constexpr std::int64_t period_seconds_max = 1800;
constexpr std::int64_t stabilization_window_seconds_max = 3600;

error_list object_reference(const json& reference, const field_path& path) {
  error_list errors;
  for (const char* key : {"kind", "name"}) {
    auto value = text(reference, key);
    if (value.empty())
      errors.push_back(required(path.child(key)));
    else
      append_invalid(errors, path.child(key), go_quote(value), path_segment_messages(value));
  }
  return errors;
}

std::string quantity_shown(const json& value) {
  auto amount = quantity_of(value);
  return amount ? go_quote(quantity_text(*amount)) : go_scalar(value);
}

error_list metric_target(const json& target, const field_path& path) {
  error_list errors;
  auto type = text(target, "type");
  if (type.empty())
    errors.push_back(required(path.child("type"), "must specify a metric target type"));
  if (type != "Utilization" && type != "Value" && type != "AverageValue")
    errors.push_back(invalid(path.child("type"), go_quote(type),
                             "must be either Utilization, Value, or AverageValue"));
  for (const char* key : {"value", "averageValue"}) {
    const json* amount = member(target, key);
    if (amount == nullptr) continue;
    auto parsed = quantity_of(*amount);
    if (!parsed || parsed->sign() != 1)
      errors.push_back(invalid(path.child(key), quantity_shown(*amount), "must be positive"));
  }
  if (auto utilization = integer_member(target, "averageUtilization");
      utilization && *utilization < 1)
    errors.push_back(invalid(path.child("averageUtilization"), std::to_string(*utilization),
                             "must be greater than 0"));
  return errors;
}

error_list metric_identifier(const json& metric, const field_path& path) {
  auto name = text(metric, "name");
  if (name.empty()) return {required(path.child("name"), "must specify a metric name")};
  error_list errors;
  append_invalid(errors, path.child("name"), go_quote(name), path_segment_messages(name));
  append(errors, label_selector(member(metric, "selector"), path.child("selector")));
  return errors;
}

error_list resource_source(const json& source, const field_path& path, bool container) {
  error_list errors;
  auto name = text(source, "name");
  if (name.empty())
    errors.push_back(required(path.child("name"), "must specify a resource name"));
  else
    append(errors, container_resource_name(name, path.child("name")));
  if (container) {
    auto container_name = text(source, "container");
    if (container_name.empty())
      errors.push_back(required(path.child("container"), "must specify a container"));
    else
      append(errors, dns1123_label(container_name, path.child("container")));
  }
  const json& target = dictionary(source, "target");
  append(errors, metric_target(target, path.child("target")));
  bool utilization = present(target, "averageUtilization");
  bool average = present(target, "averageValue");
  if (!utilization && !average)
    errors.push_back(required(path.child("target").child("averageUtilization"),
                              "must set either a target raw value or a target utilization"));
  if (utilization && average)
    errors.push_back(forbidden(path.child("target").child("averageValue"),
                               "may not set both a target raw value and a target utilization"));
  return errors;
}

error_list source_of(const std::string& kind, const json& source, const field_path& path) {
  if (kind == "resource") return resource_source(source, path, false);
  if (kind == "containerResource") return resource_source(source, path, true);
  error_list errors;
  if (kind == "object")
    append(errors,
           object_reference(dictionary(source, "describedObject"), path.child("describedObject")));
  append(errors, metric_identifier(dictionary(source, "metric"), path.child("metric")));
  const json& target = dictionary(source, "target");
  append(errors, metric_target(target, path.child("target")));
  auto average_path = path.child("target").child("averageValue");
  if (kind == "pods" && !present(target, "averageValue"))
    errors.push_back(required(average_path, "must specify a positive target averageValue"));
  if (kind == "object" && !present(target, "value") && !present(target, "averageValue"))
    errors.push_back(required(average_path, "must set either a target value or averageValue"));
  if (kind == "external" && !present(target, "value") && !present(target, "averageValue"))
    errors.push_back(
        required(average_path, "must set either a target value for metric or a per-pod target"));
  if (kind == "external" && present(target, "value") && present(target, "averageValue"))
    errors.push_back(forbidden(path.child("target").child("value"),
                               "may not set both a target value for metric and a per-pod target"));
  return errors;
}

error_list metric_spec(const json& metric, const field_path& path) {
  static const std::vector<std::pair<std::string, std::string>> kinds{
      {"Object", "object"},
      {"External", "external"},
      {"Pods", "pods"},
      {"Resource", "resource"},
      {"ContainerResource", "containerResource"}};
  error_list errors;
  auto type = text(metric, "type");
  const std::vector<std::string> supported{"ContainerResource", "External", "Object", "Pods",
                                           "Resource"};
  if (type.empty())
    errors.push_back(required(path.child("type"), "must specify a metric source type"));
  std::string expected;
  std::vector<std::string> present_kinds;
  for (const auto& [name, member_name] : kinds) {
    if (name == type) expected = member_name;
    if (!present(metric, member_name)) continue;
    present_kinds.push_back(member_name);
    if (present_kinds.size() == 1)
      append(errors, source_of(member_name, *member(metric, member_name), path.child(member_name)));
  }
  if (expected.empty()) {
    errors.push_back(not_supported(path.child("type"), go_quote(type), supported));
    errors.push_back(not_supported(path.child("type"), go_quote(type), supported));
  } else if (!present(metric, expected)) {
    errors.push_back(
        required(path.child(expected), "must populate information for the given metric source"));
  }
  if (present_kinds.size() != 1)
    for (const auto& kind : present_kinds)
      if (kind != expected)
        errors.push_back(forbidden(path.child(kind), "must populate the given metric source only"));
  return errors;
}

error_list scaling_rules(const json* rules, const field_path& path) {
  if (rules == nullptr) return {};
  error_list errors;
  if (auto window = integer_member(*rules, "stabilizationWindowSeconds")) {
    if (*window < 0)
      errors.push_back(invalid(path.child("stabilizationWindowSeconds"), std::to_string(*window),
                               "must be greater than or equal to zero"));
    if (*window > stabilization_window_seconds_max)
      errors.push_back(invalid(path.child("stabilizationWindowSeconds"), std::to_string(*window),
                               "must be less than or equal to 3600"));
  }
  if (const json* select = member(*rules, "selectPolicy");
      select != nullptr && *select != "Max" && *select != "Min" && *select != "Disabled")
    errors.push_back(
        not_supported(path.child("selectPolicy"), go_scalar(*select), {"Disabled", "Max", "Min"}));
  const json& policies = list(*rules, "policies");
  if (policies.empty())
    errors.push_back(required(path.child("policies"), "must specify at least one Policy"));
  for (std::size_t i = 0; i < policies.size(); ++i) {
    auto at = path.child("policies").index(i);
    auto type = text(policies[i], "type");
    if (type != "Pods" && type != "Percent")
      errors.push_back(not_supported(at.child("type"), go_quote(type), {"Percent", "Pods"}));
    auto value = integer_or_zero(policies[i], "value");
    if (value <= 0)
      errors.push_back(
          invalid(at.child("value"), std::to_string(value), "must be greater than zero"));
    auto period = integer_or_zero(policies[i], "periodSeconds");
    if (period <= 0)
      errors.push_back(
          invalid(at.child("periodSeconds"), std::to_string(period), "must be greater than zero"));
    if (period > period_seconds_max)
      errors.push_back(invalid(at.child("periodSeconds"), std::to_string(period),
                               "must be less than or equal to 1800"));
  }
  return errors;
}

// The metrics of `spec` as kube's internal type holds them.
json metrics_of(const json& spec, std::string_view api_version) {
  if (api_version != "autoscaling/v1") return list(spec, "metrics");
  auto utilization = integer_member(spec, "targetCPUUtilizationPercentage");
  if (!utilization) return json::array();
  return json::array(
      {{{"type", "Resource"},
        {"resource",
         {{"name", "cpu"},
          {"target", {{"type", "Utilization"}, {"averageUtilization", *utilization}}}}}}});
}

error_list autoscaler_spec(const json& spec, std::string_view api_version,
                           std::int64_t min_replicas_lowest) {
  error_list errors;
  auto minimum = integer_member(spec, "minReplicas");
  auto maximum = integer_or_zero(spec, "maxReplicas");
  if (minimum && *minimum < min_replicas_lowest)
    errors.push_back(
        invalid(spec_path.child("minReplicas"), std::to_string(*minimum),
                "must be greater than or equal to " + std::to_string(min_replicas_lowest)));
  if (maximum < 1)
    errors.push_back(
        invalid(spec_path.child("maxReplicas"), std::to_string(maximum), "must be greater than 0"));
  if (minimum && maximum < *minimum)
    errors.push_back(invalid(spec_path.child("maxReplicas"), std::to_string(maximum),
                             "must be greater than or equal to `minReplicas`"));
  append(errors,
         object_reference(dictionary(spec, "scaleTargetRef"), spec_path.child("scaleTargetRef")));
  json metrics = metrics_of(spec, api_version);
  for (std::size_t i = 0; i < metrics.size(); ++i)
    append(errors, metric_spec(metrics[i], spec_path.child("metrics").index(i)));
  const json& behavior = dictionary(spec, "behavior");
  append(errors,
         scaling_rules(member(behavior, "scaleUp"), spec_path.child("behavior").child("scaleUp")));
  append(errors, scaling_rules(member(behavior, "scaleDown"),
                               spec_path.child("behavior").child("scaleDown")));
  return errors;
}

}  // namespace

error_list validate_autoscaler(const json& object, std::string_view api_version) {
  error_list errors = validate_object_meta(object, {});
  append(errors, autoscaler_spec(dictionary(object, "spec"), api_version, 1));
  return errors;
}

error_list validate_autoscaler_update(const json& object, const json& old,
                                      std::string_view api_version) {
  error_list errors = validate_object_meta_update(object, old, {});
  bool was_zero = integer_member(dictionary(old, "spec"), "minReplicas") == 0;
  append(errors, autoscaler_spec(dictionary(object, "spec"), api_version, was_zero ? 0 : 1));
  return errors;
}

error_list validate_autoscaler_status_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  const json& status = dictionary(object, "status");
  for (const char* key : {"currentReplicas", "desiredReplicas"})
    append(errors, non_negative(integer_or_zero(status, key), field_path("status").child(key)));
  return errors;
}

}  // namespace troupe::api::validation
