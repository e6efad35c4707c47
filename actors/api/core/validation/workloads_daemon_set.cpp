// DaemonSets (kube's ValidateDaemonSet*). templateGeneration is an internal
// field kube's strategy keeps in step with the template; it has no v1 form.
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/pod_spec_validation.hpp"
#include "actors/api/core/validation/selector_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "actors/api/core/validation/workloads_common.hpp"
#include "actors/api/core/validation/workloads_validation.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");
const field_path status_path("status");

error_list rolling_update(const json& update, const field_path& path) {
  const json* unavailable = member(update, "maxUnavailable");
  const json* surge = member(update, "maxSurge");
  json max_unavailable = unavailable != nullptr ? *unavailable : json(0);
  json max_surge = surge != nullptr ? *surge : json(0);
  error_list errors = positive_int_or_percent(max_unavailable, path.child("maxUnavailable"));
  append(errors, positive_int_or_percent(max_surge, path.child("maxSurge")));
  append(errors, not_more_than_100_percent(max_unavailable, path.child("maxUnavailable")));
  append(errors, not_more_than_100_percent(max_surge, path.child("maxSurge")));
  bool has_unavailable = int_or_percent_value(max_unavailable) != 0;
  bool has_surge = int_or_percent_value(max_surge) != 0;
  if (has_unavailable && has_surge)
    errors.push_back(invalid(path.child("maxSurge"), go_int_or_string(max_surge),
                             "may not be set when maxUnavailable is non-zero"));
  else if (!has_unavailable && !has_surge)
    errors.push_back(required(path.child("maxUnavailable"), "cannot be 0 when maxSurge is 0"));
  return errors;
}

error_list update_strategy(const json& spec) {
  const json& strategy = dictionary(spec, "updateStrategy");
  auto type = text(strategy, "type");
  auto path = spec_path.child("updateStrategy");
  const json* update = member(strategy, "rollingUpdate");
  if (type == "OnDelete") return {};
  if (type == "RollingUpdate") {
    if (update == nullptr) return {required(path.child("rollingUpdate"))};
    return rolling_update(*update, path.child("rollingUpdate"));
  }
  std::string shown = "apps.DaemonSetUpdateStrategy{Type:" + go_quote(type) + ", RollingUpdate:" +
                      (update == nullptr ? "(*apps.RollingUpdateDaemonSet)(nil)"
                                         : "(*apps.RollingUpdateDaemonSet)(...)") +
                      "}";
  return {not_supported(path, shown, {"RollingUpdate", "OnDelete"})};
}

error_list daemon_set_spec(const json& spec) {
  const json* selector = member(spec, "selector");
  error_list errors = label_selector(selector, spec_path.child("selector"));
  const json& template_spec = dictionary(spec, "template");
  if (auto parsed = as_selector(selector))
    append(errors, selector_matches_template(*parsed, template_spec, spec_path.child("template")));
  if (selector != nullptr && !non_empty(*selector, "matchLabels") &&
      !non_empty(*selector, "matchExpressions"))
    errors.push_back(invalid(spec_path.child("selector"), go_label_selector(*selector),
                             "empty selector is invalid for daemonset"));
  append(errors, validate_pod_template_spec(template_spec, spec_path.child("template")));
  append(errors,
         always_restarting_template(template_spec, "DaemonSet", spec_path.child("template")));
  append(errors, non_negative(integer_or_zero(spec, "minReadySeconds"),
                              spec_path.child("minReadySeconds")));
  append(errors, update_strategy(spec));
  if (auto history = integer_member(spec, "revisionHistoryLimit"))
    append(errors, non_negative(*history, spec_path.child("revisionHistoryLimit")));
  return errors;
}

}  // namespace

error_list validate_daemon_set(const json& object) {
  return validate_workload(object, daemon_set_spec);
}

error_list validate_daemon_set_update(const json& object, const json& old) {
  return validate_workload_update(object, old, daemon_set_spec);
}

error_list validate_daemon_set_status_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  const json& status = dictionary(object, "status");
  append(errors, non_negative_fields(
                     status,
                     {"currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled",
                      "numberReady", "observedGeneration", "updatedNumberScheduled",
                      "numberAvailable", "numberUnavailable", "collisionCount"},
                     status_path));
  append(errors, collision_count(object, old));
  return errors;
}

}  // namespace troupe::api::validation
