#include "actors/api/core/validation/value_rules.hpp"

#include <arpa/inet.h>

#include <cstring>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "messages/core/labels.hpp"
#include "messages/core/object_names.hpp"
#include "messages/core/validation_messages.hpp"

namespace troupe::api::validation {

namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// hasChDirPrefix of util/validation.
void append_chdir_messages(std::string_view value, std::vector<std::string>& messages) {
  if (value == ".")
    messages.emplace_back("must not be '.'");
  else if (value == "..")
    messages.emplace_back("must not be '..'");
  else if (value.substr(0, 2) == "..")
    messages.emplace_back("must not start with '..'");
}

std::optional<ip_address> parse_ipv4(std::string_view text) {
  ip_address address;
  address.is_v4 = true;
  address.bytes[10] = 0xFF;
  address.bytes[11] = 0xFF;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (text.empty() || text.front() != '.') return std::nullopt;
      text.remove_prefix(1);
    }
    std::size_t length = 0;
    unsigned value = 0;
    while (length < text.size() && is_digit(text[length])) {
      value = value * 10 + static_cast<unsigned>(text[length] - '0');
      if (value > 0xFF) return std::nullopt;
      ++length;
    }
    if (length == 0) return std::nullopt;
    address.bytes[12 + part] = static_cast<std::uint8_t>(value);
    text.remove_prefix(length);
  }
  if (!text.empty()) return std::nullopt;
  return address;
}

bool mapped_v4(const std::array<std::uint8_t, 16>& bytes) {
  for (int i = 0; i < 10; ++i)
    if (bytes[i] != 0) return false;
  return bytes[10] == 0xFF && bytes[11] == 0xFF;
}

}  // namespace

std::string inclusive_range_message(std::int64_t low, std::int64_t high) {
  return "must be between " + std::to_string(low) + " and " + std::to_string(high) + ", inclusive";
}

std::vector<std::string> port_number_messages(std::int64_t port) {
  if (port >= 1 && port <= 65535) return {};
  return {inclusive_range_message(1, 65535)};
}

