#include "messages/core/validation_messages.hpp"

namespace troupe {

std::string max_length_message(std::size_t length) {
  return "must be no more than " + std::to_string(length) + " characters";
}

std::string regex_message(std::string_view rule, std::string_view regex,
                          std::initializer_list<std::string_view> examples) {
  std::string message(rule);
  message += " (e.g. ";
  bool first = true;
  for (auto example : examples) {
    if (!first) message += " or ";
    first = false;
    message += "'";
    message += example;
    message += "', ";
  }
  message += "regex used for validation is '";
  message += regex;
  message += "')";
  return message;
}

}  // namespace troupe
