// Pods as kube validates them on create (ValidatePodCreate), update
// (ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations
// and removed scheduling gates may change) and status update
// (ValidatePodStatusUpdate). The update refusal carries kube's exact first
// line; the difference listing after it is this project's own rendering
// (kube appends a go-cmp diff of its internal structs).
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list validate_pod_create(const nlohmann::json& pod);
error_list validate_pod_update(const nlohmann::json& pod, const nlohmann::json& old);
error_list validate_pod_status_update(const nlohmann::json& pod, const nlohmann::json& old);

}  // namespace troupe::api::validation
