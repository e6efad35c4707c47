// Decoding a request body into the object of the endpoint's kind, as
// kube-apiserver's decoder does before anything else: the media type
// (JSON or YAML; protobuf is not served: 415), a parseable single object,
// its apiVersion and kind agreeing with the endpoint, values of the schema's
// JSON types (400 otherwise, in Go's wording), and unknown fields by the
// request's fieldValidation (Strict: 400; Warn: one warning each, kept;
// Ignore: kept). Unknown fields are kept rather than dropped, so objects
// round-trip (DESIGN.md principle 4).
// Pure; every failure is a Kubernetes Status (400, 413 or 415).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/api_failure.hpp"
#include "actors/api/core/server/request_options.hpp"

namespace troupe::api {

// kube-apiserver's limit on a request body (3 MiB).
constexpr std::size_t request_body_bytes_max = 3 * 1024 * 1024;

struct decoded_object {
  nlohmann::json object;
  std::vector<std::string> warnings;
};

// The media type without parameters, lowercased: "application/json".
std::string media_type_of(std::string_view content_type);

// Parses a JSON or YAML (one document) body into a JSON value, refusing
// other media types with 415.
api_result<nlohmann::json> parse_body(std::string_view content_type, std::string_view body);

// The body as an object of `resource`'s kind, checked as described above.
api_result<decoded_object> decode_object(const resource_info& resource,
                                         std::string_view content_type, std::string_view body,
                                         field_validation validation);

// The decoding checks on an object built by the server (a patch result):
// type errors and unknown fields by `validation`.
api_result<std::vector<std::string>> check_object_fields(const resource_info& resource,
                                                         const nlohmann::json& object,
                                                         field_validation validation);

}  // namespace troupe::api
