#include "actors/api/core/validation/pod_validation.hpp"

#include <limits>
#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/pod_containers.hpp"
#include "actors/api/core/validation/pod_scheduling.hpp"
#include "actors/api/core/validation/pod_spec_validation.hpp"
#include "actors/api/core/validation/semantic_equal.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");
constexpr std::int64_t int32_max = std::numeric_limits<std::int32_t>::max();
// Differences listed after the update refusal; enough to find the change.
constexpr std::size_t listed_differences_max = 20;

const char* const updatable_fields =
    "pod updates may not change fields other than `spec.containers[*].image`,"
    "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only "
    "additions "
    "to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it "
    "was "
    "previously negative)";

// validatePodMetadataAndSpec.
error_list metadata_and_spec(const json& pod) {
  const json& spec = dictionary(pod, "spec");
  const json& meta = dictionary(pod, "metadata");
  error_list errors = validate_object_meta(pod, {});
  append(errors, pod_specific_annotations(dictionary(meta, "annotations"), spec,
                                          field_path("metadata").child("annotations")));
  append(errors, validate_pod_spec(spec, spec_path, {true, text(meta, "name")}));
  if (text(spec, "serviceAccountName").empty()) {
    const json& volumes = list(spec, "volumes");
    for (std::size_t v = 0; v < volumes.size(); ++v) {
      const json& sources = list(dictionary(volumes[v], "projected"), "sources");
      for (std::size_t s = 0; s < sources.size(); ++s)
        if (present(sources[s], "serviceAccountToken"))
          errors.push_back(forbidden(spec_path.child("volumes")
                                         .index(v)
                                         .child("projected")
                                         .child("sources")
                                         .index(s)
                                         .child("serviceAccountToken"),
                                     "must not be specified when serviceAccountName is not set"));
    }
  }
  append(errors, image_whitespace(list(spec, "containers"), spec_path.child("containers")));
  append(errors, image_whitespace(list(spec, "initContainers"), spec_path.child("initContainers")));
  return errors;
}

// ValidateContainerUpdates; true when the count changed (validation stops).
bool container_updates(const json& containers, const json& old, const field_path& path,
                       error_list& errors) {
  if (containers.size() != old.size()) {
    errors.push_back(forbidden(path, "pod updates may not add or remove containers"));
    return true;
  }
  for (std::size_t i = 0; i < containers.size(); ++i)
    if (text(containers[i], "image").empty())
      errors.push_back(required(path.index(i).child("image")));
  append(errors, image_whitespace(containers, path));
  return false;
}

// Only lowering, or setting from nil; false when validation stops here.
bool active_deadline(const json& spec, const json& old_spec, error_list& errors) {
  auto deadline = integer_member(spec, "activeDeadlineSeconds");
  auto old_deadline = integer_member(old_spec, "activeDeadlineSeconds");
  auto path = spec_path.child("activeDeadlineSeconds");
  if (!deadline) {
    if (old_deadline)
      errors.push_back(
          invalid(path, "null", "must not update from a positive integer to nil value"));
    return true;
  }
  if (*deadline < 0 || *deadline > int32_max) {
    errors.push_back(
        invalid(path, std::to_string(*deadline), inclusive_range_message(0, int32_max)));
    return false;
  }
  if (old_deadline && *old_deadline < *deadline) {
    errors.push_back(
        invalid(path, std::to_string(*deadline), "must be less than or equal to previous value"));
    return false;
  }
  return true;
}

error_list only_added_tolerations(const json& tolerations_now, const json& old,
                                  const field_path& path) {
  for (const auto& existing : old) {
    bool found = false;
    for (const auto& candidate : tolerations_now) {
      json relaxed = existing;
      if (relaxed.is_object()) {
        relaxed.erase("tolerationSeconds");
        if (const json* seconds = member(candidate, "tolerationSeconds"))
          relaxed["tolerationSeconds"] = *seconds;
      }
      found = found || semantically_equal(relaxed, candidate);
    }
    if (!found)
      return {
          forbidden(path, "existing toleration can not be modified except its tolerationSeconds")};
  }
  return tolerations(tolerations_now, path);
}

