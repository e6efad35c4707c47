// Deployments and ReplicaSets (kube's ValidateDeployment* and
// ValidateReplicaSet*).
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
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
  if (int_or_percent_value(max_unavailable) == 0 && int_or_percent_value(max_surge) == 0)
    errors.push_back(invalid(path.child("maxUnavailable"), go_int_or_string(max_unavailable),
                             "may not be 0 when `maxSurge` is 0"));
  append(errors, not_more_than_100_percent(max_unavailable, path.child("maxUnavailable")));
  return errors;
}

error_list strategy(const json& spec, const field_path& path) {
  const json& value = dictionary(spec, "strategy");
  auto type = text(value, "type");
  const json* update = member(value, "rollingUpdate");
  if (type == "Recreate") {
    if (update != nullptr)
      return {forbidden(path.child("rollingUpdate"),
                        "may not be specified when strategy `type` is 'Recreate'")};
    return {};
  }
  if (type == "RollingUpdate") {
    if (update == nullptr)
      return {required(path.child("rollingUpdate"), "this should be defaulted and never be nil")};
    return rolling_update(*update, path.child("rollingUpdate"));
  }
  std::string shown = "apps.DeploymentStrategy{Type:" + go_quote(type) + ", RollingUpdate:" +
                      (update == nullptr ? "(*apps.RollingUpdateDeployment)(nil)"
                                         : "(*apps.RollingUpdateDeployment)(...)") +
                      "}";
  return {not_supported(path, shown, {"Recreate", "RollingUpdate"})};
}

error_list deployment_spec(const json& spec) {
  error_list errors = non_negative(integer_or_zero(spec, "replicas"), spec_path.child("replicas"));
  auto selector =
      required_selector(spec, "deployment", "invalid label selector", spec_path, errors);
  append(errors,
         replica_set_template(dictionary(spec, "template"), selector, spec_path.child("template")));
  append(errors, strategy(spec, spec_path.child("strategy")));
  auto min_ready = integer_or_zero(spec, "minReadySeconds");
  append(errors, non_negative(min_ready, spec_path.child("minReadySeconds")));
  if (auto history = integer_member(spec, "revisionHistoryLimit"))
    append(errors, non_negative(*history, spec_path.child("revisionHistoryLimit")));
  if (auto deadline = integer_member(spec, "progressDeadlineSeconds")) {
    append(errors, non_negative(*deadline, spec_path.child("progressDeadlineSeconds")));
    if (*deadline <= min_ready)
      errors.push_back(invalid(spec_path.child("progressDeadlineSeconds"),
                               std::to_string(*deadline), "must be greater than minReadySeconds"));
  }
  return errors;
}

error_list replica_set_spec(const json& spec) {
  error_list errors = non_negative(integer_or_zero(spec, "replicas"), spec_path.child("replicas"));
  append(errors, non_negative(integer_or_zero(spec, "minReadySeconds"),
                              spec_path.child("minReadySeconds")));
  auto selector =
      required_selector(spec, "deployment", "invalid label selector", spec_path, errors);
  append(errors,
         replica_set_template(dictionary(spec, "template"), selector, spec_path.child("template")));
  return errors;
}

error_list replica_counts(const json& status, bool fully_labeled) {
  error_list errors;
  const char* message = "cannot be greater than status.replicas";
  if (fully_labeled)
    append(errors, not_greater(status, "fullyLabeledReplicas", "replicas", message, status_path));
  if (!fully_labeled)
    append(errors, not_greater(status, "updatedReplicas", "replicas", message, status_path));
  append(errors, not_greater(status, "readyReplicas", "replicas", message, status_path));
  append(errors, not_greater(status, "availableReplicas", "replicas", message, status_path));
  append(errors, not_greater(status, "availableReplicas", "readyReplicas",
                             "cannot be greater than readyReplicas", status_path));
  return errors;
}

}  // namespace

error_list validate_deployment(const json& object) {
  return validate_workload(object, deployment_spec);
}

error_list validate_deployment_update(const json& object, const json& old) {
  return validate_workload_update(object, old, deployment_spec);
}

error_list validate_deployment_status_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  const json& status = dictionary(object, "status");
  append(errors,
         non_negative_fields(status,
                             {"observedGeneration", "replicas", "updatedReplicas", "readyReplicas",
                              "availableReplicas", "unavailableReplicas", "collisionCount"},
                             status_path));
  append(errors, replica_counts(status, false));
  append(errors, collision_count(object, old));
  return errors;
}

error_list validate_replica_set(const json& object) {
  return validate_workload(object, replica_set_spec);
}

error_list validate_replica_set_update(const json& object, const json& old) {
  return validate_workload_update(object, old, replica_set_spec);
}

error_list validate_replica_set_status_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  const json& status = dictionary(object, "status");
  append(errors, non_negative_fields(status,
                                     {"replicas", "fullyLabeledReplicas", "readyReplicas",
                                      "availableReplicas", "observedGeneration"},
                                     status_path));
  append(errors, replica_counts(status, true));
  return errors;
}

}  // namespace troupe::api::validation
