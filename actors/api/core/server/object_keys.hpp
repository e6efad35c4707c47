// Where API objects live in the consensus store:
//   /registry/<group>/<plural>/<namespace>/<name>   namespaced kinds
//   /registry/<group>/<plural>/<name>               cluster-scoped kinds
// with group "core" for the core group. The key has no version: every
// served version of a resource shares its storage (HPA autoscaling/v1 and
// v2 are one set of objects, kept in v2). Pure string functions.
#pragma once

#include <string>
#include <string_view>

#include "actors/api/core/resource_registry.hpp"

namespace troupe::api {

// Every object key starts with this prefix; the api watches it.
constexpr std::string_view registry_prefix = "/registry/";

// The resource whose objects are stored for `resource` (its storage
// version): itself, except autoscaling/v1 HorizontalPodAutoscaler -> v2.
const resource_info& storage_resource(const resource_info& resource);

// "/registry/apps/deployments/" (every namespace).
std::string resource_prefix(const resource_info& resource);
// The objects of one namespace ("" = every namespace, or cluster-scoped).
std::string collection_prefix(const resource_info& resource, std::string_view namespace_name);
std::string object_key(const resource_info& resource, std::string_view namespace_name,
                       std::string_view name);
// The key of a namespace object.
std::string namespace_key(std::string_view namespace_name);

// The exclusive end of the range of keys starting with `prefix` (etcd's
// prefix range end: the last byte incremented).
std::string prefix_range_end(std::string_view prefix);

}  // namespace troupe::api
