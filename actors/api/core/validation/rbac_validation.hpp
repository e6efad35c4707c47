// RBAC kinds (pkg/apis/rbac/validation): Role, ClusterRole, RoleBinding,
// ClusterRoleBinding. Names are path segments; rules need verbs and either
// resources with api groups or (cluster roles only) non-resource URLs;
// bindings name a role kind and their subjects' kinds; roleRef never
// changes.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list validate_role(const nlohmann::json& object, bool cluster);
error_list validate_role_update(const nlohmann::json& object, const nlohmann::json& old,
                                bool cluster);
error_list validate_role_binding(const nlohmann::json& object, bool cluster);
error_list validate_role_binding_update(const nlohmann::json& object, const nlohmann::json& old,
                                        bool cluster);

}  // namespace troupe::api::validation
