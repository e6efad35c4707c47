// Kube's apiequality.Semantic.DeepEqual for decoded JSON objects: a member
// that is absent equals one set to its zero value (null, "", 0, false, [],
// {}), as Go's zero-valued struct fields and nil slices/maps compare equal to
// empty ones; quantities inside resource lists (requests, limits, capacity,
// overhead, hard, used, allocatable) compare by value ("1Gi" == "1024Mi").
// Contract: never throws; recursion is bounded by json_depth_max (deeper
// values compare unequal).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace troupe::api::validation {

bool semantically_equal(const nlohmann::json& a, const nlohmann::json& b);

// The paths (relative to `root`, e.g. "spec.restartPolicy") where `a` and
// `b` differ semantically, with both values as JSON text, at most `limit`.
struct difference {
  std::string path;
  std::string before;
  std::string after;
};
std::vector<difference> differences(const nlohmann::json& a, const nlohmann::json& b,
                                    const std::string& root, std::size_t limit);

// A readable rendering of differences, one "- path: before" and
// "+ path: after" pair per difference (kube appends a go-cmp diff here).
std::string describe_differences(const std::vector<difference>& found);

}  // namespace troupe::api::validation
