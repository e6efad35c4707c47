// Building api_response values: JSON bodies, Status failures, and the
// Kubernetes answer to each store error, so every failure the api core
// returns reads as kube-apiserver's would.
// Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/api_failure.hpp"
#include "messages/core/api.hpp"
#include "messages/core/error_codes.hpp"

namespace troupe::api {

constexpr std::string_view json_content_type = "application/json";

api_response json_response(std::uint16_t code, const nlohmann::json& body,
                           std::vector<std::string> warnings = {});
// A body already serialized as JSON.
api_response json_text_response(std::uint16_t code, std::string body,
                                std::vector<std::string> warnings = {});
api_response failure_response(const api_failure& failure);

// How kube names the resource an error is about.
resource_name name_of(const resource_info& resource, std::string name = {});

// The Status for a store refusal (not_leader/no_leader: 503, queue_full:
// 429, timeout: 504, value_too_large: 413, compacted: 410, ...).
api_failure store_failure(store_error error, const std::string& detail);

// 500 for a stored value that does not decode (never expected).
api_failure corrupt_object(const std::string& key, const std::string& why);

}  // namespace troupe::api
