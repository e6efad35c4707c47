#include "actors/api/core/discovery.hpp"

#include <string>

#include "actors/api/core/resource_registry.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

std::string group_version(const std::string& group, const std::string& version) {
  return group.empty() ? version : group + "/" + version;
}

json aggregated_resource(const resource_info& resource) {
  json entry{{"resource", resource.plural},
             {"responseKind",
              {{"group", resource.group}, {"version", resource.version}, {"kind", resource.kind}}},
             {"scope", resource.namespaced ? "Namespaced" : "Cluster"},
             {"singularResource", resource.singular},
             {"verbs", resource.verbs}};
  if (!resource.short_names.empty()) entry["shortNames"] = resource.short_names;
  if (!resource.categories.empty()) entry["categories"] = resource.categories;
  if (!resource.subresources.empty()) {
    json subresources = json::array();
    for (const auto& sub : resource.subresources)
      subresources.push_back(
          {{"subresource", sub.name},
           {"responseKind", {{"group", sub.group}, {"version", sub.version}, {"kind", sub.kind}}},
           {"verbs", sub.verbs}});
    entry["subresources"] = std::move(subresources);
  }
  return entry;
}

json aggregated_group(const group_versions& group) {
  json versions = json::array();
  for (const auto& version : group.versions) {
    json resources = json::array();
    for (const auto& resource : builtin_resources())
      if (resource.group == group.group && resource.version == version)
        resources.push_back(aggregated_resource(resource));
    versions.push_back({{"version", version}, {"resources", resources}, {"freshness", "Current"}});
  }
  json metadata{{"creationTimestamp", nullptr}};
  if (!group.group.empty()) metadata["name"] = group.group;
  return json{{"metadata", metadata}, {"versions", versions}};
}

}  // namespace

json version_document(std::string_view troupe_version) {
  return json{{"major", "1"},
              {"minor", "32"},
              {"gitVersion", "v1.32.0-troupe." + std::string(troupe_version)},
              {"gitCommit", "troupe"},
              {"gitTreeState", "clean"},
              {"buildDate", "2026-01-01T00:00:00Z"},
              {"goVersion", "none (C++20, CAF 0.17)"},
              {"compiler", "gc"},
              {"platform", "linux/amd64"}};
}

json aggregated_discovery(discovery_scope scope) {
  json items = json::array();
  for (const auto& group : builtin_groups())
    if (group.group.empty() == (scope == discovery_scope::core))
      items.push_back(aggregated_group(group));
  return json{{"kind", "APIGroupDiscoveryList"},
              {"apiVersion", "apidiscovery.k8s.io/v2"},
              {"metadata", json::object()},
              {"items", items}};
}

json legacy_core_versions() {
  return json{
      {"kind", "APIVersions"}, {"versions", {"v1"}}, {"serverAddressByClientCIDRs", json::array()}};
}

json legacy_group_list() {
  json groups = json::array();
  for (const auto& group : builtin_groups()) {
    if (group.group.empty()) continue;
    json versions = json::array();
    for (const auto& version : group.versions)
      versions.push_back(
          {{"groupVersion", group_version(group.group, version)}, {"version", version}});
    groups.push_back(
        {{"name", group.group}, {"versions", versions}, {"preferredVersion", versions.front()}});
  }
  return json{{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", groups}};
}

std::optional<json> legacy_group(std::string_view group) {
  auto list = legacy_group_list();
  for (auto& entry : list["groups"])
    if (entry["name"] == group) {
      entry["kind"] = "APIGroup";
      entry["apiVersion"] = "v1";
      return entry;
    }
  return std::nullopt;
}

std::optional<json> resource_list(std::string_view group, std::string_view version) {
  json resources = json::array();
  for (const auto& resource : builtin_resources()) {
    if (resource.group != group || resource.version != version) continue;
    json entry{{"name", resource.plural},
               {"singularName", resource.singular},
               {"namespaced", resource.namespaced},
               {"kind", resource.kind},
               {"verbs", resource.verbs}};
    if (!resource.short_names.empty()) entry["shortNames"] = resource.short_names;
    if (!resource.categories.empty()) entry["categories"] = resource.categories;
    resources.push_back(std::move(entry));
    for (const auto& sub : resource.subresources) {
      json sub_entry{{"name", resource.plural + "/" + sub.name},
                     {"singularName", ""},
                     {"namespaced", resource.namespaced},
                     {"kind", sub.kind},
                     {"verbs", sub.verbs}};
      if (sub.group != resource.group || sub.version != resource.version) {
        sub_entry["group"] = sub.group;
        sub_entry["version"] = sub.version;
      }
      resources.push_back(std::move(sub_entry));
    }
  }
  if (resources.empty()) return std::nullopt;
  return json{{"kind", "APIResourceList"},
              {"apiVersion", "v1"},
              {"groupVersion", group_version(std::string(group), std::string(version))},
              {"resources", resources}};
}

}  // namespace troupe::api
