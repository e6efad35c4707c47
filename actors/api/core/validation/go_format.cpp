#include "actors/api/core/validation/go_format.hpp"

#include <array>
#include <cstdio>
#include <map>

namespace troupe::api::validation {

namespace {

using nlohmann::json;

void append_hex_escape(std::string& out, const char* format, unsigned value) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), format, value);
  out += buffer.data();
}

// Length of the UTF-8 sequence starting at `text[at]` and its code point;
// 0 when the bytes are not valid UTF-8 (Go then escapes one byte as \x..).
std::size_t utf8_sequence(std::string_view text, std::size_t at, unsigned& code_point) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned lead = byte(at);
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (lead >= 0xF5 || length == 0 || at + length > text.size()) return 0;
  code_point = lead & (0x7Fu >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(at + i) & 0x3F);
  }
  bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
  bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (overlong || surrogate || code_point > 0x10FFFF) return 0;
  return length;
}

// Go's unicode.IsPrint for the code points quoting meets in practice: C1
// controls, the line/paragraph separators and a few format characters are
// not printable.
bool printable(unsigned code_point) {
  if (code_point >= 0x80 && code_point < 0xA0) return false;
  return code_point != 0xAD && code_point != 0x2028 && code_point != 0x2029 && code_point != 0xFEFF;
}

void append_ascii(std::string& out, char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\a':
      out += "\\a";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\v':
      out += "\\v";
      return;
    default:
      break;
  }
  auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte == 0x7F)
    append_hex_escape(out, "\\x%02x", byte);
  else
    out += c;
}

std::string go_number(const json& value) {
  if (value.is_number_float()) {
    std::array<char, 40> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%g", value.get<double>());
    return buffer.data();
  }
  return value.dump();
}

std::string go_requirement(const json& requirement) {
  auto string_field = [&](const char* key) {
    const auto found = requirement.is_object() ? requirement.find(key) : requirement.end();
    bool usable = requirement.is_object() && found != requirement.end() && found->is_string();
    return go_quote(usable ? found->get<std::string>() : std::string());
  };
  const json* values = nullptr;
  if (requirement.is_object()) {
    auto found = requirement.find("values");
    if (found != requirement.end()) values = &*found;
  }
  return "v1.LabelSelectorRequirement{Key:" + string_field("key") +
         ", Operator:" + string_field("operator") +
         ", Values:" + go_string_slice(values != nullptr ? *values : json()) + "}";
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  auto year_of_era = static_cast<unsigned>(year - era * 400);
  unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

void civil_from_days(std::int64_t days, std::int64_t& year, unsigned& month, unsigned& day) {
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  auto day_of_era = static_cast<unsigned>(days - era * 146097);
  unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  unsigned shifted_month = (5 * day_of_year + 2) / 153;
  day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2);
}

struct rfc3339_time {
  std::int64_t seconds = 0;  // since the epoch, UTC
  std::string fraction;      // digits after the point, trailing zeros removed
};

bool digits(std::string_view text, std::size_t at, std::size_t count, unsigned& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return true;
}

bool parse_rfc3339(std::string_view text, rfc3339_time& time) {
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(text, 0, 4, year) || text.size() < 20 || text[4] != '-' ||
      !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day) ||
      (text[10] != 'T' && text[10] != 't') || !digits(text, 11, 2, hour) || text[13] != ':' ||
      !digits(text, 14, 2, minute) || text[16] != ':' || !digits(text, 17, 2, second))
    return false;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return false;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    std::size_t start = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == start || at - start > 9) return false;
    time.fraction = std::string(text.substr(start, at - start));
    while (!time.fraction.empty() && time.fraction.back() == '0') time.fraction.pop_back();
  }
  std::int64_t offset = 0;
  if (at + 1 == text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    offset = 0;
  } else {
    unsigned offset_hours = 0, offset_minutes = 0;
    if (at + 6 != text.size() || (text[at] != '+' && text[at] != '-') ||
        !digits(text, at + 1, 2, offset_hours) || text[at + 3] != ':' ||
        !digits(text, at + 4, 2, offset_minutes))
      return false;
    offset = (text[at] == '-' ? -1 : 1) *
             static_cast<std::int64_t>(offset_hours * 3600 + offset_minutes * 60);
  }
  time.seconds =
      days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  return true;
}

