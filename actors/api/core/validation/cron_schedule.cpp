#include "actors/api/core/validation/cron_schedule.hpp"

#include <cstdint>
#include <map>
#include <vector>

namespace troupe::api::validation {

namespace {

struct bounds {
  unsigned low;
  unsigned high;
  const std::map<std::string, unsigned>* names;
};

const std::map<std::string, unsigned> month_names{
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4},  {"may", 5},  {"jun", 6},
    {"jul", 7}, {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
const std::map<std::string, unsigned> day_names{{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3},
                                                {"thu", 4}, {"fri", 5}, {"sat", 6}};

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto end = text.find(separator, start);
    parts.emplace_back(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::vector<std::string> fields_of(std::string_view text) {
  std::vector<std::string> fields;
  std::size_t at = 0;
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  while (at < text.size()) {
    while (at < text.size() && space(text[at])) ++at;
    std::size_t start = at;
    while (at < text.size() && !space(text[at])) ++at;
    if (at > start) fields.emplace_back(text.substr(start, at - start));
  }
  return fields;
}

std::string go_quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// mustParseInt: strconv.Atoi, then no negative numbers.
std::optional<std::string> parse_int(const std::string& expression, unsigned& value) {
  std::size_t start = !expression.empty() && (expression[0] == '+' || expression[0] == '-') ? 1 : 0;
  bool digits = expression.size() > start;
  for (std::size_t i = start; i < expression.size(); ++i)
    digits = digits && expression[i] >= '0' && expression[i] <= '9';
  if (!digits)
    return "failed to parse int from " + expression + ": strconv.Atoi: parsing " +
           go_quoted(expression) + ": invalid syntax";
  if (expression.size() - start > 18)
    return "failed to parse int from " + expression + ": strconv.Atoi: parsing " +
           go_quoted(expression) + ": value out of range";
  std::int64_t number = std::stoll(expression.substr(start));
  if (start == 1 && expression[0] == '-' && number != 0)
    return "negative number (-" + std::to_string(number) + ") not allowed: " + expression;
  value = static_cast<unsigned>(number > 0xFFFFFFFFLL ? 0xFFFFFFFFLL : number);
  return std::nullopt;
}

std::optional<std::string> parse_int_or_name(const std::string& expression, const bounds& range,
                                             unsigned& value) {
  if (range.names != nullptr) {
    std::string lowered = expression;
    for (auto& c : lowered) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    auto found = range.names->find(lowered);
    if (found != range.names->end()) {
      value = found->second;
      return std::nullopt;
    }
  }
  return parse_int(expression, value);
}

std::optional<std::string> parse_range(const std::string& expression, const bounds& range) {
  auto range_and_step = split(expression, '/');
  auto low_and_high = split(range_and_step[0], '-');
  unsigned start = 0, end = 0, step = 1;
  if (low_and_high[0] == "*" || low_and_high[0] == "?") {
    start = range.low;
    end = range.high;
  } else {
    if (auto error = parse_int_or_name(low_and_high[0], range, start)) return error;
    if (low_and_high.size() == 1)
      end = start;
    else if (low_and_high.size() == 2) {
      if (auto error = parse_int_or_name(low_and_high[1], range, end)) return error;
    } else {
      return "too many hyphens: " + expression;
    }
  }
  if (range_and_step.size() == 2) {
    if (auto error = parse_int(range_and_step[1], step)) return error;
    if (low_and_high.size() == 1) end = range.high;
  } else if (range_and_step.size() > 2) {
    return "too many slashes: " + expression;
  }
  auto number = [](unsigned n) { return std::to_string(n); };
  if (start < range.low)
    return "beginning of range (" + number(start) + ") below minimum (" + number(range.low) +
           "): " + expression;
  if (end > range.high)
    return "end of range (" + number(end) + ") above maximum (" + number(range.high) +
           "): " + expression;
  if (start > end)
    return "beginning of range (" + number(start) + ") beyond end of range (" + number(end) +
           "): " + expression;
  if (step == 0) return "step of range should be a positive number: " + expression;
  return std::nullopt;
}

std::optional<std::string> parse_field(const std::string& field, const bounds& range) {
  for (const auto& expression : split(field, ','))
    if (auto error = parse_range(expression, range)) return error;
  return std::nullopt;
}

// time.ParseDuration's grammar: [-+]? then one or more <number><unit>.
std::optional<std::string> duration_error(const std::string& text) {
  auto invalid = "time: invalid duration " + go_quoted(text);
  std::size_t at = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  if (text.substr(at) == "0") return std::nullopt;
  if (at == text.size()) return invalid;
  static const std::vector<std::string> units{"ns", "us", "\xC2\xB5s", "\xCE\xBCs",
                                              "ms", "s",  "m",         "h"};
  while (at < text.size()) {
    std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    bool whole = at > start;
    if (at < text.size() && text[at] == '.') {
      std::size_t fraction = ++at;
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
      whole = whole || at > fraction;
    }
    if (!whole) return invalid;
    std::size_t unit_start = at;
    while (at < text.size() && text[at] != '.' && (text[at] < '0' || text[at] > '9')) ++at;
    auto unit = text.substr(unit_start, at - unit_start);
    if (unit.empty()) return "time: missing unit in duration " + go_quoted(text);
    bool known = false;
    for (const auto& candidate : units) known = known || unit == candidate;
    if (!known) return "time: unknown unit " + go_quoted(unit) + " in duration " + go_quoted(text);
  }
  return std::nullopt;
}

std::optional<std::string> descriptor_error(const std::string& spec) {
  for (const char* known :
       {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"})
    if (spec == known) return std::nullopt;
  const std::string every = "@every ";
  if (spec.compare(0, every.size(), every) == 0) {
    auto duration = spec.substr(every.size());
    if (auto error = duration_error(duration))
      return "failed to parse duration " + spec + ": " + *error;
    return std::nullopt;
  }
  return "unrecognized descriptor: " + spec;
}

std::string go_fields(const std::vector<std::string>& fields) {
  std::string out = "[";
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i == 0 ? "" : " ") + fields[i];
  return out + "]";
}

}  // namespace

std::optional<std::string> cron_schedule_error(std::string_view schedule) {
  if (schedule.empty()) return "empty spec string";
  std::string spec(schedule);
  if (spec.rfind("TZ=", 0) == 0 || spec.rfind("CRON_TZ=", 0) == 0) {
    auto space = spec.find(' ');
    if (space == std::string::npos) space = spec.size();
    auto begin = spec.find_first_not_of(" \t\n\r\v\f", space);
    spec = begin == std::string::npos ? std::string() : spec.substr(begin);
  }
  if (!spec.empty() && spec.front() == '@') return descriptor_error(spec);
  auto fields = fields_of(spec);
  if (fields.size() != 5)
    return "expected exactly 5 fields, found " + std::to_string(fields.size()) + ": " +
           go_fields(fields);
  static const std::vector<bounds> ranges{{0, 59, nullptr},
                                          {0, 23, nullptr},
                                          {1, 31, nullptr},
                                          {1, 12, &month_names},
                                          {0, 6, &day_names}};
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (auto error = parse_field(fields[i], ranges[i])) return error;
  return std::nullopt;
}

}  // namespace troupe::api::validation
