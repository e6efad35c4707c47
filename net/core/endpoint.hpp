// A network endpoint written as "host:port" ("[::1]:7450" for IPv6), as used
// for listen addresses and seed lists.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace troupe::net {

struct endpoint {
  std::string host;
  std::uint16_t port = 0;

  std::string to_string() const;
  friend bool operator==(const endpoint&, const endpoint&) = default;
};

// Parses "host:port". Errors name what is wrong, e.g.
// "\"10.0.0.1\" has no port (expected host:port)".
std::variant<endpoint, std::string> parse_endpoint(std::string_view text);

// Parses a comma-separated list of endpoints; empty items are errors.
std::variant<std::vector<endpoint>, std::string> parse_endpoint_list(std::string_view text);

}  // namespace troupe::net