error_list only_deleted_scheduling_gates(const json& gates, const json& old,
                                         const field_path& path) {
  std::set<std::string> before;
  for (const auto& gate : old) before.insert(text(gate, "name"));
  error_list errors;
  for (std::size_t i = 0; i < gates.size(); ++i)
    if (before.count(text(gates[i], "name")) == 0)
      errors.push_back(forbidden(path.index(i).child("name"),
                                 "only deletion is allowed, but found new scheduling gate '" +
                                     text(gates[i], "name") + "'"));
  return errors;
}

// The new spec with every field a pod update may change set back to the old value.
json munged_spec(const json& spec, const json& old_spec) {
  json munged = spec.is_object() ? spec : json::object();
  for (const char* group : {"containers", "initContainers"}) {
    const json& old_containers = list(old_spec, group);
    if (!munged.contains(group) || !munged[group].is_array()) continue;
    for (std::size_t i = 0; i < munged[group].size() && i < old_containers.size(); ++i)
      if (!munged[group][i].is_object())
        continue;
      else if (const json* image = member(old_containers[i], "image"))
        munged[group][i]["image"] = *image;
      else
        munged[group][i].erase("image");
  }
  for (const char* key : {"activeDeadlineSeconds", "schedulingGates", "tolerations"}) {
    munged.erase(key);
    if (const json* value = member(old_spec, key)) munged[key] = *value;
  }
  auto old_grace = integer_member(old_spec, "terminationGracePeriodSeconds");
  if (old_grace && *old_grace < 0 && integer_member(munged, "terminationGracePeriodSeconds") == 1)
    munged["terminationGracePeriodSeconds"] = *old_grace;
  return munged;
}

error_list spec_update(const json& spec, const json& old_spec) {
  error_list errors;
  if (container_updates(list(spec, "containers"), list(old_spec, "containers"),
                        spec_path.child("containers"), errors) ||
      container_updates(list(spec, "initContainers"), list(old_spec, "initContainers"),
                        spec_path.child("initContainers"), errors))
    return errors;
  if (!active_deadline(spec, old_spec, errors)) return errors;
  append(errors, only_added_tolerations(list(spec, "tolerations"), list(old_spec, "tolerations"),
                                        spec_path.child("tolerations")));
  append(errors, only_deleted_scheduling_gates(list(spec, "schedulingGates"),
                                               list(old_spec, "schedulingGates"),
                                               spec_path.child("schedulingGates")));
  json munged = munged_spec(spec, old_spec);
  if (!semantically_equal(munged, old_spec)) {
    auto found = differences(old_spec, munged, "spec", listed_differences_max);
    errors.push_back(
        forbidden(spec_path, std::string(updatable_fields) + "\n" + describe_differences(found)));
  }
  return errors;
}

}  // namespace

error_list validate_pod_create(const json& pod) {
  error_list errors = metadata_and_spec(pod);
  const json& spec = dictionary(pod, "spec");
  if (non_empty(spec, "ephemeralContainers"))
    errors.push_back(forbidden(spec_path.child("ephemeralContainers"), "cannot be set on create"));
  if (!text(spec, "nodeName").empty() && non_empty(spec, "schedulingGates"))
    errors.push_back(forbidden(spec_path.child("nodeName"),
                               "cannot be set until all schedulingGates have been cleared"));
  return errors;
}

error_list validate_pod_update(const json& pod, const json& old) {
  error_list errors = validate_object_meta_update(pod, old, {});
  append(errors, metadata_and_spec(pod));
  append(errors, spec_update(dictionary(pod, "spec"), dictionary(old, "spec")));
  return errors;
}

}  // namespace troupe::api::validation
