#include "actors/api/core/validation/selector_validation.hpp"

#include <variant>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/labels.hpp"

namespace troupe::api::validation {

namespace {

error_list requirement(const json& expression, const field_path& path) {
  error_list errors;
  auto op = text(expression, "operator");
  bool has_values = non_empty(expression, "values");
  if (op == "In" || op == "NotIn") {
    if (!has_values)
      errors.push_back(
          required(path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (op == "Exists" || op == "DoesNotExist") {
    if (has_values)
      errors.push_back(
          forbidden(path.child("values"),
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else {
    errors.push_back(
        invalid(path.child("operator"), go_quote(op), "not a valid selector operator"));
  }
  append(errors, qualified_name(text(expression, "key"), path.child("key")));
  const json& values = list(expression, "values");
  for (std::size_t i = 0; i < values.size(); ++i) {
    auto value = values[i].is_string() ? values[i].get<std::string>() : std::string();
    append_invalid(errors, path.child("values").index(i), go_quote(value),
                   validate_label_value(value));
  }
  return errors;
}

}  // namespace

error_list label_selector(const json* selector, const field_path& path) {
  if (selector == nullptr || !selector->is_object()) return {};
  error_list errors = labels(dictionary(*selector, "matchLabels"), path.child("matchLabels"));
  const json& expressions = list(*selector, "matchExpressions");
  for (std::size_t i = 0; i < expressions.size(); ++i)
    append(errors, requirement(expressions[i], path.child("matchExpressions").index(i)));
  return errors;
}

std::optional<troupe::label_selector> as_selector(const json* selector) {
  if (selector == nullptr) return troupe::label_selector::nothing();
  auto parsed = troupe::label_selector::from_json(*selector);
  if (auto* result = std::get_if<troupe::label_selector>(&parsed)) return *result;
  return std::nullopt;
}

bool selects_everything(const troupe::label_selector& selector) {
  return selector.empty();
}

}  // namespace troupe::api::validation
