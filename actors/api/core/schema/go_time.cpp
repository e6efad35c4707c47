#include "actors/api/core/schema/go_time.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace troupe::api::schema {

namespace {

// The layout elements Go's nextStdChunk finds in the two layouts.
enum class element {
  long_year,
  zero_month,
  zero_day,
  hour,
  zero_minute,
  zero_second,
  micro_fraction,
  colon_zone
};

struct chunk {
  std::string_view prefix;  // literal text before the element
  element what;
  std::string_view text;  // the element as the layout spells it
};

constexpr std::string_view rfc3339_text = "2006-01-02T15:04:05Z07:00";
constexpr std::string_view rfc3339_micro_text = "2006-01-02T15:04:05.000000Z07:00";

std::vector<chunk> chunks_of(go_time_layout layout) {
  std::vector<chunk> chunks{{"", element::long_year, "2006"},  {"-", element::zero_month, "01"},
                            {"-", element::zero_day, "02"},    {"T", element::hour, "15"},
                            {":", element::zero_minute, "04"}, {":", element::zero_second, "05"}};
  if (layout == go_time_layout::rfc3339_micro)
    chunks.push_back({"", element::micro_fraction, ".000000"});
  chunks.push_back({"", element::colon_zone, "Z07:00"});
  return chunks;
}

bool is_digit(std::string_view text, std::size_t index) {
  return index < text.size() && text[index] >= '0' && text[index] <= '9';
}

// Go's getnum: one or two digits (exactly two when fixed).
std::optional<int> take_number(std::string_view& text, bool fixed) {
  if (!is_digit(text, 0)) return std::nullopt;
  if (!is_digit(text, 1)) {
    if (fixed) return std::nullopt;
    int number = text[0] - '0';
    text.remove_prefix(1);
    return number;
  }
  int number = (text[0] - '0') * 10 + (text[1] - '0');
  text.remove_prefix(2);
  return number;
}

// Go's atoi on a short digit field: an optional sign, then only digits.
std::optional<std::int64_t> parse_integer(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

bool is_leap(std::int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in(int month, std::int64_t year) {
  constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return days[static_cast<std::size_t>(month - 1)];
}

struct parse_state {
  std::string_view value;  // what is left of the input
  std::int64_t year = 0;
  int month = 1;
  int day = 1;
  std::string range_error;  // "month": the element is out of range
  bool bad = false;         // the element does not match
};

void parse_zone(parse_state& state) {
  auto& value = state.value;
  if (!value.empty() && value.front() == 'Z') {
    value.remove_prefix(1);
    return;
  }
  if (value.size() < 6 || value[3] != ':') {
    state.bad = true;
    return;
  }
  std::string_view hours = value.substr(1, 2);
  std::string_view minutes = value.substr(4, 2);
  char sign = value.front();
  value.remove_prefix(6);
  auto hour = take_number(hours, true);
  auto minute = hour ? take_number(minutes, true) : std::nullopt;
  if (hour && *hour > 24) state.range_error = "time zone offset hour";
  if (minute && *minute > 60) state.range_error = "time zone offset minute";
  if (!hour || !minute || (sign != '+' && sign != '-')) state.bad = true;
}

// A fraction ".123" after the seconds of a layout without one is accepted.
void skip_unexpected_fraction(parse_state& state, go_time_layout layout) {
  auto& value = state.value;
  if (layout == go_time_layout::rfc3339_micro) return;
  if (value.size() < 2 || (value[0] != '.' && value[0] != ',') || !is_digit(value, 1)) return;
  std::size_t end = 2;
  while (is_digit(value, end)) ++end;
  value.remove_prefix(end);
}

void parse_fraction(parse_state& state) {
  auto& value = state.value;
  constexpr std::size_t width = 7;  // the separator and six digits
  if (value.size() < width || (value[0] != '.' && value[0] != ',')) {
    state.bad = true;
    return;
  }
  auto digits = parse_integer(value.substr(1, width - 1));
  value.remove_prefix(width);
  if (!digits)
    state.bad = true;
  else if (*digits < 0)
    state.range_error = "fractional second";
}

void parse_element(parse_state& state, element what, go_time_layout layout) {
  auto& value = state.value;
  std::optional<int> number;
  switch (what) {
    case element::long_year: {
      if (value.size() < 4 || !is_digit(value, 0)) {
        state.bad = true;
        return;
      }
      auto year = parse_integer(value.substr(0, 4));
      value.remove_prefix(4);
      if (!year) state.bad = true;
      state.year = year.value_or(0);
      return;
    }
    case element::zero_month:
      number = take_number(value, true);
      if (number && (*number < 1 || *number > 12)) state.range_error = "month";
      state.month = number.value_or(0);
      break;
    case element::zero_day:
      number = take_number(value, true);
      state.day = number.value_or(0);
      break;
    case element::hour:
      number = take_number(value, false);
      if (number && *number >= 24) state.range_error = "hour";
      break;
    case element::zero_minute:
      number = take_number(value, true);
      if (number && *number >= 60) state.range_error = "minute";
      break;
    case element::zero_second:
      number = take_number(value, true);
      if (!number) break;
      if (*number >= 60) {
        state.range_error = "second";
        return;
      }
      skip_unexpected_fraction(state, layout);
      return;
    case element::micro_fraction:
      return parse_fraction(state);
    case element::colon_zone:
      return parse_zone(state);
  }
  if (!number) state.bad = true;
}

}  // namespace

std::string go_time_quote(std::string_view text) {
  constexpr std::string_view hex = "0123456789abcdef";
  std::string quoted = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x80) {
      quoted += "\\x";
      quoted += hex[byte >> 4];
      quoted += hex[byte & 0xF];
      continue;
    }
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::optional<std::string> go_time_parse_error(std::string_view value, go_time_layout layout) {
  std::string_view layout_text =
      layout == go_time_layout::rfc3339 ? rfc3339_text : rfc3339_micro_text;
  auto cannot_parse = [&](std::string_view rest, std::string_view layout_element) {
    return "parsing time " + go_time_quote(value) + " as " + go_time_quote(layout_text) +
           ": cannot parse " + go_time_quote(rest) + " as " + go_time_quote(layout_element);
  };
  auto with_message = [&](const std::string& message) {
    return "parsing time " + go_time_quote(value) + message;
  };
  parse_state state{value};
  for (const auto& step : chunks_of(layout)) {
    if (state.value.substr(0, step.prefix.size()) != step.prefix) {
      std::size_t matched = 0;
      while (matched < step.prefix.size() && matched < state.value.size() &&
             state.value[matched] == step.prefix[matched])
        ++matched;
      return cannot_parse(state.value.substr(matched), step.prefix);
    }
    state.value.remove_prefix(step.prefix.size());
    std::string_view before = state.value;
    parse_element(state, step.what, layout);
    if (!state.range_error.empty()) return with_message(": " + state.range_error + " out of range");
    if (state.bad) return cannot_parse(before, step.text);
  }
  if (!state.value.empty()) return with_message(": extra text: " + go_time_quote(state.value));
  if (state.day < 1 || state.day > days_in(state.month, state.year))
    return with_message(": day out of range");
  return std::nullopt;
}

}  // namespace troupe::api::schema
