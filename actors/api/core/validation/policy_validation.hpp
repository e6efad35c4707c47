// PodDisruptionBudgets (policy/v1) and HorizontalPodAutoscalers
// (autoscaling/v2, and autoscaling/v1 read as kube converts it: a
// targetCPUUtilizationPercentage is a Resource metric on cpu). Kube's
// PodDisruptionBudget strategy validates the spec only; the generic
// metadata rules are applied by api_validation.cpp for every kind.
// Pure; never throws.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list validate_pod_disruption_budget(const nlohmann::json& object);
error_list validate_pod_disruption_budget_status_update(const nlohmann::json& object,
                                                        const nlohmann::json& old);

error_list validate_autoscaler(const nlohmann::json& object, std::string_view api_version);
error_list validate_autoscaler_update(const nlohmann::json& object, const nlohmann::json& old,
                                      std::string_view api_version);
error_list validate_autoscaler_status_update(const nlohmann::json& object,
                                             const nlohmann::json& old);

}  // namespace troupe::api::validation
