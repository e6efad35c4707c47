// The strategic-merge-patch extensions of the OpenAPI schemas, taken from
// the registry the server merges by (patch_strategies.hpp), so clients that
// compute their patches from /openapi/v3 (kubectl apply does) merge lists
// by the same keys: on each property with a strategy,
//   x-kubernetes-patch-strategy   "merge", "replace", "retainKeys" or
//                                 "merge,retainKeys"
//   x-kubernetes-patch-merge-key  the merge key of a list of objects
//   x-kubernetes-list-type        "map" with x-kubernetes-list-map-keys for
//                                 such a list, "set" for a merged list of
//                                 scalars
// as kube-apiserver's documents carry them. Pure.
#pragma once

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/schema/schema_model.hpp"

namespace troupe::api::schema {

// `schemas` is a components.schemas object holding the schemas of `kinds`
// (type indexes of top-level kinds) and of what they reference.
void add_patch_extensions(nlohmann::json& schemas, const schema_model& model,
                          const std::vector<std::size_t>& kinds);

}  // namespace troupe::api::schema
