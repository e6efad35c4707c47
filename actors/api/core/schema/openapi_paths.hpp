// The `paths` of an OpenAPI v3 document for the resources of the registry:
// for each resource its collection, item, all-namespaces and subresource
// paths with the operations its verbs allow (list, create, deletecollection,
// read, replace, patch, delete), each carrying x-kubernetes-action,
// x-kubernetes-group-version-kind (an object) and kube's query parameters.
// kubectl decides to send fieldValidation=Strict when a patch operation for
// the kind has a fieldValidation parameter; `kubectl explain` finds a
// resource's kind from these operations. Pure.
#pragma once

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/schema/schema_model.hpp"

namespace troupe::api::schema {

// The schema types the paths of `resources` reference: their kinds, the kinds
// of their subresources, DeleteOptions and Status.
std::vector<std::size_t> referenced_types(const schema_model& model,
                                          const std::vector<const resource_info*>& resources);

// The paths of `resources`, all of one group-version. Resources whose kind
// the schema lacks are left out.
nlohmann::json resource_paths(const schema_model& model,
                              const std::vector<const resource_info*>& resources);

}  // namespace troupe::api::schema
