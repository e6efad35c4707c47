// Limits on patch inputs. Patches arrive from the network and the patch
// functions recurse over documents, so every document is measured (with a
// bounded walk) before any recursive work happens.
//
// Contract: json_depth(v, limit) never recurses more than limit + 1 levels and
// returns min(depth(v), limit + 1); a scalar has depth 0, [] and {} depth 1.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "actors/api/core/patch_error.hpp"

namespace troupe::api {

// Deepest nesting of arrays and objects accepted in an original object, a
// patch or a result. Kubernetes objects nest about 15 levels deep.
constexpr std::size_t json_depth_max = 256;

// RFC 6902 operations accepted in one JSON patch (kube-apiserver's limit).
constexpr std::size_t json_patch_operations_max = 10'000;

// JSON values (each scalar, array and object counts one) that "copy"
// operations of one JSON patch may duplicate in total; each copy can double
// the document, so without a bound a short patch could exhaust memory.
constexpr std::size_t json_patch_copied_values_max = 1'000'000;

std::size_t json_depth(const nlohmann::json& value, std::size_t limit = json_depth_max);

// Counts the values in `value`, stopping once the count exceeds `limit`.
std::size_t json_value_count(const nlohmann::json& value, std::size_t limit);

// An error naming `what` ("original", "patch") when `value` nests deeper
// than json_depth_max.
std::optional<patch_error> check_depth(const nlohmann::json& value, std::string_view what);

}  // namespace troupe::api