std::vector<std::string> port_name_messages(std::string_view name) {
  std::vector<std::string> messages;
  if (name.size() > 15) messages.push_back(max_length_message(15));
  bool charset = !name.empty();
  bool letter = false;
  for (char c : name) {
    charset = charset && ((c >= 'a' && c <= 'z') || is_digit(c) || c == '-');
    letter = letter || (c >= 'a' && c <= 'z');
  }
  if (!charset)
    messages.emplace_back("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!letter) messages.emplace_back("must contain at least one letter (a-z)");
  if (name.find("--") != std::string_view::npos)
    messages.emplace_back("must not contain consecutive hyphens");
  if (!name.empty() && (name.front() == '-' || name.back() == '-'))
    messages.emplace_back("must not begin or end with a hyphen");
  return messages;
}

std::vector<std::string> config_map_key_messages(std::string_view key) {
  std::vector<std::string> messages;
  if (key.size() > dns1123_subdomain_bytes_max)
    messages.push_back(max_length_message(dns1123_subdomain_bytes_max));
  bool valid = !key.empty();
  for (char c : key)
    valid = valid && (is_letter(c) || is_digit(c) || c == '-' || c == '.' || c == '_');
  if (!valid)
    messages.push_back(
        regex_message("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                      "[-._a-zA-Z0-9]+", {"key.name", "KEY_NAME", "key-name"}));
  append_chdir_messages(key, messages);
  return messages;
}

std::vector<std::string> percent_messages(std::string_view value) {
  bool valid = value.size() >= 2 && value.back() == '%';
  for (std::size_t i = 0; valid && i + 1 < value.size(); ++i) valid = is_digit(value[i]);
  if (valid) return {};
  return {regex_message("a valid percent string must be a numeric string followed by an ending '%'",
                        "[0-9]+%", {"1%", "93%"})};
}

std::vector<std::string> http_header_name_messages(std::string_view name) {
  bool valid = !name.empty();
  for (char c : name) valid = valid && (is_letter(c) || is_digit(c) || c == '-');
  if (valid) return {};
  return {regex_message("a valid HTTP header must consist of alphanumeric characters or '-'",
                        "[-A-Za-z0-9]+", {"X-Header-Name"})};
}

std::vector<std::string> user_or_group_id_messages(std::int64_t id) {
  if (id >= 0 && id <= 4294967295LL) return {};
  return {inclusive_range_message(0, 4294967295LL)};
}

error_list dns1123_label(const std::string& value, const field_path& path) {
  error_list errors;
  append_invalid(errors, path, go_quote(value), dns1123_label_errors(value));
  return errors;
}

error_list optional_user_or_group_id(const json& object, const char* key, const field_path& path) {
  auto value = integer_member(object, key);
  if (!value) return {};
  error_list errors;
  append_invalid(errors, path.child(key), std::to_string(*value),
                 user_or_group_id_messages(*value));
  return errors;
}

error_list dns1123_subdomain(const std::string& value, const field_path& path) {
  error_list errors;
  append_invalid(errors, path, go_quote(value), dns1123_subdomain_errors(value));
  return errors;
}

error_list qualified_name(const std::string& value, const field_path& path) {
  error_list errors;
  append_invalid(errors, path, go_quote(value), validate_qualified_name(value));
  return errors;
}

error_list labels(const nlohmann::json& map, const field_path& path) {
  error_list errors;
  for (const auto& [key, value] : string_map(map)) {
    append(errors, qualified_name(key, path));
    append_invalid(errors, path, go_quote(value), validate_label_value(value));
  }
  return errors;
}

error_list annotations(const nlohmann::json& map, const field_path& path) {
  error_list errors;
  auto entries = string_map(map);
  for (const auto& entry : entries)
    append_invalid(errors, path, go_quote(entry.first), validate_annotation_key(entry.first));
  if (validate_annotations_size(entries))
    errors.push_back(too_long(path, annotations_total_bytes_max));
  return errors;
}

error_list non_negative(std::int64_t value, const field_path& path) {
  if (value >= 0) return {};
  return {invalid(path, std::to_string(value), "must be greater than or equal to 0")};
}

std::vector<std::string> namespace_name_messages(std::string_view name) {
  return dns_label_name_errors(name, name_form::name);
}

std::optional<ip_address> parse_ip(std::string_view text) {
  if (text.find(':') == std::string_view::npos) return parse_ipv4(text);
  if (text.size() > 64) return std::nullopt;
  std::string terminated(text);
  ip_address address;
  if (inet_pton(AF_INET6, terminated.c_str(), address.bytes.data()) != 1) return std::nullopt;
  address.is_v4 = mapped_v4(address.bytes);
  return address;
}

error_list ip_errors(const std::string& value, const field_path& path) {
  if (parse_ip(value)) return {};
  return {invalid(path, go_quote(value),
                  "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")};
}

error_list ipv4_errors(const std::string& value, const field_path& path) {
  auto address = parse_ip(value);
  if (address && address->is_v4) return {};
  return {invalid(path, go_quote(value), "must be a valid IPv4 address")};
}

error_list ipv6_errors(const std::string& value, const field_path& path) {
  auto address = parse_ip(value);
  if (address && !address->is_v4) return {};
  return {invalid(path, go_quote(value), "must be a valid IPv6 address")};
}

error_list cidr_errors(const std::string& value, const field_path& path) {
  auto slash = value.find('/');
  bool valid = slash != std::string::npos;
  if (valid) {
    std::string_view ip = std::string_view(value).substr(0, slash);
    std::string_view prefix = std::string_view(value).substr(slash + 1);
    auto address = parse_ip(ip);
    unsigned bits = 0;
    valid = address.has_value() && !prefix.empty() && prefix.size() <= 3;
    for (char c : prefix) {
      valid = valid && is_digit(c);
      bits = bits * 10 + static_cast<unsigned>(c - '0');
    }
    bool dotted = ip.find(':') == std::string_view::npos;
    valid = valid && bits <= (dotted ? 32u : 128u);
  }
  if (valid) return {};
  return {invalid(path, go_quote(value),
                  "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")};
}

error_list non_special_ip(const std::string& value, const field_path& path) {
  auto address = parse_ip(value);
  if (!address) return {invalid(path, go_quote(value), "must be a valid IP address")};
  const auto& b = address->bytes;
  error_list errors;
  bool all_zero = true;
  for (int i = address->is_v4 ? 12 : 0; i < 16; ++i) all_zero = all_zero && b[i] == 0;
  if (all_zero)
    errors.push_back(invalid(path, go_quote(value), "may not be unspecified (" + value + ")"));
  bool loopback = address->is_v4
                      ? b[12] == 127
                      : (std::memcmp(b.data(), "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 16) == 0);
  if (loopback)
    errors.push_back(
        invalid(path, go_quote(value), "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  bool link_local =
      address->is_v4 ? (b[12] == 169 && b[13] == 254) : (b[0] == 0xFE && (b[1] & 0xC0) == 0x80);
  if (link_local)
    errors.push_back(invalid(path, go_quote(value),
                             "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  bool link_local_multicast = address->is_v4 ? (b[12] == 224 && b[13] == 0 && b[14] == 0)
                                             : (b[0] == 0xFF && (b[1] & 0x0F) == 0x02);
  if (link_local_multicast)
    errors.push_back(
        invalid(path, go_quote(value),
                "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  return errors;
}

error_list port_number_or_name(const nlohmann::json& port, const field_path& path) {
  error_list errors;
  if (port.is_string()) {
    auto name = port.get<std::string>();
    append_invalid(errors, path, go_quote(name), port_name_messages(name));
  } else {
    std::int64_t number = integer(port).value_or(0);
    append_invalid(errors, path, std::to_string(number), port_number_messages(number));
  }
  return errors;
}

error_list positive_int_or_percent(const nlohmann::json& value, const field_path& path) {
  error_list errors;
  if (value.is_string()) {
    append_invalid(errors, path, go_int_or_string(value),
                   percent_messages(value.get<std::string>()));
  } else {
    append(errors, non_negative(integer(value).value_or(0), path));
  }
  return errors;
}

std::int64_t int_or_percent_value(const nlohmann::json& value) {
  if (!value.is_string()) return integer(value).value_or(0);
  auto text = value.get<std::string>();
  bool percent = percent_messages(text).empty();
  std::string_view number = percent ? std::string_view(text).substr(0, text.size() - 1) : text;
  // strconv.Atoi: an optional sign, then only digits; anything else is 0.
  std::size_t start = !number.empty() && (number[0] == '+' || number[0] == '-') ? 1 : 0;
  if (number.size() == start || number.size() > 18) return 0;
  std::int64_t parsed = 0;
  for (std::size_t i = start; i < number.size(); ++i) {
    if (!is_digit(number[i])) return 0;
    parsed = parsed * 10 + (number[i] - '0');
  }
  return start == 1 && number[0] == '-' ? -parsed : parsed;
}

error_list not_more_than_100_percent(const nlohmann::json& value, const field_path& path) {
  if (!value.is_string() || !percent_messages(value.get<std::string>()).empty()) return {};
  if (int_or_percent_value(value) <= 100) return {};
  return {invalid(path, go_int_or_string(value), "must not be greater than 100%")};
}

std::vector<std::string> path_segment_messages(std::string_view name) {
  return path_segment_name_errors(name, name_form::name);
}

}  // namespace troupe::api::validation
