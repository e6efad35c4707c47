// StatefulSets and DaemonSets (kube's ValidateStatefulSet* and
// ValidateDaemonSet*).
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/pod_spec_validation.hpp"
#include "actors/api/core/validation/semantic_equal.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "actors/api/core/validation/workloads_common.hpp"
#include "actors/api/core/validation/workloads_validation.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");
const field_path status_path("status");

std::string go_int_or_string_pointer(const json* value) {
  return value == nullptr ? "(*intstr.IntOrString)(nil)" : "&" + go_int_or_string(*value);
}

error_list stateful_rolling_update(const json& update, const field_path& path) {
  error_list errors = non_negative(integer_or_zero(update, "partition"), path.child("partition"));
  if (const json* unavailable = member(update, "maxUnavailable")) {
    auto at = path.child("maxUnavailable");
    append(errors, positive_int_or_percent(*unavailable, at));
    if (int_or_percent_value(*unavailable) == 0)
      errors.push_back(invalid(at, go_int_or_string(*unavailable), "cannot be 0"));
    append(errors, not_more_than_100_percent(*unavailable, at));
  }
  return errors;
}

error_list stateful_update_strategy(const json& spec) {
  const json& strategy = dictionary(spec, "updateStrategy");
  auto type = text(strategy, "type");
  const json* update = member(strategy, "rollingUpdate");
  auto path = spec_path.child("updateStrategy");
  std::string update_shown =
      update == nullptr
          ? ""
          : "apps.RollingUpdateStatefulSetStrategy{Partition:" +
                std::to_string(integer_or_zero(*update, "partition")) +
                ", MaxUnavailable:" + go_int_or_string_pointer(member(*update, "maxUnavailable")) +
                "}";
  if (type.empty()) return {required(path)};
  if (type == "OnDelete") {
    if (update == nullptr) return {};
    return {invalid(path.child("rollingUpdate"), update_shown,
                    "only allowed for updateStrategy 'RollingUpdate'")};
  }
  if (type == "RollingUpdate")
    return update == nullptr ? error_list{}
                             : stateful_rolling_update(*update, path.child("rollingUpdate"));
  std::string shown =
      "apps.StatefulSetUpdateStrategy{Type:" + go_quote(type) + ", RollingUpdate:" +
      (update == nullptr ? "(*apps.RollingUpdateStatefulSetStrategy)(nil)" : "&" + update_shown) +
      "}";
  return {invalid(path, shown, "must be 'RollingUpdate' or 'OnDelete'")};
}

error_list retention_policy(const json& spec) {
  const json* policy = member(spec, "persistentVolumeClaimRetentionPolicy");
  if (policy == nullptr) return {};
  error_list errors;
  for (const char* key : {"whenDeleted", "whenScaled"}) {
    auto value = text(*policy, key);
    if (value != "Retain" && value != "Delete")
      errors.push_back(
          not_supported(spec_path.child("persistentVolumeClaimRetentionPolicy").child(key),
                        go_quote(value), {"Retain", "Delete"}));
  }
  return errors;
}

// ValidatePodTemplateSpecForStatefulSet: kube checks only the template's
// selector match, labels and annotations here.
error_list stateful_template(const json& template_spec, const troupe::label_selector& selector) {
  auto path = spec_path.child("template");
  error_list errors = selector_matches_template(selector, template_spec, path);
  const json& meta = dictionary(template_spec, "metadata");
  append(errors, labels(dictionary(meta, "labels"), path.child("labels")));
  append(errors, annotations(dictionary(meta, "annotations"), path.child("annotations")));
  append(errors,
         pod_specific_annotations(dictionary(meta, "annotations"),
                                  dictionary(template_spec, "spec"), path.child("annotations")));
  return errors;
}

error_list stateful_set_spec(const json& spec) {
  error_list errors;
  auto management = text(spec, "podManagementPolicy");
  if (management.empty())
    errors.push_back(required(spec_path.child("podManagementPolicy")));
  else if (management != "OrderedReady" && management != "Parallel")
    errors.push_back(invalid(spec_path.child("podManagementPolicy"), go_quote(management),
                             "must be 'OrderedReady' or 'Parallel'"));
  append(errors, stateful_update_strategy(spec));
  append(errors, retention_policy(spec));
  append(errors, non_negative(integer_or_zero(spec, "replicas"), spec_path.child("replicas")));
  append(errors, non_negative(integer_or_zero(spec, "minReadySeconds"),
                              spec_path.child("minReadySeconds")));
  if (const json* ordinals = member(spec, "ordinals"))
    append(errors,
           non_negative(integer_or_zero(*ordinals, "start"), spec_path.child("ordinals.start")));
  auto selector = required_selector(spec, "statefulset", "", spec_path, errors);
  if (selector) append(errors, stateful_template(dictionary(spec, "template"), *selector));
  append(errors, always_restarting_template(dictionary(spec, "template"), "StatefulSet",
                                            spec_path.child("template")));
  return errors;
}

}  // namespace

error_list validate_stateful_set(const json& object) {
  error_list errors = validate_object_meta(object, {true, &dns_label_name_errors, true});
  append(errors, stateful_set_spec(dictionary(object, "spec")));
  return errors;
}

error_list validate_stateful_set_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  append(errors, stateful_set_spec(dictionary(object, "spec")));
  json spec = dictionary(object, "spec");
  const json& old_spec = dictionary(old, "spec");
  for (const char* key : {"replicas", "template", "updateStrategy", "minReadySeconds", "ordinals",
                          "persistentVolumeClaimRetentionPolicy"}) {
    spec.erase(key);
    if (const json* value = member(old_spec, key)) spec[key] = *value;
  }
  if (!semantically_equal(spec, old_spec))
    errors.push_back(forbidden(
        spec_path,
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "
        "'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "
        "forbidden"));
  return errors;
}

error_list validate_stateful_set_status_update(const json& object, const json& old) {
  const json& status = dictionary(object, "status");
  error_list errors = non_negative_fields(
      status,
      {"replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"},
      status_path);
  for (const char* key : {"observedGeneration", "collisionCount"})
    if (auto value = integer_member(status, key))
      append(errors, non_negative(*value, status_path.child(key)));
  const char* message = "cannot be greater than status.replicas";
  for (const char* key :
       {"readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"})
    append(errors, not_greater(status, key, "replicas", message, status_path));
  append(errors, not_greater(status, "availableReplicas", "readyReplicas",
                             "cannot be greater than status.readyReplicas", status_path));
  append(errors, validate_object_meta_update(object, old, {}));
  append(errors, collision_count(object, old));
  return errors;
}

}  // namespace troupe::api::validation
