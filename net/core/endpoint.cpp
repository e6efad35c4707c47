#include "net/core/endpoint.hpp"

#include <charconv>

namespace troupe::net {

namespace {

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

}  // namespace

std::string endpoint::to_string() const {
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + std::to_string(port);
  return host + ":" + std::to_string(port);
}

std::variant<endpoint, std::string> parse_endpoint(std::string_view text) {
  std::string_view host;
  std::string_view port_text;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string_view::npos) return quoted(text) + " has an unclosed '['";
    host = text.substr(1, close - 1);
    auto rest = text.substr(close + 1);
    if (rest.empty() || rest.front() != ':')
      return quoted(text) + " has no port (expected [host]:port)";
    port_text = rest.substr(1);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return quoted(text) + " has no port (expected host:port)";
    host = text.substr(0, colon);
    if (host.find(':') != std::string_view::npos)
      return quoted(text) + " is ambiguous: write IPv6 addresses as [address]:port";
    port_text = text.substr(colon + 1);
  }
  if (host.empty()) return quoted(text) + " has an empty host";
  if (host.size() > 253) return quoted(text.substr(0, 32)) + "... has a host longer than 253 bytes";
  unsigned port = 0;
  auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (error != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
      port > 65535)
    return quoted(text) + " has an invalid port " + quoted(port_text) + " (expected 1-65535)";
  return endpoint{std::string(host), static_cast<std::uint16_t>(port)};
}

std::variant<std::vector<endpoint>, std::string> parse_endpoint_list(std::string_view text) {
  std::vector<endpoint> result;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    auto item = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
    if (item.empty()) return std::string("empty entry in list ") + quoted(text);
    auto parsed = parse_endpoint(item);
    if (auto* error = std::get_if<std::string>(&parsed)) return *error;
    result.push_back(std::get<endpoint>(parsed));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return result;
}

}  // namespace troupe::net
