#include "actors/api/core/schema/go_base64.hpp"

namespace troupe::api::schema {

namespace {

bool is_alphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

bool is_newline(char c) {
  return c == '\n' || c == '\r';
}

std::size_t skip_newlines(std::string_view text, std::size_t index) {
  while (index < text.size() && is_newline(text[index])) ++index;
  return index;
}

struct quantum_result {
  std::size_t next = 0;              // where the next quantum starts
  std::optional<std::size_t> error;  // Go's CorruptInputError offset
  bool done = false;                 // padding or the end was reached
};

// The padding after `collected` symbols of a quantum; `index` is just past
// the first '='.
quantum_result finish_padding(std::string_view text, std::size_t index, std::size_t collected) {
  if (collected < 2) return {index, index - 1, true};
  if (collected == 2) {
    index = skip_newlines(text, index);
    if (index == text.size()) return {index, text.size(), true};
    if (text[index] != '=') return {index, index - 1, true};
    ++index;
  }
  index = skip_newlines(text, index);
  if (index < text.size()) return {index, index, true};
  return {index, std::nullopt, true};
}

// One 4-symbol quantum starting at `index`, as Go's decodeQuantum reads it.
quantum_result decode_quantum(std::string_view text, std::size_t index) {
  std::size_t collected = 0;
  while (collected < 4) {
    if (index == text.size()) {
      if (collected == 0) return {index, std::nullopt, true};
      return {index, index - collected, true};
    }
    char symbol = text[index++];
    if (is_alphabet(symbol)) {
      ++collected;
      continue;
    }
    if (is_newline(symbol)) continue;
    if (symbol != '=') return {index, index - 1, true};
    return finish_padding(text, index, collected);
  }
  return {index, std::nullopt, false};
}

}  // namespace

std::optional<std::size_t> go_base64_error_offset(std::string_view text) {
  std::size_t index = 0;
  while (index < text.size()) {
    auto quantum = decode_quantum(text, index);
    if (quantum.error) return quantum.error;
    if (quantum.done) return std::nullopt;
    index = quantum.next;
  }
  return std::nullopt;
}

std::string go_base64_error_message(std::size_t offset) {
  return "illegal base64 data at input byte " + std::to_string(offset);
}

}  // namespace troupe::api::schema
