// What a node says about itself to the cluster: identity, where its actor
// network listens, its roles and its incarnation.
//
// Invariants (checked by `validate_member_summary`, enforced on every record
// received from the network):
//   1. `name` is a DNS-1123 subdomain of at most `node_name_bytes_max` bytes.
//   2. `host` is non-empty and at most `host_bytes_max` bytes; `port` != 0.
//   3. `incarnation` > 0. A restarted node picks a larger one than before, so
//      peers can tell a restart from a late message of the previous process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "messages/core/node_role.hpp"

namespace troupe {

// Kubernetes node names are DNS-1123 subdomains: at most 253 bytes.
constexpr std::size_t node_name_bytes_max = 253;
// A DNS name or a textual IPv6 address fits in 253 bytes.
constexpr std::size_t host_bytes_max = 253;

struct member_summary {
  std::string name;
  std::string host;
  std::uint16_t port = 0;
  role_set roles;
  std::uint64_t incarnation = 0;

  // "host:port", with IPv6 hosts in brackets: the key membership dials by.
  std::string address() const;
  friend bool operator==(const member_summary&, const member_summary&) = default;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, member_summary& x) {
  return f(x.name, x.host, x.port, x.roles, x.incarnation);
}

// Returns a message naming the offending field, or nothing when valid.
std::optional<std::string> validate_member_summary(const member_summary& summary);

// True when `name` is a DNS-1123 subdomain (lowercase alphanumerics, '-' and
// '.', starting and ending alphanumeric, at most 253 bytes).
bool is_dns1123_subdomain(const std::string& name);

}  // namespace troupe
