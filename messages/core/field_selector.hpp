// Kubernetes field selectors: the syntax of `?fieldSelector=`
// (k8s.io/apimachinery/pkg/fields, selector.go).
//
// Contract (pure; errors are returned, never thrown):
//   - A selector is comma-separated terms (AND), each `field=value`,
//     `field==value` or `field!=value`; the operator is the first "!=", "=="
//     or "=" in the term. Empty terms are skipped; "" selects everything.
//   - In values, `\,` `\=` and `\\` stand for the characters themselves (an
//     escaped comma does not split terms); any other backslash sequence, and
//     an unescaped ',' or '=' in a value, is an error. Field names are not
//     checked here: the api layer refuses the ones a resource does not
//     support (`check_supported_fields`).
//   - A missing field reads as "": `a=` matches objects without `a`, `a!=x`
//     matches them too (Kubernetes' Fields.Get).
//   - Requirements keep Kubernetes' order (terms sorted as written), so
//     `to_string` is Kubernetes' String(): "==" prints as "=", values escaped.
//   - Bounds: input longer than field_selector_bytes_max or with more than
//     field_selector_terms_max terms is refused.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace troupe {

// Field selectors arrive in URLs; real ones hold a handful of terms.
constexpr std::size_t field_selector_bytes_max = 64 * 1024;
constexpr std::size_t field_selector_terms_max = 1'000;

enum class field_operator {
  equals,  // "=" or "=="
  not_equals,
};

struct field_requirement {
  std::string field;
  field_operator op = field_operator::equals;
  std::string value;  // unescaped
  friend bool operator==(const field_requirement&, const field_requirement&) = default;
};

// Why a selector was refused: a message for a 400 BadRequest Status.
struct field_selector_error {
  std::string message;
};

class field_selector;
using field_selector_result = std::variant<field_selector, field_selector_error>;

class field_selector {
 public:
  // Selects every object.
  field_selector() = default;

  static field_selector_result parse(std::string_view text);

  // `fields` maps field paths ("metadata.name", "status.phase") to values.
  bool matches(const std::map<std::string, std::string>& fields) const;
  std::string to_string() const;
  bool empty() const { return requirements_.empty(); }
  const std::vector<field_requirement>& requirements() const { return requirements_; }
  // The fields the selector reads, sorted, each once.
  std::vector<std::string> field_names() const;
  // The value an `=` term demands of `field`, if any (for index lookups).
  std::optional<std::string> required_value(std::string_view field) const;

  friend bool operator==(const field_selector&, const field_selector&) = default;

 private:
  explicit field_selector(std::vector<field_requirement> requirements);

  std::vector<field_requirement> requirements_;
};

// fields.EscapeValue: '\\' ',' '=' get a backslash.
std::string escape_field_value(std::string_view value);
// fields.UnescapeValue.
std::variant<std::string, field_selector_error> unescape_field_value(std::string_view value);

// "field label not supported: <name>" for the first field (in name order)
// that `supported` lacks, else nothing.
std::optional<field_selector_error> check_supported_fields(const field_selector& selector,
                                                           const std::set<std::string>& supported);

}  // namespace troupe
