// Services, Endpoints and EndpointSlices (kube's ValidateService*,
// ValidateEndpoints*, discovery's ValidateEndpointSlice*). Allocation is
// not validation: node port ranges, cluster IP ranges and the health check
// node port are the allocators' concern, and a clusterIP given without
// clusterIPs is read as clusterIPs: [clusterIP], as kube's strategy
// normalizes it before validating.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list validate_service(const nlohmann::json& object);
error_list validate_service_update(const nlohmann::json& object, const nlohmann::json& old);
error_list validate_service_status_update(const nlohmann::json& object, const nlohmann::json& old);

error_list validate_endpoints(const nlohmann::json& object);
error_list validate_endpoints_update(const nlohmann::json& object, const nlohmann::json& old);

error_list validate_endpoint_slice(const nlohmann::json& object);
error_list validate_endpoint_slice_update(const nlohmann::json& object, const nlohmann::json& old);

}  // namespace troupe::api::validation
