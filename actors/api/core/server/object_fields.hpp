// The fields each resource can be selected by (`?fieldSelector=`): kube's
// GetAttrs per registry (pods: spec.nodeName, status.phase, ...; events:
// involvedObject.*, reason, type, ...), plus metadata.name and, for
// namespaced kinds, metadata.namespace. Pure.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/resource_registry.hpp"

namespace troupe::api {

// Sorted.
const std::vector<std::string>& selectable_fields(const resource_info& resource);

// Each selectable field's value in `object` ("" when absent, booleans and
// numbers in Go's text form).
std::map<std::string, std::string> field_values(const nlohmann::json& object,
                                                const resource_info& resource);

}  // namespace troupe::api
