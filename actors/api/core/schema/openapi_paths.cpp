#include "actors/api/core/schema/openapi_paths.hpp"

#include <cctype>
#include <optional>
#include <string>

#include "actors/api/core/schema/openapi_parameters.hpp"
#include "actors/api/core/schema/openapi_schemas.hpp"

namespace troupe::api::schema {

namespace {

using json = nlohmann::json;

bool has_verb(const std::vector<std::string>& verbs, std::string_view verb) {
  for (const auto& known : verbs)
    if (known == verb) return true;
  return false;
}

std::string capitalized(std::string_view word) {
  std::string text(word);
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// The group as kube's operation ids and tags spell it: "" -> core,
// "rbac.authorization.k8s.io" -> rbacAuthorization.
std::string group_word(std::string_view group) {
  if (group.empty()) return "core";
  constexpr std::string_view suffix = ".k8s.io";
  if (group.size() > suffix.size() && group.substr(group.size() - suffix.size()) == suffix)
    group.remove_suffix(suffix.size());
  std::string word;
  bool upper = false;
  for (char c : group) {
    if (c == '.') {
      upper = true;
      continue;
    }
    word += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return word;
}

json content_of(const json& schema, std::initializer_list<std::string_view> media_types) {
  json content = json::object();
  for (auto media_type : media_types) content[std::string(media_type)] = json{{"schema", schema}};
  return content;
}

json responses(std::initializer_list<std::pair<std::string_view, std::string_view>> codes,
               const json& schema) {
  json result{{"401", json{{"description", "Unauthorized"}}}};
  for (const auto& [code, description] : codes)
    result[std::string(code)] =
        json{{"content", content_of(schema, {"application/json", "application/yaml",
                                             "application/vnd.kubernetes.protobuf"})},
             {"description", description}};
  return result;
}

json reference(const std::string& openapi_name) {
  return json{{"$ref", schema_reference(openapi_name)}};
}

json body_of(const json& schema) {
  return json{{"content", content_of(schema, {"*/*"})}, {"required", true}};
}

json patch_body() {
  return json{{"content", content_of(reference(patch_schema_name),
                                     {"application/apply-patch+yaml", "application/json-patch+json",
                                      "application/merge-patch+json",
                                      "application/strategic-merge-patch+json"})},
              {"required", true}};
}

// What the operations of one resource share.
struct resource_context {
  const schema_model& model;
  const resource_info& resource;
  std::string prefix;     // "/apis/apps/v1"
  std::string id_infix;   // "AppsV1"
  std::string tag;        // "apps_v1"
  std::string scope;      // "Namespaced" or ""
  std::string kind_name;  // the kind's schema
  std::string delete_options_name;
  std::string status_name;
};

json operation(const resource_context& context, std::string_view action, std::string id,
               std::string description, const group_version_kind& gvk, json parameters) {
  json result{{"description", std::move(description)},
              {"operationId", std::move(id)},
              {"tags", json::array({context.tag})},
              {"x-kubernetes-action", action},
              {"x-kubernetes-group-version-kind", to_json(gvk)}};
  if (!parameters.empty()) result["parameters"] = std::move(parameters);
  return result;
}

group_version_kind resource_gvk(const resource_info& resource) {
  return {resource.group, resource.version, resource.kind};
}

json collection_item(const resource_context& context) {
  const auto& resource = context.resource;
  auto gvk = resource_gvk(resource);
  std::string suffix = context.id_infix + context.scope + resource.kind;
  json item = json::object();
  if (has_verb(resource.verbs, "list")) {
    item["get"] =
        operation(context, "list", "list" + suffix,
                  "list or watch objects of kind " + resource.kind, gvk, list_parameters());
    item["get"]["responses"] = responses({{"200", "OK"}}, reference(context.kind_name + "List"));
  }
  if (has_verb(resource.verbs, "create")) {
    item["post"] = operation(context, "post", "create" + suffix, "create a " + resource.kind, gvk,
                             write_parameters());
    item["post"]["requestBody"] = body_of(reference(context.kind_name));
    item["post"]["responses"] = responses({{"200", "OK"}, {"201", "Created"}, {"202", "Accepted"}},
                                          reference(context.kind_name));
  }
  if (has_verb(resource.verbs, "deletecollection")) {
    item["delete"] =
        operation(context, "deletecollection",
                  "delete" + context.id_infix + "Collection" + context.scope + resource.kind,
                  "delete collection of " + resource.kind, gvk, delete_collection_parameters());
    item["delete"]["requestBody"] = body_of(reference(context.delete_options_name));
    item["delete"]["responses"] = responses({{"200", "OK"}}, reference(context.status_name));
  }
  json path_parameters = json::array();
  if (resource.namespaced) path_parameters.push_back(namespace_parameter());
  path_parameters.push_back(pretty_parameter());
  item["parameters"] = path_parameters;
  return item;
}

json item_parameters(const resource_context& context) {
  json parameters = json::array({name_parameter(context.resource.kind)});
  if (context.resource.namespaced) parameters.push_back(namespace_parameter());
  parameters.push_back(pretty_parameter());
  return parameters;
}

// get, put and patch of an object or of its status or scale.
void add_read_write(const resource_context& context, json& item,
                    const std::vector<std::string>& verbs, const group_version_kind& gvk,
                    const std::string& schema, std::string_view suffix) {
  const auto& kind = context.resource.kind;
  std::string id = context.id_infix + context.scope + kind + std::string(suffix);
  std::string what =
      suffix.empty() ? "the specified " + kind : std::string(suffix) + " of the specified " + kind;
  if (has_verb(verbs, "get")) {
    item["get"] = operation(context, "get", "read" + id, "read " + what, gvk, json::array());
    item["get"]["responses"] = responses({{"200", "OK"}}, reference(schema));
  }
  if (has_verb(verbs, "update")) {
    item["put"] =
        operation(context, "put", "replace" + id, "replace " + what, gvk, write_parameters());
    item["put"]["requestBody"] = body_of(reference(schema));
    item["put"]["responses"] = responses({{"200", "OK"}, {"201", "Created"}}, reference(schema));
  }
  if (has_verb(verbs, "patch")) {
    item["patch"] = operation(context, "patch", "patch" + id, "partially update " + what, gvk,
                              patch_parameters());
    item["patch"]["requestBody"] = patch_body();
    item["patch"]["responses"] = responses({{"200", "OK"}, {"201", "Created"}}, reference(schema));
  }
}

json object_item(const resource_context& context) {
  const auto& resource = context.resource;
  json item = json::object();
  add_read_write(context, item, resource.verbs, resource_gvk(resource), context.kind_name, "");
  if (has_verb(resource.verbs, "delete")) {
    item["delete"] =
        operation(context, "delete", "delete" + context.id_infix + context.scope + resource.kind,
                  "delete a " + resource.kind, resource_gvk(resource), delete_parameters());
    item["delete"]["requestBody"] =
        json{{"content", content_of(reference(context.delete_options_name), {"*/*"})}};
    item["delete"]["responses"] =
        responses({{"200", "OK"}, {"202", "Accepted"}}, reference(context.status_name));
  }
  item["parameters"] = item_parameters(context);
  return item;
}

std::optional<json> subresource_item(const resource_context& context, const subresource_info& sub) {
  group_version_kind gvk{sub.group, sub.version, sub.kind};
  std::string api_version = sub.group.empty() ? sub.version : sub.group + "/" + sub.version;
  const auto* kind = find_kind(context.model, api_version, sub.kind);
  if (kind == nullptr) return std::nullopt;
  std::string schema = openapi_name(context.model, type_index(context.model, *kind));
  std::string suffix = capitalized(sub.name);
  std::string id = context.id_infix + context.scope + context.resource.kind + suffix;
  json item = json::object();
  if (sub.name == "log") {
    item["get"] = operation(context, "get", "read" + id, "read log of the specified Pod", gvk,
                            log_parameters());
    item["get"]["responses"] = json{
        {"200",
         json{{"content", content_of(json{{"type", "string"}}, {"*/*"})}, {"description", "OK"}}},
        {"401", json{{"description", "Unauthorized"}}}};
  } else if (has_verb(sub.verbs, "create")) {
    item["post"] =
        operation(context, "post", "create" + id,
                  "create " + sub.name + " of a " + context.resource.kind, gvk, write_parameters());
    item["post"]["requestBody"] = body_of(reference(schema));
    item["post"]["responses"] =
        responses({{"200", "OK"}, {"201", "Created"}, {"202", "Accepted"}}, reference(schema));
  } else {
    add_read_write(context, item, sub.verbs, gvk, schema, suffix);
  }
  item["parameters"] = item_parameters(context);
  return item;
}

std::optional<resource_context> context_of(const schema_model& model,
                                           const resource_info& resource) {
  const auto* kind = find_kind(model, resource.api_version(), resource.kind);
  const auto* delete_options = find_kind(model, resource.api_version(), "DeleteOptions");
  const auto* status = find_kind(model, resource.api_version(), "Status");
  if (kind == nullptr || delete_options == nullptr || status == nullptr) return std::nullopt;
  std::string prefix = resource.group.empty() ? "/api/" + resource.version
                                              : "/apis/" + resource.group + "/" + resource.version;
  std::string group = group_word(resource.group);
  return resource_context{model,
                          resource,
                          std::move(prefix),
                          capitalized(group) + capitalized(resource.version),
                          group + "_" + resource.version,
                          resource.namespaced ? "Namespaced" : "",
                          openapi_name(model, type_index(model, *kind)),
                          openapi_name(model, type_index(model, *delete_options)),
                          openapi_name(model, type_index(model, *status))};
}

void add_resource_paths(const resource_context& context, json& paths) {
  const auto& resource = context.resource;
  std::string scope_path =
      resource.namespaced ? context.prefix + "/namespaces/{namespace}" : context.prefix;
  std::string collection = scope_path + "/" + resource.plural;
  paths[collection] = collection_item(context);
  paths[collection + "/{name}"] = object_item(context);
  for (const auto& sub : resource.subresources)
    if (auto item = subresource_item(context, sub))
      paths[collection + "/{name}/" + sub.name] = *item;
  if (!resource.namespaced || !has_verb(resource.verbs, "list")) return;
  json all_namespaces = json::object();
  all_namespaces["get"] = operation(
      context, "list", "list" + context.id_infix + resource.kind + "ForAllNamespaces",
      "list or watch objects of kind " + resource.kind, resource_gvk(resource), list_parameters());
  all_namespaces["get"]["responses"] =
      responses({{"200", "OK"}}, reference(context.kind_name + "List"));
  all_namespaces["parameters"] = json::array({pretty_parameter()});
  paths[context.prefix + "/" + resource.plural] = all_namespaces;
}

}  // namespace

std::vector<std::size_t> referenced_types(const schema_model& model,
                                          const std::vector<const resource_info*>& resources) {
  std::vector<std::size_t> types;
  auto add = [&](std::string_view api_version, std::string_view kind) {
    if (const auto* type = find_kind(model, api_version, kind))
      types.push_back(type_index(model, *type));
  };
  for (const auto* resource : resources) {
    add(resource->api_version(), resource->kind);
    add(resource->api_version(), "DeleteOptions");
    add(resource->api_version(), "Status");
    for (const auto& sub : resource->subresources)
      add(sub.group.empty() ? sub.version : sub.group + "/" + sub.version, sub.kind);
  }
  return types;
}

json resource_paths(const schema_model& model, const std::vector<const resource_info*>& resources) {
  json paths = json::object();
  for (const auto* resource : resources)
    if (auto context = context_of(model, *resource)) add_resource_paths(*context, paths);
  return paths;
}

}  // namespace troupe::api::schema
