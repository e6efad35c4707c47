// Downward API references shared by environment variables and downwardAPI
// volumes (kube's validateObjectFieldSelector and
// validateContainerResourceFieldSelector): which pod fields and container
// resources may be exposed, and the divisors allowed for each resource.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

enum class downward_target { environment, volume };

// fieldRef: apiVersion and fieldPath required, the path convertible for
// v1 pods, and one of the fields `target` may expose.
error_list object_field_selector(const nlohmann::json& selector, downward_target target,
                                 const field_path& path);

// resourceFieldRef: containerName required for volumes, resource among
// limits/requests of cpu, memory, ephemeral-storage or hugepages-*, and a
// divisor the resource supports.
error_list resource_field_selector(const nlohmann::json& selector, downward_target target,
                                   const field_path& path);

}  // namespace troupe::api::validation
