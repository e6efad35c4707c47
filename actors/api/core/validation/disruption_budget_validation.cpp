// PodDisruptionBudgets (policy validation's ValidatePodDisruptionBudget*).
#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/policy_validation.hpp"
#include "actors/api/core/validation/selector_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/labels.hpp"
#include "messages/core/validation_messages.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");
const field_path status_path("status");
constexpr std::size_t condition_reason_bytes_max = 1024;
constexpr std::size_t condition_message_bytes_max = 32 * 1024;

bool condition_reason(const std::string& reason) {
  auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (reason.empty() || !letter(reason.front())) return false;
  if (!letter(reason.back()) && !digit(reason.back()) && reason.back() != '_') return false;
  for (char c : reason)
    if (!letter(c) && !digit(c) && c != '_' && c != ',' && c != ':') return false;
  return true;
}

// metav1 ValidateCondition.
error_list condition(const json& entry, const field_path& path) {
  error_list errors = qualified_name(text(entry, "type"), path.child("type"));
  auto status = text(entry, "status");
  if (status != "True" && status != "False" && status != "Unknown")
    errors.push_back(
        not_supported(path.child("status"), go_quote(status), {"False", "True", "Unknown"}));
  if (auto generation = integer_member(entry, "observedGeneration"); generation && *generation < 0)
    errors.push_back(invalid(path.child("observedGeneration"), std::to_string(*generation),
                             "must be greater than or equal to zero"));
  if (!present(entry, "lastTransitionTime") ||
      go_time(*member(entry, "lastTransitionTime")) == go_time(json()))
    errors.push_back(required(path.child("lastTransitionTime"), "must be set"));
  auto reason = text(entry, "reason");
  if (reason.empty()) {
    errors.push_back(required(path.child("reason"), "must be set"));
  } else {
    if (!condition_reason(reason))
      errors.push_back(invalid(
          path.child("reason"), go_quote(reason),
          regex_message("a condition reason must start with alphabetic character, optionally "
                        "followed by a string of alphanumeric characters or '_,:', and must end "
                        "with an alphanumeric character or '_'",
                        "[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?",
                        {"my_name", "MY_NAME", "MyName", "ReasonA,ReasonB", "ReasonA:ReasonB"})));
    if (reason.size() > condition_reason_bytes_max)
      errors.push_back(too_long(path.child("reason"), condition_reason_bytes_max));
  }
  if (text(entry, "message").size() > condition_message_bytes_max)
    errors.push_back(too_long(path.child("message"), condition_message_bytes_max));
  return errors;
}

}  // namespace

error_list validate_pod_disruption_budget(const json& object) {
  const json& spec = dictionary(object, "spec");
  error_list errors;
  const json* minimum = member(spec, "minAvailable");
  const json* maximum = member(spec, "maxUnavailable");
  if (minimum != nullptr && maximum != nullptr)
    errors.push_back(invalid(spec_path, "policy.PodDisruptionBudgetSpec{...}",
                             "minAvailable and maxUnavailable cannot be both set"));
  for (const auto& [key, value] :
       {std::pair{"minAvailable", minimum}, std::pair{"maxUnavailable", maximum}}) {
    if (value == nullptr) continue;
    append(errors, positive_int_or_percent(*value, spec_path.child(key)));
    append(errors, not_more_than_100_percent(*value, spec_path.child(key)));
  }
  append(errors, label_selector(member(spec, "selector"), spec_path.child("selector")));
  if (const json* policy = member(spec, "unhealthyPodEvictionPolicy")) {
    auto value = policy->is_string() ? policy->get<std::string>() : std::string();
    if (value != "IfHealthyBudget" && value != "AlwaysAllow")
      errors.push_back(not_supported(spec_path.child("unhealthyPodEvictionPolicy"), go_quote(value),
                                     {"AlwaysAllow", "IfHealthyBudget"}));
  }
  return errors;
}

error_list validate_pod_disruption_budget_status_update(const json& object, const json&) {
  const json& status = dictionary(object, "status");
  error_list errors;
  const json& conditions = list(status, "conditions");
  std::set<std::string> types;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    auto type = text(conditions[i], "type");
    if (!types.insert(type).second)
      errors.push_back(
          duplicate(status_path.child("conditions").index(i).child("type"), go_quote(type)));
    append(errors, condition(conditions[i], status_path.child("conditions").index(i)));
  }
  for (const char* key : {"disruptionsAllowed", "currentHealthy", "desiredHealthy", "expectedPods"})
    append(errors, non_negative(integer_or_zero(status, key), status_path.child(key)));
  return errors;
}

}  // namespace troupe::api::validation