std::string two_digits(unsigned value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

std::string format_utc(const rfc3339_time& time) {
  std::int64_t days = time.seconds >= 0 ? time.seconds / 86400 : (time.seconds - 86399) / 86400;
  auto of_day = static_cast<unsigned>(time.seconds - days * 86400);
  std::int64_t year = 0;
  unsigned month = 0, day = 0;
  civil_from_days(days, year, month, day);
  std::array<char, 16> year_text{};
  std::snprintf(year_text.data(), year_text.size(), "%04lld", static_cast<long long>(year));
  std::string out = std::string(year_text.data()) + "-" + two_digits(month) + "-" +
                    two_digits(day) + " " + two_digits(of_day / 3600) + ":" +
                    two_digits(of_day / 60 % 60) + ":" + two_digits(of_day % 60);
  if (!time.fraction.empty()) out += "." + time.fraction;
  return out + " +0000 UTC";
}

}  // namespace

std::string go_quote(std::string_view text) {
  std::string out = "\"";
  for (std::size_t at = 0; at < text.size();) {
    auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      append_ascii(out, text[at]);
      ++at;
      continue;
    }
    unsigned code_point = 0;
    std::size_t length = utf8_sequence(text, at, code_point);
    if (length == 0) {
      append_hex_escape(out, "\\x%02x", byte);
      ++at;
    } else if (!printable(code_point)) {
      append_hex_escape(out, code_point > 0xFFFF ? "\\U%08x" : "\\u%04x", code_point);
      at += length;
    } else {
      out.append(text.substr(at, length));
      at += length;
    }
  }
  return out + "\"";
}

std::string go_scalar(const json& value) {
  if (value.is_string()) return go_quote(value.get<std::string>());
  if (value.is_number()) return go_number(value);
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_null()) return "null";
  return value.dump();
}

std::string go_string_map(const json& value) {
  if (!value.is_object()) return "map[string]string(nil)";
  std::map<std::string, std::string> sorted;
  for (auto it = value.begin(); it != value.end(); ++it)
    sorted[it.key()] = it.value().is_string() ? it.value().get<std::string>() : std::string();
  std::string out = "map[string]string{";
  bool first = true;
  for (const auto& [key, text] : sorted) {
    out += (first ? "" : ", ") + go_quote(key) + ":" + go_quote(text);
    first = false;
  }
  return out + "}";
}

std::string go_string_slice(const json& value) {
  if (!value.is_array()) return "[]string(nil)";
  std::string out = "[]string{";
  bool first = true;
  for (const auto& item : value) {
    out += (first ? "" : ", ") + go_quote(item.is_string() ? item.get<std::string>() : "");
    first = false;
  }
  return out + "}";
}

std::string go_label_selector(const json& selector) {
  if (!selector.is_object()) return "null";
  auto find = [&](const char* key) -> json {
    auto found = selector.find(key);
    return found == selector.end() ? json() : *found;
  };
  json expressions = find("matchExpressions");
  std::string requirements = "[]v1.LabelSelectorRequirement(nil)";
  if (expressions.is_array()) {
    requirements = "[]v1.LabelSelectorRequirement{";
    bool first = true;
    for (const auto& requirement : expressions) {
      requirements += (first ? "" : ", ") + go_requirement(requirement);
      first = false;
    }
    requirements += "}";
  }
  return "v1.LabelSelector{MatchLabels:" + go_string_map(find("matchLabels")) +
         ", MatchExpressions:" + requirements + "}";
}

std::string go_int_or_string(const json& value) {
  if (value.is_string())
    return "intstr.IntOrString{Type:1, IntVal:0, StrVal:" + go_quote(value.get<std::string>()) +
           "}";
  std::string number = value.is_number_integer() ? value.dump() : "0";
  return "intstr.IntOrString{Type:0, IntVal:" + number + ", StrVal:\"\"}";
}

std::string go_time(const json& value) {
  if (!value.is_string()) return "0001-01-01 00:00:00 +0000 UTC";
  rfc3339_time time;
  if (!parse_rfc3339(value.get<std::string>(), time)) return go_quote(value.get<std::string>());
  return format_utc(time);
}

}  // namespace troupe::api::validation
