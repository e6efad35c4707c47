// The container lists of a pod spec (kube's validateContainers,
// validateInitContainers and validateEphemeralContainers): each container's
// common rules, names unique across regular and init containers, probes and
// lifecycle only where allowed, restartPolicy only on init containers, and
// host ports unique across the regular containers.
// Pure; never throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"
#include "actors/api/core/validation/pod_volumes.hpp"

namespace troupe::api::validation {

struct container_context {
  const volume_map& volumes;
  std::optional<std::int64_t> grace_period;  // spec.terminationGracePeriodSeconds
  std::string restart_policy;                // spec.restartPolicy
  bool host_users = true;                    // spec.hostUsers, true when unset
};

error_list validate_containers(const nlohmann::json& containers, const container_context& context,
                               const field_path& path);
error_list validate_init_containers(const nlohmann::json& init_containers,
                                    const nlohmann::json& containers,
                                    const container_context& context, const field_path& path);
error_list validate_ephemeral_containers(const nlohmann::json& ephemeral,
                                         const nlohmann::json& containers,
                                         const nlohmann::json& init_containers,
                                         const container_context& context, const field_path& path);

// validateContainerOnlyForPod: an image without surrounding whitespace.
error_list image_whitespace(const nlohmann::json& containers, const field_path& path);

}  // namespace troupe::api::validation
