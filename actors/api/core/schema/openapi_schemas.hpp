// components.schemas of an OpenAPI v3 document, from the schema model: one
// schema per struct and self-decoding type reachable from the roots, named
// like kube's ("io.k8s.api.core.v1.PodSpec"), with references written as kube
// writes them ({"allOf": [{"$ref": "#/components/schemas/..."}]}); named
// scalars (aliases) are inlined. Top-level kinds carry
// x-kubernetes-group-version-kind as a list, which `kubectl explain` looks
// up. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/schema/schema_model.hpp"

namespace troupe::api::schema {

struct group_version_kind {
  std::string group;  // "" for the core group
  std::string version;
  std::string kind;
};

nlohmann::json to_json(const group_version_kind& gvk);

// {"group": "apps", "version": "v1"} of a package's api version "apps/v1".
group_version_kind group_version_of(const package_definition& package, std::string kind);

// The schemas of `roots` and of everything they reference, plus for each
// of `listed` (kinds) its list schema "<Kind>List" and the Patch schema the
// patch operations take. Versionless kinds (DeleteOptions, Status) list
// `all_group_versions` as their kinds.
nlohmann::json component_schemas(const schema_model& model, const std::vector<std::size_t>& roots,
                                 const std::vector<std::size_t>& listed,
                                 const std::vector<group_version_kind>& all_group_versions);

// "#/components/schemas/<openapi name>".
std::string schema_reference(const std::string& openapi_name);

// The OpenAPI name of the list schema of a kind: "io.k8s.api.apps.v1.DeploymentList".
std::string list_schema_name(const schema_model& model, std::size_t kind);

// The OpenAPI name of the body of patch requests.
inline constexpr const char* patch_schema_name = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

}  // namespace troupe::api::schema
