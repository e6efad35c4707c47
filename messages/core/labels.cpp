#include "messages/core/labels.hpp"

#include <cctype>
#include <initializer_list>

#include "messages/core/object_names.hpp"
#include "messages/core/validation_messages.hpp"

namespace troupe {

namespace {

// The regular expressions Kubernetes quotes in its messages; matching below is
// hand-written to the same grammar.
constexpr std::string_view qualified_name_regex = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr std::string_view label_value_regex = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

constexpr std::string_view qualified_name_rule =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character";
constexpr std::string_view label_value_rule =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    "'.', and must start and end with an alphanumeric character";

bool is_alphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool matches_qualified_name_regex(std::string_view name) {
  if (name.empty() || !is_alphanumeric(name.front()) || !is_alphanumeric(name.back())) return false;
  for (char c : name)
    if (!is_alphanumeric(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

std::string qualified_name_regex_message() {
  return regex_message(qualified_name_rule, qualified_name_regex, {"MyName", "my.name", "123-abc"});
}

}  // namespace

std::vector<std::string> validate_qualified_name(std::string_view value) {
  std::vector<std::string> errors;
  auto slash = value.find('/');
  std::string_view name = value;
  if (slash != std::string_view::npos) {
    if (value.find('/', slash + 1) != std::string_view::npos) {
      errors.push_back(
          "a qualified name " + qualified_name_regex_message() +
          " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errors;
    }
    auto prefix = value.substr(0, slash);
    name = value.substr(slash + 1);
    if (prefix.empty()) {
      errors.push_back("prefix part must be non-empty");
    } else {
      for (auto& message : dns1123_subdomain_errors(prefix))
        errors.push_back("prefix part " + message);
    }
  }
  if (name.empty()) {
    errors.push_back("name part must be non-empty");
  } else if (name.size() > label_name_bytes_max) {
    errors.push_back("name part " + max_length_message(label_name_bytes_max));
  }
  if (!matches_qualified_name_regex(name))
    errors.push_back("name part " + qualified_name_regex_message());
  return errors;
}

std::vector<std::string> validate_label_value(std::string_view value) {
  std::vector<std::string> errors;
  if (value.size() > label_value_bytes_max)
    errors.push_back(max_length_message(label_value_bytes_max));
  if (!value.empty() && !matches_qualified_name_regex(value))
    errors.push_back(
        regex_message(label_value_rule, label_value_regex, {"MyValue", "my_value", "12345"}));
  return errors;
}

std::vector<std::string> validate_annotation_key(std::string_view key) {
  std::string lowered(key);
  for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return validate_qualified_name(lowered);
}

std::optional<std::string> validate_annotations_size(
    const std::map<std::string, std::string>& annotations) {
  std::size_t total_bytes = 0;
  for (const auto& [key, value] : annotations) total_bytes += key.size() + value.size();
  if (total_bytes <= annotations_total_bytes_max) return std::nullopt;
  return "must have at most " + std::to_string(annotations_total_bytes_max) + " bytes";
}

std::string join_messages(const std::vector<std::string>& messages, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    if (i > 0) joined += separator;
    joined += messages[i];
  }
  return joined;
}

}  // namespace troupe
