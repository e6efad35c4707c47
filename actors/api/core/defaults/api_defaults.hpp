// Kubernetes' defaulting of the built-in kinds: the SetDefaults_* functions
// of k8s.io/kubernetes/pkg/apis/*/v1 (and autoscaling/v2) as they stand in
// Kubernetes 1.32, for every field they default. kube-apiserver applies them
// when it decodes a body, so on every create, update and patch result; they
// are idempotent (defaulting a defaulted object changes nothing).
// Pure: mutates the JSON object it is given, nothing else; never throws on
// any JSON input (members of an unexpected type are left as they are, for
// validation to report).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api {

// Applies the defaults of `kind` in `api_version` to `object` (a whole
// object, apiVersion and kind included). Unknown kinds are left unchanged.
void apply_defaults(nlohmann::json& object, std::string_view api_version, std::string_view kind);

}  // namespace troupe::api
