#include "actors/api/core/server/patch_request.hpp"

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/json_patch.hpp"
#include "actors/api/core/merge_patch.hpp"
#include "actors/api/core/server/body_decoding.hpp"
#include "actors/api/core/strategic_merge_patch.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

const std::vector<std::string> patch_media_types{"application/json-patch+json",
                                                 "application/merge-patch+json",
                                                 "application/strategic-merge-patch+json"};

api_failure failure_of_patch(const patch_error& error) {
  switch (error.kind) {
    case patch_error_kind::bad_request:
      return {bad_request(error.message)};
    case patch_error_kind::unprocessable:
      return {status_body(422, "Invalid", error.message)};
    case patch_error_kind::unsupported_media_type:
      return {status_body(415, "UnsupportedMediaType", error.message)};
    case patch_error_kind::too_large:
      return {request_entity_too_large(request_body_bytes_max)};
  }
  return {bad_request(error.message)};
}

}  // namespace

api_result<json> apply_patch_request(const json& current, std::string_view content_type,
                                     std::string_view body, std::string_view api_version,
                                     std::string_view kind, bool strategic_as_merge) {
  auto media = media_type_of(content_type);
  enum class patch_kind { json_patch, merge, strategic } type;
  if (media == patch_media_types[0]) {
    type = patch_kind::json_patch;
  } else if (media == patch_media_types[1]) {
    type = patch_kind::merge;
  } else if (media == patch_media_types[2]) {
    type = strategic_as_merge ? patch_kind::merge : patch_kind::strategic;
  } else {
    return api_failure{unsupported_media_type(patch_media_types)};
  }
  if (body.size() > request_body_bytes_max)
    return api_failure{request_entity_too_large(request_body_bytes_max)};
  auto patch = json::parse(body, nullptr, false);
  if (patch.is_discarded())
    return api_failure{bad_request("error decoding patch: invalid JSON in the request body")};
  if (auto error = check_depth(patch, "patch")) return failure_of_patch(*error);
  patch_result<json> result = patch_error{};
  switch (type) {
    case patch_kind::json_patch:
      result = apply_json_patch(current, patch);
      break;
    case patch_kind::merge:
      result = apply_merge_patch(current, patch);
      break;
    case patch_kind::strategic:
      result = apply_strategic_merge_patch(current, patch, api_version, kind);
      break;
  }
  if (auto* error = std::get_if<patch_error>(&result)) return failure_of_patch(*error);
  auto& patched = std::get<json>(result);
  if (!patched.is_object())
    return api_failure{bad_request("the patch does not leave a JSON object")};
  return std::move(patched);
}

}  // namespace troupe::api
