// The built-in resources the API serves: for each, its group, version, kind,
// plural and singular names, scope, short names, categories, verbs and
// subresources, as Kubernetes 1.32 publishes them in discovery. The single
// source for routing (/api/v1/namespaces/default/pods -> Pod), discovery
// documents (discovery.hpp) and `kubectl api-resources`.
//
// Invariants (checked by the tests):
//   1. (group, version, plural) and (group, version, kind) are unique.
//   2. Every group-version listed has at least one resource (an empty list
//      makes kubectl fail).
//   3. Short names are unique across all resources.
// Thread-safety: immutable, built on first use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace troupe::api {

struct subresource_info {
  std::string name;   // status, scale, binding, eviction, log
  std::string group;  // of the kind it answers with
  std::string version;
  std::string kind;
  std::vector<std::string> verbs;
};

struct resource_info {
  std::string group;  // "" for the core group
  std::string version;
  std::string kind;
  std::string plural;
  std::string singular;
  bool namespaced = true;
  std::vector<std::string> short_names;
  std::vector<std::string> categories;
  std::vector<std::string> verbs;
  std::vector<subresource_info> subresources;

  // "v1" for the core group, "apps/v1" otherwise.
  std::string api_version() const { return group.empty() ? version : group + "/" + version; }
};

struct group_versions {
  std::string group;
  std::vector<std::string> versions;  // preferred first
};

// Every resource, grouped by group and version in the order discovery lists
// them (core first).
const std::vector<resource_info>& builtin_resources();
// Every group with its versions, core ("") first.
const std::vector<group_versions>& builtin_groups();

const resource_info* find_resource(std::string_view group, std::string_view version,
                                   std::string_view plural);
const resource_info* find_kind(std::string_view api_version, std::string_view kind);

}  // namespace troupe::api
