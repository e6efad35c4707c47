#include "actors/api/core/merge_patch.hpp"

#include "actors/api/core/json_limits.hpp"

namespace troupe::api {

patch_result<nlohmann::json> apply_merge_patch(const nlohmann::json& target,
                                               const nlohmann::json& patch) {
  if (auto error = check_depth(target, "the target")) return *error;
  if (auto error = check_depth(patch, "the patch")) return *error;
  try {
    // nlohmann's merge_patch implements RFC 7386 section 2 exactly; its
    // recursion is bounded by the depth checked above.
    nlohmann::json result = target;
    result.merge_patch(patch);
    return result;
  } catch (const std::exception& error) {
    return patch_error{patch_error_kind::unprocessable, error.what()};
  }
}

}  // namespace troupe::api
