#include "messages/core/member_summary.hpp"

namespace troupe {

namespace {

bool is_lower_alphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string member_summary::address() const {
  auto port_text = std::to_string(port);
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + port_text;
  return host + ":" + port_text;
}

bool is_dns1123_subdomain(const std::string& name) {
  if (name.empty() || name.size() > node_name_bytes_max) return false;
  if (!is_lower_alphanumeric(name.front()) || !is_lower_alphanumeric(name.back())) return false;
  for (char c : name)
    if (!is_lower_alphanumeric(c) && c != '-' && c != '.') return false;
  return true;
}

std::optional<std::string> validate_member_summary(const member_summary& summary) {
  if (!is_dns1123_subdomain(summary.name))
    return "name: \"" + summary.name.substr(0, 64) +
           "\" is not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253)";
  if (summary.host.empty()) return "host: must not be empty";
  if (summary.host.size() > host_bytes_max) return "host: longer than 253 bytes";
  if (summary.port == 0) return "port: must be between 1 and 65535";
  if (summary.incarnation == 0) return "incarnation: must be greater than 0";
  return std::nullopt;
}

}  // namespace troupe
