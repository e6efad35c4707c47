// What the api operations share: the object a request is about (its served
// and storage resource, namespace, name, key), conversion between the served
// version and the storage version, and the decode-default-validate steps of
// every write. Pure.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/api_failure.hpp"
#include "actors/api/core/server/request_options.hpp"
#include "actors/api/core/server/stored_object.hpp"
#include "messages/core/api.hpp"
#include "messages/core/store.hpp"

namespace troupe::api {

struct request_target {
  const resource_info* served = nullptr;  // the endpoint's resource
  const resource_info* stored = nullptr;  // its storage version
  std::string namespace_name;             // "" for cluster-scoped
  std::string name;
  std::string key;  // object_key(stored, namespace, name)
};

request_target target_of(const api_request& request, const resource_info& resource);

// The object in the storage version / in the served version.
nlohmann::json to_storage(nlohmann::json object, const resource_info& served);
nlohmann::json to_served(nlohmann::json object, const resource_info& served);

// A stored key-value as the served object (text or parsed).
api_result<std::string> served_text(const key_value& stored, const resource_info& served);
api_result<nlohmann::json> served_object(const key_value& stored, const resource_info& served);
// A stored-version object with resource version `revision`, served.
nlohmann::json served_with_version(nlohmann::json object, std::int64_t revision,
                                   const resource_info& served);

// The same as text from its stored form (no JSON work unless the served
// version converts).
std::string served_text_with_version(const stored_object& stored, const nlohmann::json& object,
                                     std::int64_t revision, const resource_info& served);

// Defaults of the served version, conversion, defaults of the storage
// version: the object as it is stored.
nlohmann::json defaulted_for_storage(nlohmann::json served_object, const resource_info& served);

// 422 Invalid naming the served kind, or nothing when `causes` is empty.
std::optional<api_failure> invalid_failure(const resource_info& served, const std::string& name,
                                           const std::vector<field_error>& causes);

// kube's checks of a body's namespace against the request's: an empty one
// takes the request's; another one is a 400. Cluster-scoped objects lose it.
std::optional<api_failure> settle_namespace(nlohmann::json& object, const request_target& target);

// A body's name must be the URL's on update, and its namespace, if it has
// one, the request's (400 otherwise, in kube's checkName wording).
std::optional<api_failure> check_name_matches(const nlohmann::json& object,
                                              const request_target& target);

// Bounds the read-modify-write retries of one update after store conflicts.
constexpr int update_attempts_max = 16;

}  // namespace troupe::api
