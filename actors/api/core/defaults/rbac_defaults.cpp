// RoleBinding and ClusterRoleBinding (pkg/apis/rbac/v1/defaults.go):
// roleRef.apiGroup "rbac.authorization.k8s.io", and the same apiGroup for
// User and Group subjects without one. A ServiceAccount subject's apiGroup
// defaults to "", which kube does not show.
#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/kind_defaults.hpp"

namespace troupe::api::defaults {

namespace {

constexpr const char* rbac_group = "rbac.authorization.k8s.io";

}  // namespace

void default_role_binding(json& binding) {
  if (json* role_ref = ensure_object_member(binding, "roleRef"))
    default_string(*role_ref, "apiGroup", rbac_group);
  for_each_object(binding, "subjects", [](json& subject) {
    auto kind = string_member(subject, "kind");
    if (kind == "User" || kind == "Group") default_string(subject, "apiGroup", rbac_group);
  });
}

}  // namespace troupe::api::defaults
