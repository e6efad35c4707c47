// Namespaces, Nodes, core/v1 Events, ServiceAccounts and Leases with kube's
// rules (ValidateNamespace*, ValidateNode*, legacyValidateEvent — the only
// Event rules kube applies to core/v1 —, ValidateServiceAccount*,
// coordination's ValidateLease*).
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list validate_namespace(const nlohmann::json& object);
error_list validate_namespace_update(const nlohmann::json& object, const nlohmann::json& old);
error_list validate_namespace_status_update(const nlohmann::json& object,
                                            const nlohmann::json& old);

error_list validate_node(const nlohmann::json& object);
error_list validate_node_update(const nlohmann::json& object, const nlohmann::json& old);

error_list validate_event(const nlohmann::json& object);

error_list validate_service_account(const nlohmann::json& object);
error_list validate_service_account_update(const nlohmann::json& object, const nlohmann::json& old);

error_list validate_lease(const nlohmann::json& object);
error_list validate_lease_update(const nlohmann::json& object, const nlohmann::json& old);

}  // namespace troupe::api::validation
