// Node roles: which components a host runs. A node may hold any subset.
//
// Plain data (no CAF include) so pure cores and config code can use it; the
// `inspect` overload makes it serialisable by CAF's inspectors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace troupe {

enum class node_role : std::uint8_t {
  store = 1,    // hosts a consensus store replica
  control = 2,  // hosts api, gateway, scheduler and controllers
  worker = 4,   // hosts a kubelet and a proxy
};

std::string_view to_string(node_role role);
std::optional<node_role> parse_node_role(std::string_view text);

// A set of roles, stored as a bit mask of `node_role` values.
struct role_set {
  std::uint8_t bits = 0;

  static role_set all() { return role_set{7}; }
  bool contains(node_role role) const { return (bits & static_cast<std::uint8_t>(role)) != 0; }
  void insert(node_role role) { bits |= static_cast<std::uint8_t>(role); }
  bool empty() const { return bits == 0; }
  friend bool operator==(const role_set&, const role_set&) = default;
};

// Comma-separated role names in canonical order, e.g. "store,control".
std::string to_string(const role_set& roles);

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, role_set& x) {
  return f(x.bits);
}

}  // namespace troupe
