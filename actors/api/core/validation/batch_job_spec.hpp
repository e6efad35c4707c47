// Kube's validateJobSpec, shared by Jobs and CronJob job templates: counts
// and limits not negative, completion mode rules, the pod template, and a
// restartPolicy of OnFailure or Never.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list job_spec_common(const nlohmann::json& spec, const field_path& path);

}  // namespace troupe::api::validation
