// Kubernetes strategic merge patch, server side (Content-Type
// application/strategic-merge-patch+json): applies a patch that kubectl (or
// any client) computed to a live object, with the semantics of
// k8s.io/apimachinery/pkg/util/strategicpatch (StrategicMergeMapPatch with
// MergeParallelList and IgnoreUnmatchedNulls, as kube-apiserver calls it).
//
// Semantics, per field of the schema (patch_strategies.hpp):
//   - null deletes the member; objects merge recursively; scalars, lists
//     without merge strategy and values of another JSON type replace.
//   - Lists with merge strategy merge: objects by merge key (a matching live
//     element is merged recursively, others are added), scalars as a set.
//     Order: see strategic_merge_list.hpp (kube's rules, new items first).
//   - Directives: {"$patch": "replace"} in a map replaces the map, in a list
//     replaces the list; {"$patch": "delete"} empties a map, and with the
//     merge key deletes that list element; "$retainKeys": [...] drops the
//     live keys it does not name (every non-null patch key must be named);
//     "$setElementOrder/<list>": [...] orders the merged list;
//     "$deleteFromPrimitiveList/<list>": [...] removes scalars from a merged
//     list of scalars. "$patch": "merge" is refused, as Kubernetes does.
//   - A value added where nothing is live to merge with is stored without
//     directives and without null members (what kube's typed decoding keeps).
// Contract: pure; the result is the patched copy or an error, never partial;
// errors are returned, never thrown, and name the path, e.g.
// "spec.template.spec.containers[name=nginx]: ...".
// Deviations from kube (all on patches kubectl never sends), chosen to fail
// loudly instead of storing junk: $deleteFromPrimitiveList on a list without
// merge strategy or on a map is an error (kube replaces or merges);
// $setElementOrder on an empty list is not an error.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "actors/api/core/patch_error.hpp"
#include "actors/api/core/patch_strategies.hpp"

namespace troupe::api {

// Both documents must be JSON objects nested at most json_depth_max deep.
patch_result<nlohmann::json> apply_strategic_merge_patch(const nlohmann::json& original,
                                                         const nlohmann::json& patch,
                                                         const patch_schema& schema);

// Looks the schema up among the built-in kinds. Unknown kinds (custom
// resources included) get unsupported_media_type: "strategic merge patch is
// not supported for <kind>", which the HTTP layer answers with 415 as
// Kubernetes does; clients then fall back to a JSON merge patch.
patch_result<nlohmann::json> apply_strategic_merge_patch(const nlohmann::json& original,
                                                         const nlohmann::json& patch,
                                                         std::string_view api_version,
                                                         std::string_view kind);

}  // namespace troupe::api
