// ConfigMaps and Secrets (kube's ValidateConfigMap*, ValidateSecret*): keys
// are config keys, the data of one object is at most 1 MiB, an immutable
// object keeps its data, and each well-known Secret type carries its keys.
// Secret stringData counts as data, as kube merges it into data before
// validating.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list validate_config_map(const nlohmann::json& object);
error_list validate_config_map_update(const nlohmann::json& object, const nlohmann::json& old);
error_list validate_secret(const nlohmann::json& object);
error_list validate_secret_update(const nlohmann::json& object, const nlohmann::json& old);

}  // namespace troupe::api::validation
