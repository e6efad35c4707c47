// Jobs (kube's ValidateJob, ValidateJobUpdate, ValidateJobStatusUpdate).
#include "actors/api/core/validation/batch_job_spec.hpp"
#include "actors/api/core/validation/batch_validation.hpp"
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/selector_validation.hpp"
#include "actors/api/core/validation/semantic_equal.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "actors/api/core/validation/workloads_common.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");
const field_path status_path("status");

bool indexed(const json& spec) {
  return text(spec, "completionMode") == "Indexed";
}

// ValidateJobSpec: the common spec, then the selector kube always has by now.
error_list job_spec(const json& spec) {
  error_list errors = job_spec_common(spec, spec_path);
  const json* selector = member(spec, "selector");
  if (selector == nullptr) {
    if (flag(spec, "manualSelector")) errors.push_back(required(spec_path.child("selector")));
    return errors;
  }
  append(errors, label_selector(selector, spec_path.child("selector")));
  if (auto parsed = as_selector(selector))
    append(errors, selector_matches_template(*parsed, dictionary(spec, "template"),
                                             spec_path.child("template")));
  return errors;
}

// The longest pod hostname an Indexed Job creates must be a DNS label.
error_list indexed_hostname(const json& object) {
  const json& spec = dictionary(object, "spec");
  auto completions = integer_member(spec, "completions");
  if (!indexed(spec) || !completions || *completions <= 0) return {};
  auto name = text(dictionary(object, "metadata"), "name");
  auto hostname = name + "-" + std::to_string(*completions - 1);
  if (dns1123_label_errors(hostname).empty()) return {};
  return {invalid(field_path("metadata").child("name"), go_quote(name),
                  "will not able to create pod with invalid DNS label: " + hostname)};
}

void immutable(error_list& errors, const json& spec, const json& old_spec, const char* key,
               bool pointer_to_string) {
  const json* value = member(spec, key);
  const json* old_value = member(old_spec, key);
  bool same = (value == nullptr && old_value == nullptr) ||
              (value != nullptr && old_value != nullptr && semantically_equal(*value, *old_value));
  if (same) return;
  std::string shown = value == nullptr ? "null" : pointer_to_string ? go_scalar(*value) : "...";
  errors.push_back(invalid(spec_path.child(key), shown, "field is immutable"));
}

}  // namespace

error_list validate_job(const json& object) {
  error_list errors = validate_object_meta(object, {});
  append(errors, job_spec(dictionary(object, "spec")));
  append(errors, indexed_hostname(object));
  return errors;
}

error_list validate_job_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  const json& spec = dictionary(object, "spec");
  const json& old_spec = dictionary(old, "spec");
  append(errors, job_spec(spec));
  if (indexed(spec) && indexed(old_spec)) {
    auto completions = integer_member(spec, "completions");
    auto parallelism = integer_member(spec, "parallelism");
    if (completions && parallelism && *completions != *parallelism)
      errors.push_back(invalid(spec_path.child("completions"), std::to_string(*completions),
                               "can only be modified in tandem with spec.parallelism"));
  } else {
    immutable(errors, spec, old_spec, "completions", true);
  }
  if (!semantically_equal(dictionary(spec, "selector"), dictionary(old_spec, "selector")))
    errors.push_back(invalid(spec_path.child("selector"),
                             go_label_selector(dictionary(spec, "selector")),
                             "field is immutable"));
  // A suspended Job that never started may change its template's scheduling
  // directives; its template is left to the create rules then.
  bool never_started =
      flag(old_spec, "suspend") && !present(dictionary(old, "status"), "startTime");
  if (!never_started &&
      !semantically_equal(dictionary(spec, "template"), dictionary(old_spec, "template")))
    errors.push_back(
        invalid(spec_path.child("template"), "core.PodTemplateSpec{...}", "field is immutable"));
  immutable(errors, spec, old_spec, "completionMode", true);
  immutable(errors, spec, old_spec, "podFailurePolicy", false);
  immutable(errors, spec, old_spec, "backoffLimitPerIndex", true);
  return errors;
}

error_list validate_job_status_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  const json& status = dictionary(object, "status");
  append(errors, non_negative_fields(status, {"active", "succeeded", "failed"}, status_path));
  if (auto ready = integer_member(status, "ready"))
    append(errors, non_negative(*ready, status_path.child("ready")));
  if (auto terminating = integer_member(status, "terminating"))
    append(errors, non_negative(*terminating, status_path.child("terminating")));
  return errors;
}

}  // namespace troupe::api::validation
