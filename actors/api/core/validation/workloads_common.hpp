// Rules the apps workloads share: the selector (required, valid, not
// empty), the template matching it, a template that restarts Always and
// has no active deadline, rolling-update numbers, replica counts in status,
// and selector immutability.
// Pure; never throws.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"
#include "messages/core/label_selector.hpp"

namespace troupe::api::validation {

// spec.selector required, ValidateLabelSelector, "empty selector is
// invalid for <what>"; answers the parsed selector when kube's
// LabelSelectorAsSelector accepts it, else adds Invalid with `parse_detail`.
std::optional<troupe::label_selector> required_selector(const nlohmann::json& spec,
                                                        const std::string& what,
                                                        const std::string& parse_detail,
                                                        const field_path& path, error_list& errors);

// "`selector` does not match template `labels`" at template.metadata.labels.
error_list selector_matches_template(const troupe::label_selector& selector,
                                     const nlohmann::json& template_spec,
                                     const field_path& template_path);

// restartPolicy Always and no activeDeadlineSeconds ("... in <owner> is not Supported").
error_list always_restarting_template(const nlohmann::json& template_spec, const std::string& owner,
                                      const field_path& template_path);

// ValidatePodTemplateSpecForReplicaSet (Deployments and ReplicaSets).
error_list replica_set_template(const nlohmann::json& template_spec,
                                const std::optional<troupe::label_selector>& selector,
                                const field_path& template_path);

// spec.selector may not change (apps/v1 strategies).
error_list immutable_selector(const nlohmann::json& object, const nlohmann::json& old);

// The rules of a workload's spec.
using spec_rules = error_list (*)(const nlohmann::json& spec);
// A Deployment, ReplicaSet or DaemonSet on create (its metadata and spec)
// and on update (the same plus an immutable selector).
error_list validate_workload(const nlohmann::json& object, spec_rules spec);
error_list validate_workload_update(const nlohmann::json& object, const nlohmann::json& old,
                                    spec_rules spec);

// Non-negative counters; `greater` pairs (field, bound field, message).
error_list non_negative_fields(const nlohmann::json& status,
                               std::initializer_list<const char*> keys, const field_path& path);
error_list not_greater(const nlohmann::json& status, const char* key, const char* bound,
                       const std::string& message, const field_path& path);
// status.collisionCount may not decrease.
error_list collision_count(const nlohmann::json& object, const nlohmann::json& old);

}  // namespace troupe::api::validation
