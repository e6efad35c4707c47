// Kubernetes `Status` bodies for every failure the API answers, with
// kube-apiserver's codes, reasons and wording (k8s.io/apimachinery/pkg/api/
// errors and pkg/util/validation/field), so kubectl prints what it prints
// against Kubernetes:
//   Error from server (NotFound): pods "x" not found
//   The Pod "x" is invalid: spec.containers[0].image: Required value
// A resource is named as kube does: its plural, qualified by a non-core
// group ("deployments.apps"). Pure: builds JSON values, nothing else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace troupe::api {

// The resource an error is about.
struct resource_name {
  std::string group;     // "" for core
  std::string resource;  // plural: "pods"
  std::string kind;      // "Pod", for Invalid
  std::string name;      // the object's name, may be empty
  // "pods" or "deployments.apps": how kube names the resource in messages.
  std::string qualified() const { return group.empty() ? resource : resource + "." + group; }
};

// One cause of an Invalid error (field.Error).
struct field_error {
  enum class kind {
    required,
    invalid,
    not_supported,
    forbidden,
    duplicate,
    too_long,
    too_many,
    not_found,  // field.NotFound: a reference to something that does not exist
  };
  kind type = kind::invalid;
  std::string field;  // "spec.containers[0].image"
  // The offending value as kube prints it (already quoted for strings,
  // e.g. "\"a@b\""); unused for required, forbidden and too_long.
  std::string value;
  std::string detail;

  // field.Error.ErrorBody(): "Required value", "Invalid value: \"x\": detail", ...
  std::string body() const;
  // metav1.CauseType: "FieldValueRequired", "FieldValueInvalid", ...
  std::string reason() const;
};

// A Status of `code` with `reason` and `message`, and details when given.
nlohmann::json status_body(int code, std::string_view reason, std::string_view message,
                           const nlohmann::json& details = nullptr);

nlohmann::json not_found(const resource_name& resource);
// 403: "<resource> \"<name>\" is forbidden: <why>".
nlohmann::json forbidden(const resource_name& resource, std::string_view why);
nlohmann::json already_exists(const resource_name& resource);
// A stale resourceVersion on update or delete.
nlohmann::json conflict(const resource_name& resource);
// A Conflict with kube's "Operation cannot be fulfilled on <r> \"<n>\": <why>".
nlohmann::json conflict(const resource_name& resource, std::string_view why);
// 422: one cause prints bare, several as "[a, b]" after the object's name.
nlohmann::json invalid(const resource_name& resource, const std::vector<field_error>& causes);
nlohmann::json bad_request(std::string_view message);
// `accepted`: the media types this endpoint takes, as kube lists them.
nlohmann::json unsupported_media_type(const std::vector<std::string>& accepted);
nlohmann::json request_entity_too_large(std::size_t limit_bytes);
nlohmann::json too_many_requests(int retry_after_seconds);
// 410 for a watch or list below the compaction point.
nlohmann::json expired(std::int64_t requested, std::int64_t oldest);
// 504 for a list or watch of a version the cache has not reached in time
// (kube's NewTooLargeResourceVersionError: a cause, retry after 1 s).
nlohmann::json too_large_resource_version(std::int64_t wanted, std::int64_t current);
nlohmann::json method_not_allowed(std::string_view verb, const resource_name& resource);
nlohmann::json internal_error(std::string_view message);
nlohmann::json service_unavailable(std::string_view message);

}  // namespace troupe::api
