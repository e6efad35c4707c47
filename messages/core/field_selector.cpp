#include "messages/core/field_selector.hpp"

#include <algorithm>

namespace troupe {

namespace {

using error = field_selector_error;

// Bytes in the UTF-8 sequence a lead byte starts (1 for ASCII and strays).
std::size_t utf8_sequence_bytes(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

// splitTerms: split at commas not preceded by an escaping backslash; the
// terms keep their backslashes. UTF-8 continuation bytes are never ',' or
// '\\', so walking bytes splits exactly as Kubernetes walking runes.
std::vector<std::string_view> split_terms(std::string_view selector) {
  std::vector<std::string_view> terms;
  if (selector.empty()) return terms;
  std::size_t start = 0;
  bool escaped = false;
  for (std::size_t i = 0; i < selector.size(); ++i) {
    if (escaped) {
      escaped = false;
    } else if (selector[i] == '\\') {
      escaped = true;
    } else if (selector[i] == ',') {
      terms.push_back(selector.substr(start, i - start));
      start = i + 1;
    }
  }
  terms.push_back(selector.substr(start));
  return terms;
}

struct split_term_result {
  std::string_view field;
  field_operator op;
  std::string_view raw_value;
};

// splitTerm: the first position where "!=", "==" or "=" starts (tried in
// that order) separates the field from the still-escaped value.
std::optional<split_term_result> split_term(std::string_view term) {
  for (std::size_t i = 0; i < term.size(); ++i) {
    auto rest = term.substr(i);
    if (rest.starts_with("!="))
      return split_term_result{term.substr(0, i), field_operator::not_equals, rest.substr(2)};
    if (rest.starts_with("=="))
      return split_term_result{term.substr(0, i), field_operator::equals, rest.substr(2)};
    if (rest.starts_with("="))
      return split_term_result{term.substr(0, i), field_operator::equals, rest.substr(1)};
  }
  return std::nullopt;
}

}  // namespace

std::string escape_field_value(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == ',' || c == '=') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

std::variant<std::string, field_selector_error> unescape_field_value(std::string_view value) {
  std::string unescaped;
  unescaped.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '\\') {
      if (i + 1 == value.size())
        return error{"invalid field selector: invalid escape sequence: \\"};
      char next = value[i + 1];
      if (next != '\\' && next != ',' && next != '=') {
        auto bytes = utf8_sequence_bytes(static_cast<unsigned char>(next));
        return error{"invalid field selector: invalid escape sequence: \\" +
                     std::string(value.substr(i + 1, bytes))};
      }
      unescaped += next;
      ++i;
    } else if (c == ',' || c == '=') {
      // Go prints the rune with %v: its code point in decimal.
      return error{"invalid field selector: unescaped character in value: " +
                   std::to_string(static_cast<int>(c))};
    } else {
      unescaped += c;
    }
  }
  return unescaped;
}

field_selector::field_selector(std::vector<field_requirement> requirements)
    : requirements_(std::move(requirements)) {}

field_selector_result field_selector::parse(std::string_view text) {
  if (text.size() > field_selector_bytes_max)
    return error{"field selector is longer than " + std::to_string(field_selector_bytes_max) +
                 " bytes"};
  auto terms = split_terms(text);
  if (terms.size() > field_selector_terms_max)
    return error{"field selector has more than " + std::to_string(field_selector_terms_max) +
                 " terms"};
  std::sort(terms.begin(), terms.end());
  std::vector<field_requirement> requirements;
  for (auto term : terms) {
    if (term.empty()) continue;
    auto split = split_term(term);
    if (!split) {
      std::string message = "invalid selector: '";
      message += text;
      message += "'; can't understand '";
      message += term;
      message += "'";
      return error{message};
    }
    auto value = unescape_field_value(split->raw_value);
    if (auto* failure = std::get_if<error>(&value)) return *failure;
    auto& unescaped = std::get<std::string>(value);
    // Kubernetes' Transform drops a term whose field and value are both empty.
    if (split->field.empty() && unescaped.empty()) continue;
    requirements.push_back({std::string(split->field), split->op, std::move(unescaped)});
  }
  return field_selector(std::move(requirements));
}

bool field_selector::matches(const std::map<std::string, std::string>& fields) const {
  return std::all_of(requirements_.begin(), requirements_.end(), [&](const auto& requirement) {
    auto it = fields.find(requirement.field);
    std::string_view actual = it == fields.end() ? std::string_view() : it->second;
    bool equal = actual == requirement.value;
    return requirement.op == field_operator::equals ? equal : !equal;
  });
}

std::string field_selector::to_string() const {
  std::string text;
  for (std::size_t i = 0; i < requirements_.size(); ++i) {
    const auto& requirement = requirements_[i];
    if (i > 0) text += ",";
    text += requirement.field;
    text += requirement.op == field_operator::equals ? "=" : "!=";
    text += escape_field_value(requirement.value);
  }
  return text;
}

std::vector<std::string> field_selector::field_names() const {
  std::set<std::string> names;
  for (const auto& requirement : requirements_) names.insert(requirement.field);
  return {names.begin(), names.end()};
}

std::optional<std::string> field_selector::required_value(std::string_view field) const {
  for (const auto& requirement : requirements_)
    if (requirement.field == field && requirement.op == field_operator::equals)
      return requirement.value;
  return std::nullopt;
}

std::optional<field_selector_error> check_supported_fields(const field_selector& selector,
                                                           const std::set<std::string>& supported) {
  for (const auto& name : selector.field_names())
    if (!supported.contains(name)) return error{"field label not supported: " + name};
  return std::nullopt;
}

}  // namespace troupe
