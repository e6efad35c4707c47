// A PATCH body applied to the current object, by its Content-Type:
//   application/json-patch+json            RFC 6902 (json_patch.hpp)
//   application/merge-patch+json           RFC 7386 (merge_patch.hpp)
//   application/strategic-merge-patch+json Kubernetes' (strategic_merge_patch.hpp)
// Server-side apply (application/apply-patch+yaml) is not served: 415 with
// the types above, as for any other type. Patch errors keep the patch
// library's kind: malformed 400, inapplicable 422, unsupported 415, too
// large 413. Pure.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "actors/api/core/server/api_failure.hpp"

namespace troupe::api {

// `kind` and `api_version` choose the strategic merge patch schema; with
// `strategic_as_merge` (the Scale subresource, which has no merge keys) a
// strategic merge patch applies as a merge patch.
api_result<nlohmann::json> apply_patch_request(const nlohmann::json& current,
                                               std::string_view content_type, std::string_view body,
                                               std::string_view api_version, std::string_view kind,
                                               bool strategic_as_merge = false);

}  // namespace troupe::api
