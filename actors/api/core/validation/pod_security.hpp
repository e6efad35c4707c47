// A pod's security context (kube's validatePodSpecSecurityContext, with the
// pod-level host namespace fields kube keeps inside its internal
// PodSecurityContext) and the hostUsers restrictions (validateHostUsers).
// Paths are kube's internal ones under spec.securityContext.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

// `spec` is the whole PodSpec, `path` its path ("spec").
error_list pod_security_context(const nlohmann::json& spec, const field_path& path);
error_list host_users_rules(const nlohmann::json& spec, const field_path& path);

}  // namespace troupe::api::validation
