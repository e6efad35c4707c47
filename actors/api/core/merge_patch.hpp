// RFC 7386 JSON Merge Patch (Content-Type application/merge-patch+json).
//
// Contract (pure; errors are returned, never thrown):
//   - A patch that is an object merges member by member: a null member
//     deletes that member from the target, an object member merges
//     recursively (into {} when the target member is absent or not an
//     object), any other member replaces the target member.
//   - Any other patch (array, string, number, bool, null) replaces the whole
//     target; arrays are never merged.
//   - Applying is idempotent: apply(apply(t, p), p) == apply(t, p).
// Errors: bad_request when the target or the patch nests deeper than
// json_depth_max (json_limits.hpp); the result never nests deeper than both.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/patch_error.hpp"

namespace troupe::api {

patch_result<nlohmann::json> apply_merge_patch(const nlohmann::json& target,
                                               const nlohmann::json& patch);

}  // namespace troupe::api
