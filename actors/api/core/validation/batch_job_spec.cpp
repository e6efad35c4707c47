#include "actors/api/core/validation/batch_job_spec.hpp"

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_spec_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

// maxParallelismForIndexedJob.
constexpr std::int64_t indexed_parallelism_max = 100000;

error_list counts(const json& spec, const field_path& path) {
  error_list errors;
  for (const char* key : {"parallelism", "completions", "activeDeadlineSeconds", "backoffLimit",
                          "ttlSecondsAfterFinished", "backoffLimitPerIndex", "maxFailedIndexes"})
    if (auto value = integer_member(spec, key))
      append(errors, non_negative(*value, path.child(key)));
  bool indexed = text(spec, "completionMode") == "Indexed";
  if (auto per_index = integer_member(spec, "backoffLimitPerIndex"); per_index && !indexed)
    errors.push_back(invalid(path.child("backoffLimitPerIndex"), std::to_string(*per_index),
                             "requires indexed completion mode"));
  if (auto max_failed = integer_member(spec, "maxFailedIndexes");
      max_failed && !present(spec, "backoffLimitPerIndex"))
    errors.push_back(
        required(path.child("backoffLimitPerIndex"), "when maxFailedIndexes is specified"));
  return errors;
}

error_list completion_mode(const json& spec, const field_path& path) {
  const json* mode = member(spec, "completionMode");
  if (mode == nullptr) return {};
  auto value = mode->is_string() ? mode->get<std::string>() : std::string();
  error_list errors;
  if (value != "NonIndexed" && value != "Indexed")
    errors.push_back(
        not_supported(path.child("completionMode"), go_quote(value), {"NonIndexed", "Indexed"}));
  if (value != "Indexed") return errors;
  if (!present(spec, "completions"))
    errors.push_back(required(path.child("completions"), "when completion mode is Indexed"));
  if (auto parallelism = integer_member(spec, "parallelism");
      parallelism && *parallelism > indexed_parallelism_max)
    errors.push_back(
        invalid(path.child("parallelism"), std::to_string(*parallelism),
                "must be less than or equal to 100000 when completion mode is Indexed"));
  return errors;
}

}  // namespace

error_list job_spec_common(const json& spec, const field_path& path) {
  error_list errors = counts(spec, path);
  append(errors, completion_mode(spec, path));
  const json& template_spec = dictionary(spec, "template");
  append(errors, validate_pod_template_spec(template_spec, path.child("template")));
  auto policy = text(dictionary(template_spec, "spec"), "restartPolicy");
  auto policy_path = path.child("template").child("spec").child("restartPolicy");
  if (policy != "OnFailure" && policy != "Never")
    errors.push_back(not_supported(policy_path, go_quote(policy), {"OnFailure", "Never"}));
  else if (policy == "OnFailure" && present(spec, "podFailurePolicy"))
    errors.push_back(invalid(policy_path, go_quote(policy),
                             "only \"Never\" is supported when podFailurePolicy is specified"));
  return errors;
}

}  // namespace troupe::api::validation
