// Shared by the label and selector tests: Kubernetes' rule texts as they
// appear in messages, and parsing helpers that fail the test with the input.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <variant>

namespace troupe::testing {

// IsQualifiedName's rule for the name part (without "name part ").
inline const std::string qualified_name_rule =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

// IsValidLabelValue's rule.
inline const std::string label_value_rule =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
    "'my_value',  or '12345', regex used for validation is "
    "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

// Selector::parse(text), which must succeed.
template <class Selector, class Error>
Selector parsed_selector(const std::string& text) {
  auto result = Selector::parse(text);
  if (auto* failure = std::get_if<Error>(&result)) FAIL(text << ": " << failure->message);
  return std::get<Selector>(result);
}

// The message of Selector::parse(text), which must fail.
template <class Selector, class Error>
std::string selector_parse_error(const std::string& text) {
  auto result = Selector::parse(text);
  if (std::holds_alternative<Selector>(result)) FAIL(text << ": parsed, but should fail");
  return std::get<Error>(result).message;
}

}  // namespace troupe::testing
