// The schema of the built-in kinds: every field Kubernetes 1.32 declares for
// the resources of resource_registry.hpp, with its type. One source for
//   - strict decoding (`check_decoding`): what kube-apiserver's decoder says
//     of a request body: unknown fields (refused with 400 under
//     fieldValidation=Strict, warned under Warn) and values of the wrong JSON
//     type (always refused with 400, as Go's decoder refuses them);
//   - the OpenAPI v3 documents served at /openapi/v3 (kubectl reads them to
//     decide to send fieldValidation=Strict, and `kubectl explain` renders
//     their components.schemas).
// Pure: values in, values out; the schema is built on first use and never
// changes (thread-safe).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace troupe::api {

struct decoding_report {
  // Paths of members the schema does not declare, in document order, as kube
  // names them: "spec.replicasx", "spec.template.spec.containers[0].imagex".
  std::vector<std::string> unknown_fields;
  // The first value of the wrong JSON type, in Go's encoding/json wording:
  // "json: cannot unmarshal string into Go struct field
  // DeploymentSpec.spec.replicas of type int32".
  std::optional<std::string> type_error;
};

// Checks `object` (a whole object of the kind, apiVersion and kind included)
// against the schema of `kind` in `api_version`. Members under fields whose
// schema preserves unknown fields are not reported. An unknown kind reports
// nothing.
decoding_report check_decoding(const nlohmann::json& object, std::string_view api_version,
                               std::string_view kind);

// GET /openapi/v3: {"paths": {"api/v1": {"serverRelativeURL":
// "/openapi/v3/api/v1?hash=<hash of that document>"}, "apis/apps/v1": ...}}.
nlohmann::json openapi_v3_index();

// GET /openapi/v3/<path> for a path of the index ("api/v1", "apis/apps/v1");
// nothing for any other path (404).
std::optional<nlohmann::json> openapi_v3_document(std::string_view path);

}  // namespace troupe::api
