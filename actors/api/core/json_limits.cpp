#include "actors/api/core/json_limits.hpp"

#include <string>

namespace troupe::api {

std::size_t json_depth(const nlohmann::json& value, std::size_t limit) {
  if (!value.is_structured()) return 0;
  if (limit == 0) return 1;
  std::size_t deepest = 0;
  for (const auto& child : value) {
    std::size_t child_depth = json_depth(child, limit - 1);
    if (child_depth > deepest) deepest = child_depth;
    if (deepest >= limit) break;
  }
  return deepest + 1;
}

std::size_t json_value_count(const nlohmann::json& value, std::size_t limit) {
  std::size_t count = 1;
  if (!value.is_structured()) return count;
  for (const auto& child : value) {
    if (count > limit) break;
    count += json_value_count(child, limit - count);
  }
  return count;
}

std::optional<patch_error> check_depth(const nlohmann::json& value, std::string_view what) {
  if (json_depth(value) <= json_depth_max) return std::nullopt;
  return patch_error{patch_error_kind::bad_request, std::string(what) + " nests deeper than " +
                                                        std::to_string(json_depth_max) + " levels"};
}

}  // namespace troupe::api
