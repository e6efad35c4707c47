#include "messages/core/object_names.hpp"

#include <initializer_list>

#include "messages/core/validation_messages.hpp"

namespace troupe {

namespace {

constexpr std::string_view label_regex = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view subdomain_regex =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr std::string_view dns1035_regex = "[a-z]([-a-z0-9]*[a-z0-9])?";

constexpr std::string_view label_description =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end with an alphanumeric character";
constexpr std::string_view subdomain_description =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character";
constexpr std::string_view dns1035_description =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
    "alphabetic character, and end with an alphanumeric character";

bool is_lower_alphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Matches [a-z0-9]([-a-z0-9]*[a-z0-9])? (any length).
bool matches_label(std::string_view value) {
  if (value.empty()) return false;
  if (!is_lower_alphanumeric(value.front()) || !is_lower_alphanumeric(value.back())) return false;
  for (char c : value)
    if (!is_lower_alphanumeric(c) && c != '-') return false;
  return true;
}

// Matches labels joined by single dots (any length).
bool matches_subdomain(std::string_view value) {
  while (true) {
    auto dot = value.find('.');
    if (!matches_label(value.substr(0, dot))) return false;
    if (dot == std::string_view::npos) return true;
    value.remove_prefix(dot + 1);
  }
}

bool matches_dns1035_label(std::string_view value) {
  return matches_label(value) && value.front() >= 'a' && value.front() <= 'z';
}

// Kube's maskTrailingDash (see the header for the single "-" case).
std::string_view mask_trailing_dash(std::string_view name, std::string& storage) {
  if (name.empty() || name.back() != '-') return name;
  if (name.size() == 1) return {};
  storage = std::string(name.substr(0, name.size() - 2)) + "a";
  return storage;
}

}  // namespace

std::vector<std::string> dns1123_label_errors(std::string_view value) {
  std::vector<std::string> errors;
  if (value.size() > dns1123_label_bytes_max)
    errors.push_back(max_length_message(dns1123_label_bytes_max));
  if (!matches_label(value)) {
    // A valid subdomain that is not a label can only differ by its dots.
    if (matches_subdomain(value))
      errors.emplace_back("must not contain dots");
    else
      errors.push_back(regex_message(label_description, label_regex, {"my-name", "123-abc"}));
  }
  return errors;
}

std::vector<std::string> dns1123_subdomain_errors(std::string_view value) {
  std::vector<std::string> errors;
  if (value.size() > dns1123_subdomain_bytes_max)
    errors.push_back(max_length_message(dns1123_subdomain_bytes_max));
  if (!matches_subdomain(value))
    errors.push_back(regex_message(subdomain_description, subdomain_regex, {"example.com"}));
  return errors;
}

std::vector<std::string> dns1035_label_errors(std::string_view value) {
  std::vector<std::string> errors;
  if (value.size() > dns1035_label_bytes_max)
    errors.push_back(max_length_message(dns1035_label_bytes_max));
  if (!matches_dns1035_label(value))
    errors.push_back(regex_message(dns1035_description, dns1035_regex, {"my-name", "abc-123"}));
  return errors;
}

std::vector<std::string> dns_subdomain_name_errors(std::string_view name, name_form form) {
  std::string storage;
  if (form == name_form::generate_name_prefix) name = mask_trailing_dash(name, storage);
  return dns1123_subdomain_errors(name);
}

std::vector<std::string> dns_label_name_errors(std::string_view name, name_form form) {
  std::string storage;
  if (form == name_form::generate_name_prefix) name = mask_trailing_dash(name, storage);
  return dns1123_label_errors(name);
}

std::vector<std::string> dns1035_label_name_errors(std::string_view name, name_form form) {
  std::string storage;
  if (form == name_form::generate_name_prefix) name = mask_trailing_dash(name, storage);
  return dns1035_label_errors(name);
}

std::vector<std::string> path_segment_name_errors(std::string_view name, name_form form) {
  if (form == name_form::name) {
    if (name == ".") return {"may not be '.'"};
    if (name == "..") return {"may not be '..'"};
  }
  std::vector<std::string> errors;
  if (name.find('/') != std::string_view::npos) errors.emplace_back("may not contain '/'");
  if (name.find('%') != std::string_view::npos) errors.emplace_back("may not contain '%'");
  return errors;
}

}  // namespace troupe
