// The discovery documents kubectl reads before anything else (KUBECTL.md
// "Discovery"), built from the resource registry:
//   GET /version                    version_document()
//   GET /api  (aggregated Accept)   aggregated_discovery(core)  with
//   GET /apis (aggregated Accept)   aggregated_discovery(groups)  the content
//                                   type aggregated_discovery_content_type
//   GET /api  (legacy)              legacy_core_versions()  APIVersions
//   GET /apis (legacy)              legacy_group_list()     APIGroupList
//   GET /apis/G                     legacy_group(G)         APIGroup
//   GET /api/v1, /apis/G/V          resource_list(G, V)     APIResourceList
// Pure: documents are values; the gateway picks one by path and Accept.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api {

// Exactly what kubectl requires for aggregated discovery; the same body as
// plain application/json is misread as legacy discovery.
constexpr std::string_view aggregated_discovery_content_type =
    "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

enum class discovery_scope { core, groups };

// /version: Kubernetes 1.32 (kubectl's dispatcher picks its build by minor).
nlohmann::json version_document(std::string_view troupe_version);

// APIGroupDiscoveryList (apidiscovery.k8s.io/v2) of the core group (/api) or
// of the named groups (/apis), each resource with its responseKind, scope,
// verbs, short names, categories and subresources.
nlohmann::json aggregated_discovery(discovery_scope scope);

nlohmann::json legacy_core_versions();
nlohmann::json legacy_group_list();
// GET /apis/<group>: the APIGroup of one named group; nothing for others.
std::optional<nlohmann::json> legacy_group(std::string_view group);
// Nothing for a group-version the registry does not serve (404).
std::optional<nlohmann::json> resource_list(std::string_view group, std::string_view version);

}  // namespace troupe::api
