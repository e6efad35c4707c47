#include "actors/api/core/validation/workloads_common.hpp"

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/pod_spec_validation.hpp"
#include "actors/api/core/validation/selector_validation.hpp"
#include "actors/api/core/validation/semantic_equal.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

std::optional<troupe::label_selector> required_selector(const json& spec, const std::string& what,
                                                        const std::string& parse_detail,
                                                        const field_path& path,
                                                        error_list& errors) {
  const json* selector = member(spec, "selector");
  auto selector_path = path.child("selector");
  if (selector == nullptr) {
    errors.push_back(required(selector_path));
  } else {
    append(errors, label_selector(selector, selector_path));
    if (!non_empty(*selector, "matchLabels") && !non_empty(*selector, "matchExpressions"))
      errors.push_back(invalid(selector_path, go_label_selector(*selector),
                               "empty selector is invalid for " + what));
  }
  auto parsed = as_selector(selector);
  if (!parsed)
    errors.push_back(invalid(
        selector_path, selector != nullptr ? go_label_selector(*selector) : "null", parse_detail));
  return parsed;
}

error_list selector_matches_template(const troupe::label_selector& selector,
                                     const json& template_spec, const field_path& template_path) {
  if (selects_everything(selector)) return {};
  const json* labels_value = member(dictionary(template_spec, "metadata"), "labels");
  if (selector.matches(string_map(labels_value != nullptr ? *labels_value : json()))) return {};
  return {invalid(template_path.child("metadata").child("labels"),
                  go_string_map(labels_value != nullptr ? *labels_value : json()),
                  "`selector` does not match template `labels`")};
}

error_list always_restarting_template(const json& template_spec, const std::string& owner,
                                      const field_path& template_path) {
  error_list errors;
  const json& spec = dictionary(template_spec, "spec");
  auto policy = text(spec, "restartPolicy");
  if (policy != "Always")
    errors.push_back(not_supported(template_path.child("spec").child("restartPolicy"),
                                   go_quote(policy), {"Always"}));
  if (present(spec, "activeDeadlineSeconds"))
    errors.push_back(forbidden(template_path.child("spec").child("activeDeadlineSeconds"),
                               "activeDeadlineSeconds in " + owner + " is not Supported"));
  return errors;
}

error_list replica_set_template(const json& template_spec,
                                const std::optional<troupe::label_selector>& selector,
                                const field_path& template_path) {
  if (!selector) return {};
  error_list errors = selector_matches_template(*selector, template_spec, template_path);
  append(errors, validate_pod_template_spec(template_spec, template_path));
  append(errors, always_restarting_template(template_spec, "ReplicaSet", template_path));
  return errors;
}

error_list immutable_selector(const json& object, const json& old) {
  const json* selector = member(dictionary(object, "spec"), "selector");
  const json* old_selector = member(dictionary(old, "spec"), "selector");
  bool same = (selector == nullptr) == (old_selector == nullptr) &&
              (selector == nullptr || semantically_equal(*selector, *old_selector));
  if (same) return {};
  return {invalid(field_path("spec").child("selector"),
                  selector == nullptr ? "null" : go_label_selector(*selector),
                  "field is immutable")};
}

error_list validate_workload(const json& object, spec_rules spec) {
  error_list errors = validate_object_meta(object, {});
  append(errors, spec(dictionary(object, "spec")));
  return errors;
}

error_list validate_workload_update(const json& object, const json& old, spec_rules spec) {
  error_list errors = validate_object_meta_update(object, old, {});
  append(errors, spec(dictionary(object, "spec")));
  append(errors, immutable_selector(object, old));
  return errors;
}

error_list non_negative_fields(const json& status, std::initializer_list<const char*> keys,
                               const field_path& path) {
  error_list errors;
  for (const char* key : keys)
    append(errors, non_negative(integer_or_zero(status, key), path.child(key)));
  return errors;
}

error_list not_greater(const json& status, const char* key, const char* bound,
                       const std::string& message, const field_path& path) {
  auto value = integer_or_zero(status, key);
  if (value <= integer_or_zero(status, bound)) return {};
  return {invalid(path.child(key), std::to_string(value), message)};
}

error_list collision_count(const json& object, const json& old) {
  auto count = integer_member(dictionary(object, "status"), "collisionCount");
  auto old_count = integer_member(dictionary(old, "status"), "collisionCount");
  bool decremented = (!count && old_count) || (count && old_count && *count < *old_count);
  if (!decremented) return {};
  return {invalid(field_path("status").child("collisionCount"), std::to_string(count.value_or(0)),
                  "cannot be decremented")};
}

}  // namespace troupe::api::validation
