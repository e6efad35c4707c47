// LabelSelector objects in specs (metav1 validation ValidateLabelSelector
// with AllowInvalidLabelValueInSelector false) and the two questions
// workload validation asks of them: whether LabelSelectorAsSelector accepts
// it, and whether it selects a set of labels (a nil selector selects
// nothing, an empty one everything, as in kube).
// Pure; never throws.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"
#include "messages/core/label_selector.hpp"

namespace troupe::api::validation {

// matchLabels, then each matchExpressions[i]: operator, key, values.
// A null or absent selector has no errors.
error_list label_selector(const nlohmann::json* selector, const field_path& path);

// LabelSelectorAsSelector: the selector, or nothing when kube would return
// an error. A null selector is labels.Nothing().
std::optional<troupe::label_selector> as_selector(const nlohmann::json* selector);

// labels.Selector.Empty(): true only for a selector with no requirement
// (Nothing() is not empty).
bool selects_everything(const troupe::label_selector& selector);

}  // namespace troupe::api::validation
