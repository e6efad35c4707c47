#include "actors/api/core/schema/openapi_documents.hpp"

#include <cstdint>
#include <map>
#include <vector>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/schema/api_schema.hpp"
#include "actors/api/core/schema/builtin_schema.hpp"
#include "actors/api/core/schema/openapi_patch_extensions.hpp"
#include "actors/api/core/schema/openapi_paths.hpp"
#include "actors/api/core/schema/openapi_schemas.hpp"

namespace troupe::api {

namespace schema {

namespace {

using json = nlohmann::json;

std::vector<group_version_kind> registry_group_versions() {
  std::vector<group_version_kind> group_versions;
  for (const auto& group : builtin_groups())
    for (const auto& version : group.versions) group_versions.push_back({group.group, version, ""});
  return group_versions;
}

std::string index_path(std::string_view group, std::string_view version) {
  if (group.empty()) return "api/" + std::string(version);
  return "apis/" + std::string(group) + "/" + std::string(version);
}

struct published_document {
  json document;
  std::string hash;
};

struct publication {
  std::map<std::string, published_document, std::less<>> documents;  // by index path
  json index;
};

publication publish() {
  publication result;
  json paths = json::object();
  for (const auto& group_version : registry_group_versions()) {
    json document =
        build_openapi_document(builtin_schema(), group_version.group, group_version.version);
    std::string path = index_path(group_version.group, group_version.version);
    std::string hash = document_hash(document.dump());
    paths[path] = json{{"serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash}};
    result.documents.emplace(path, published_document{std::move(document), std::move(hash)});
  }
  result.index = json{{"paths", paths}};
  return result;
}

const publication& published() {
  static const publication instance = publish();
  return instance;
}

}  // namespace

json build_openapi_document(const schema_model& model, std::string_view group,
                            std::string_view version) {
  std::vector<const resource_info*> resources;
  for (const auto& resource : builtin_resources())
    if (resource.group == group && resource.version == version) resources.push_back(&resource);
  std::vector<std::size_t> listed;
  for (const auto* resource : resources)
    if (const auto* kind = find_kind(model, resource->api_version(), resource->kind))
      listed.push_back(type_index(model, *kind));
  auto schemas = component_schemas(model, referenced_types(model, resources), listed,
                                   registry_group_versions());
  add_patch_extensions(schemas, model, listed);
  json components{
      {"schemas", std::move(schemas)},
      {"securitySchemes", json{{"BearerToken", json{{"description", "Bearer Token authentication"},
                                                    {"in", "header"},
                                                    {"name", "authorization"},
                                                    {"type", "apiKey"}}}}}};
  return json{{"components", components},
              {"info", json{{"title", "Kubernetes"}, {"version", "v1.32.0"}}},
              {"openapi", "3.0.0"},
              {"paths", resource_paths(model, resources)},
              {"security", json::array({json{{"BearerToken", json::array()}}})}};
}

std::string document_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  constexpr std::string_view digits = "0123456789ABCDEF";
  std::string hex(16, '0');
  for (std::size_t i = 0; i < hex.size(); ++i)
    hex[hex.size() - 1 - i] = digits[(hash >> (4 * i)) & 0xF];
  return hex;
}

}  // namespace schema

nlohmann::json openapi_v3_index() {
  return schema::published().index;
}

std::optional<nlohmann::json> openapi_v3_document(std::string_view path) {
  const auto& documents = schema::published().documents;
  auto found = documents.find(path);
  if (found == documents.end()) return std::nullopt;
  return found->second.document;
}

}  // namespace troupe::api
