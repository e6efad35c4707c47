// The scheduling parts of a pod spec with kube's rules: tolerations, node
// and pod (anti-)affinity, topology spread constraints, node selector terms
// (also used by persistent volumes), DNS config, host aliases, readiness
// and scheduling gates; and node taints, which share the effect rule.
// Pure; never throws.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list tolerations(const nlohmann::json& list, const field_path& path);
error_list affinity(const nlohmann::json* affinity, const field_path& path);
error_list topology_spread_constraints(const nlohmann::json& list, const field_path& path);
// ValidateNodeSelector (nodeSelectorTerms required, each term's
// requirements); `allow_invalid_values` skips the label value rule.
error_list node_selector(const nlohmann::json& selector, bool allow_invalid_values,
                         const field_path& path);
error_list dns_config(const nlohmann::json* config, const std::string& dns_policy,
                      const field_path& path);
error_list host_aliases(const nlohmann::json& list, const field_path& path);
error_list readiness_gates(const nlohmann::json& list, const field_path& path);
error_list scheduling_gates(const nlohmann::json& list, const field_path& path);
// validateTaintEffect: NoSchedule, PreferNoSchedule or NoExecute.
error_list taint_effect(const std::string& effect, bool allow_empty, const field_path& path);
// validateNodeTaints: keys, values, effects, unique by key and effect.
error_list node_taints(const nlohmann::json& list, const field_path& path);

}  // namespace troupe::api::validation
