// The error value every patch function returns instead of throwing. A patch
// comes from the network, so every failure is an operating error: the caller
// turns it into a Kubernetes Status with the HTTP code the kind suggests.
#pragma once

#include <string>
#include <variant>

namespace troupe::api {

enum class patch_error_kind {
  // The patch document itself is malformed (wrong JSON type, unknown
  // operation or directive, bad JSON Pointer). HTTP 400.
  bad_request,
  // The patch is well formed but cannot be applied to this object (a path
  // that does not exist, a failed "test", a list element without its merge
  // key). HTTP 422.
  unprocessable,
  // Strategic merge patch asked for a kind without a registered schema
  // (custom resources, unknown kinds). HTTP 415, as Kubernetes answers.
  unsupported_media_type,
  // A document or patch exceeds a limit in json_limits.hpp. HTTP 413.
  too_large,
};

struct patch_error {
  patch_error_kind kind = patch_error_kind::bad_request;
  // Names where it went wrong, e.g.
  // "spec.template.spec.containers[name=nginx].ports: ...".
  std::string message;
};

template <class T>
using patch_result = std::variant<T, patch_error>;

}  // namespace troupe::api
