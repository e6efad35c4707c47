#include "messages/core/node_role.hpp"

namespace troupe {

namespace {
constexpr node_role all_roles[] = {node_role::store, node_role::control, node_role::worker};
}  // namespace

std::string_view to_string(node_role role) {
  switch (role) {
    case node_role::store:
      return "store";
    case node_role::control:
      return "control";
    case node_role::worker:
      return "worker";
  }
  return "unknown";
}

std::optional<node_role> parse_node_role(std::string_view text) {
  for (auto role : all_roles)
    if (to_string(role) == text) return role;
  return std::nullopt;
}

std::string to_string(const role_set& roles) {
  std::string result;
  for (auto role : all_roles) {
    if (!roles.contains(role)) continue;
    if (!result.empty()) result += ',';
    result += to_string(role);
  }
  return result;
}

}  // namespace troupe
