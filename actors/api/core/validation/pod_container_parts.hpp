// The parts of a container kube validates one by one (validateContainerCommon
// and its helpers): ports, environment, mounts and devices, resources,
// resize policy, probes and lifecycle hooks, security context. Paths are
// the container's own ("spec.containers[0]"); kube's quirks of reporting
// some mount rules at the unindexed list path are kept.
// Pure; never throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"
#include "actors/api/core/validation/pod_volumes.hpp"

namespace troupe::api::validation {

error_list container_ports(const nlohmann::json& ports, const field_path& path);
error_list environment(const nlohmann::json& variables, const field_path& path);
error_list environment_from(const nlohmann::json& sources, const field_path& path);
error_list volume_mounts(const nlohmann::json& container, const volume_map& volumes,
                         const field_path& path);
error_list volume_devices(const nlohmann::json& container, const volume_map& volumes,
                          const field_path& path);
error_list resize_policy(const nlohmann::json& policies, const std::string& restart_policy,
                         const field_path& path);

// ValidateContainerResourceRequirements (also used for spec.overhead as
// limits only).
error_list container_resources(const nlohmann::json& resources, const field_path& path);

// validateLivenessProbe / validateReadinessProbe / validateStartupProbe and
// validateLifecycle; `grace_period` bounds sleep actions.
enum class probe_kind { liveness, readiness, startup };
error_list probe(const nlohmann::json* probe, probe_kind kind,
                 std::optional<std::int64_t> grace_period, const field_path& path);
error_list lifecycle(const nlohmann::json& hooks, std::optional<std::int64_t> grace_period,
                     const field_path& path);

// ValidateSecurityContext of a container.
error_list container_security_context(const nlohmann::json* context, bool host_users,
                                      const field_path& path);
// The seccompProfile and appArmorProfile rules shared with pods.
error_list seccomp_profile(const nlohmann::json* profile, const field_path& path);
error_list app_armor_profile(const nlohmann::json* profile, const field_path& path);

}  // namespace troupe::api::validation
