// Kubernetes' validation of the built-in kinds (k8s.io/kubernetes/pkg/apis/
// */validation and apimachinery's ObjectMeta validation, Kubernetes 1.32):
// the causes of a 422 Invalid answer, each naming its field path with kube's
// wording, e.g. {required, "spec.containers[0].image"}.
//
// Objects reach validation decoded (check_decoding passed: every value has
// its schema's JSON type) and defaulted (apply_defaults), as in kube.
// Pure; never throws on any JSON input.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/api_status.hpp"

namespace troupe::api {

// On create: metadata (name by the kind's name rule, generateName, labels,
// annotations, ownerReferences, finalizers) and the kind's spec rules.
std::vector<field_error> validate_create(const nlohmann::json& object, std::string_view api_version,
                                         std::string_view kind);

// On update (PUT or the result of a PATCH) of the main resource: the create
// rules on `object`, plus what may not change from `old` (immutable metadata
// and spec fields: "field is immutable").
std::vector<field_error> validate_update(const nlohmann::json& object, const nlohmann::json& old,
                                         std::string_view api_version, std::string_view kind);

// On an update of the status subresource: the status rules of the kind (e.g.
// non-negative replica counts), and metadata as on update.
std::vector<field_error> validate_status_update(const nlohmann::json& object,
                                                const nlohmann::json& old,
                                                std::string_view api_version,
                                                std::string_view kind);

}  // namespace troupe::api
