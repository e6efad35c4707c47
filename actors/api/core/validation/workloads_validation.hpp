// The apps/v1 workloads as kube validates them (pkg/apis/apps/validation
// plus the selector immutability their registry strategies add for
// apps/v1): Deployment, ReplicaSet, StatefulSet and DaemonSet on create,
// update and status update. StatefulSet templates get only their labels
// and annotations checked, as kube does (its pod spec is not validated).
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list validate_deployment(const nlohmann::json& object);
error_list validate_deployment_update(const nlohmann::json& object, const nlohmann::json& old);
error_list validate_deployment_status_update(const nlohmann::json& object,
                                             const nlohmann::json& old);

error_list validate_replica_set(const nlohmann::json& object);
error_list validate_replica_set_update(const nlohmann::json& object, const nlohmann::json& old);
error_list validate_replica_set_status_update(const nlohmann::json& object,
                                              const nlohmann::json& old);

error_list validate_stateful_set(const nlohmann::json& object);
error_list validate_stateful_set_update(const nlohmann::json& object, const nlohmann::json& old);
error_list validate_stateful_set_status_update(const nlohmann::json& object,
                                               const nlohmann::json& old);

error_list validate_daemon_set(const nlohmann::json& object);
error_list validate_daemon_set_update(const nlohmann::json& object, const nlohmann::json& old);
error_list validate_daemon_set_status_update(const nlohmann::json& object,
                                             const nlohmann::json& old);

}  // namespace troupe::api::validation
