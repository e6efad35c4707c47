// The field rules of the volume sources pod_volumes.cpp checks in detail
// (kube's validateXVolumeSource functions), one function per source.
// Each takes the source object and the path kube reports it under.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

using source_validator = error_list (*)(const nlohmann::json& source, const field_path& path);

error_list validate_empty_dir(const nlohmann::json& source, const field_path& path);
error_list validate_host_path(const nlohmann::json& source, const field_path& path);
error_list validate_git_repo(const nlohmann::json& source, const field_path& path);
error_list validate_secret_source(const nlohmann::json& source, const field_path& path);
error_list validate_config_map_source(const nlohmann::json& source, const field_path& path);
error_list validate_claim_source(const nlohmann::json& source, const field_path& path);
error_list validate_nfs(const nlohmann::json& source, const field_path& path);
error_list validate_downward_api_source(const nlohmann::json& source, const field_path& path);
error_list validate_projected_source(const nlohmann::json& source, const field_path& path);
error_list validate_csi_source(const nlohmann::json& source, const field_path& path);
error_list validate_ephemeral_source(const nlohmann::json& source, const field_path& path);
error_list validate_image_source(const nlohmann::json& source, const field_path& path);

// ValidateLocalNonReservedPath: relative, no "..", not starting with "..".
error_list local_non_reserved_path(const std::string& target, const field_path& path);
// validatePullPolicy: Always, IfNotPresent or Never.
error_list pull_policy(const std::string& policy, const field_path& path);

}  // namespace troupe::api::validation
