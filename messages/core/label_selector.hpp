// Kubernetes label selectors: the string syntax of `?labelSelector=`
// (k8s.io/apimachinery/pkg/labels, selector.go) and the JSON `LabelSelector`
// object of workload specs (metav1.LabelSelectorAsSelector).
//
// Contract (pure; errors are returned, never thrown):
//   - `parse` accepts Kubernetes' grammar: comma-separated requirements (AND),
//     each `key`, `!key`, `key=v`, `key==v`, `key!=v`, `key in (a,b)`,
//     `key notin (a,b)`, `key>n` or `key<n` (n an integer), whitespace between
//     tokens; "in"/"notin" are also ordinary values inside a value position.
//     The empty string selects everything. Keys and values are validated by
//     labels.hpp; error messages are Kubernetes' ("unable to parse
//     requirement: ...", "found ',', expected: ...").
//   - `from_json` accepts {matchLabels: {k: v}, matchExpressions: [{key,
//     operator: In|NotIn|Exists|DoesNotExist, values}]}; null selects nothing
//     and {} selects everything, as in Kubernetes.
//   - Invariants of a selector: requirements are sorted by key (stable, so
//     requirements on one key keep their input order); a requirement parsed
//     from a string holds its values sorted and without duplicates.
//   - `to_string` is Kubernetes' String(): parsing it gives an equal selector.
//   - Bounds: input longer than label_selector_bytes_max, more than
//     label_selector_requirements_max requirements or more than
//     label_selector_values_max values in one requirement is refused.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace troupe {

// A selector arrives in a URL or an object from the network; the longest
// real selectors are a few hundred bytes.
constexpr std::size_t label_selector_bytes_max = 64 * 1024;
constexpr std::size_t label_selector_requirements_max = 1'000;
constexpr std::size_t label_selector_values_max = 1'000;

enum class label_operator {
  in,
  not_in,
  equals,         // "="
  double_equals,  // "=="
  not_equals,
  exists,
  does_not_exist,
  greater_than,
  less_than,
};

struct label_requirement {
  std::string key;
  label_operator op = label_operator::exists;
  std::vector<std::string> values;

  // Kubernetes' Requirement.Matches: `!=` and `notin` match when the key is
  // absent; `>`/`<` compare base-10 int64 values and fail on anything else.
  bool matches(const std::map<std::string, std::string>& labels) const;
  // "key in (a,b)", "!key", "key!=v": values sorted, operator as written.
  std::string to_string() const;
  friend bool operator==(const label_requirement&, const label_requirement&) = default;
};

// Why a selector was refused: a message for a 400 BadRequest Status.
struct label_selector_error {
  std::string message;
};

class label_selector;
using label_selector_result = std::variant<label_selector, label_selector_error>;

class label_selector {
 public:
  // Selects every object (the empty selector).
  label_selector() = default;
  // Selects no object (Kubernetes' labels.Nothing(), from a null selector).
  static label_selector nothing();

  static label_selector_result parse(std::string_view text);
  static label_selector_result from_json(const nlohmann::json& selector);

  bool matches(const std::map<std::string, std::string>& labels) const;
  // Requirements joined by ","; "" for both everything and nothing.
  std::string to_string() const;
  // True when the selector restricts nothing.
  bool empty() const { return !nothing_ && requirements_.empty(); }
  bool selects_nothing() const { return nothing_; }
  const std::vector<label_requirement>& requirements() const { return requirements_; }

  friend bool operator==(const label_selector&, const label_selector&) = default;

 private:
  explicit label_selector(std::vector<label_requirement> requirements);

  std::vector<label_requirement> requirements_;
  bool nothing_ = false;
};

}  // namespace troupe
