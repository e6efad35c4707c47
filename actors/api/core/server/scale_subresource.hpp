// The scale subresource of Deployments, ReplicaSets and StatefulSets: the
// autoscaling/v1 Scale kube serves (metadata name, namespace, uid,
// resourceVersion, creationTimestamp; spec.replicas; status.replicas and
// status.selector as a label selector string), and a Scale written back
// as the object's spec.replicas. Pure.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/server/api_failure.hpp"

namespace troupe::api {

// `object` is the served object with its resourceVersion.
nlohmann::json scale_of(const nlohmann::json& object);

// The object with the Scale's spec.replicas, or 422 naming the Scale
// ("Scale.autoscaling \"x\" is invalid: spec.replicas: ...").
api_result<nlohmann::json> apply_scale(nlohmann::json object, const nlohmann::json& scale,
                                       const std::string& name);

}  // namespace troupe::api
