#include "actors/api/core/schema/openapi_schemas.hpp"

#include <set>

namespace troupe::api::schema {

namespace {

using json = nlohmann::json;

json reference_to(const schema_model& model, std::size_t type) {
  return json{
      {"allOf", json::array({json{{"$ref", schema_reference(openapi_name(model, type))}}})}};
}

json scalar_schema(scalar_kind kind) {
  switch (kind) {
    case scalar_kind::string:
      return json{{"type", "string"}};
    case scalar_kind::int32:
      return json{{"type", "integer"}, {"format", "int32"}};
    case scalar_kind::int64:
      return json{{"type", "integer"}, {"format", "int64"}};
    case scalar_kind::boolean:
      return json{{"type", "boolean"}};
    case scalar_kind::bytes:
      return json{{"type", "string"}, {"format", "byte"}};
  }
  return json{{"type", "string"}};
}

// The schema of a type expression where it is used (a field, an item).
json node_schema(const schema_model& model, std::size_t node) {
  const auto& expression = model.nodes[node];
  switch (expression.kind) {
    case node_kind::scalar:
      return scalar_schema(expression.scalar);
    case node_kind::named: {
      const auto& type = model.types[expression.named];
      if (type.category == type_category::alias) return node_schema(model, type.underlying);
      return reference_to(model, expression.named);
    }
    case node_kind::array:
      return json{{"type", "array"}, {"items", node_schema(model, expression.element)}};
    case node_kind::map:
      return json{{"type", "object"},
                  {"additionalProperties", node_schema(model, expression.element)}};
  }
  return json::object();
}

json field_schema(const schema_model& model, const field_definition& field) {
  json schema = node_schema(model, field.node);
  std::string description = field.description;
  const auto& expression = model.nodes[field.node];
  if (description.empty() && expression.kind == node_kind::named)
    description = model.types[expression.named].description;
  if (!description.empty()) schema["description"] = description;
  return schema;
}

json special_schema(const type_definition& type) {
  json schema{{"description", type.description}};
  switch (type.special) {
    case special_kind::quantity:
      schema["oneOf"] = json::array({json{{"type", "string"}}, json{{"type", "number"}}});
      break;
    case special_kind::int_or_string:
      schema["format"] = "int-or-string";
      schema["oneOf"] = json::array({json{{"type", "integer"}}, json{{"type", "string"}}});
      break;
    case special_kind::time:
    case special_kind::micro_time:
      schema["format"] = "date-time";
      schema["type"] = "string";
      break;
    case special_kind::any:
      schema["type"] = "object";
      break;
  }
  return schema;
}

json kinds_of(const schema_model& model, const type_definition& type,
              const std::vector<group_version_kind>& all_group_versions) {
  json kinds = json::array();
  const auto& package = model.packages[type.package];
  if (!package.api_version.empty()) {
    kinds.push_back(to_json(group_version_of(package, type.name)));
    return kinds;
  }
  for (auto gvk : all_group_versions) {
    gvk.kind = type.name;
    kinds.push_back(to_json(gvk));
  }
  return kinds;
}

json struct_schema(const schema_model& model, const type_definition& type,
                   const std::vector<group_version_kind>& all_group_versions) {
  json properties = json::object();
  json required = json::array();
  for (const auto& field : type.fields) {
    properties[field.name] = field_schema(model, field);
    if (field.required) required.push_back(field.name);
  }
  json schema{{"description", type.description}, {"properties", properties}, {"type", "object"}};
  if (!required.empty()) schema["required"] = required;
  if (type.is_kind)
    schema["x-kubernetes-group-version-kind"] = kinds_of(model, type, all_group_versions);
  return schema;
}

void collect_node(const schema_model& model, std::size_t node, std::set<std::size_t>& types);

void collect_type(const schema_model& model, std::size_t type, std::set<std::size_t>& types) {
  if (!types.insert(type).second) return;
  const auto& definition = model.types[type];
  if (definition.category == type_category::alias)
    collect_node(model, definition.underlying, types);
  for (const auto& field : definition.fields) collect_node(model, field.node, types);
}

void collect_node(const schema_model& model, std::size_t node, std::set<std::size_t>& types) {
  const auto& expression = model.nodes[node];
  if (expression.kind == node_kind::named) collect_type(model, expression.named, types);
  if (expression.kind == node_kind::array || expression.kind == node_kind::map)
    collect_node(model, expression.element, types);
}

const type_definition* find_type(const schema_model& model, std::string_view name) {
  for (const auto& type : model.types)
    if (type.name == name) return &type;
  return nullptr;
}

json list_schema(const schema_model& model, std::size_t kind) {
  const auto& type = model.types[kind];
  const auto* list_meta = find_type(model, "ListMeta");
  json properties{
      {"apiVersion", json{{"type", "string"}, {"description", type.fields[0].description}}},
      {"kind", json{{"type", "string"}, {"description", type.fields[1].description}}},
      {"items", json{{"type", "array"},
                     {"description", "The " + type.name + " objects of the list."},
                     {"items", reference_to(model, kind)}}}};
  if (list_meta != nullptr) {
    json metadata = reference_to(model, type_index(model, *list_meta));
    metadata["description"] = "Standard list metadata: resourceVersion and the continue token.";
    properties["metadata"] = metadata;
  }
  auto gvk = group_version_of(model.packages[type.package], type.name + "List");
  return json{{"description", "A list of " + type.name + " objects."},
              {"properties", properties},
              {"required", json::array({"items"})},
              {"type", "object"},
              {"x-kubernetes-group-version-kind", json::array({to_json(gvk)})}};
}

}  // namespace

json to_json(const group_version_kind& gvk) {
  return json{{"group", gvk.group}, {"kind", gvk.kind}, {"version", gvk.version}};
}

group_version_kind group_version_of(const package_definition& package, std::string kind) {
  const auto& api_version = package.api_version;
  std::size_t slash = api_version.find('/');
  if (slash == std::string::npos) return {"", api_version, std::move(kind)};
  return {api_version.substr(0, slash), api_version.substr(slash + 1), std::move(kind)};
}

std::string schema_reference(const std::string& openapi_name) {
  return "#/components/schemas/" + openapi_name;
}

std::string list_schema_name(const schema_model& model, std::size_t kind) {
  return openapi_name(model, kind) + "List";
}

json component_schemas(const schema_model& model, const std::vector<std::size_t>& roots,
                       const std::vector<std::size_t>& listed,
                       const std::vector<group_version_kind>& all_group_versions) {
  std::set<std::size_t> types;
  for (std::size_t root : roots) collect_type(model, root, types);
  if (const auto* list_meta = find_type(model, "ListMeta"); list_meta != nullptr && !listed.empty())
    collect_type(model, type_index(model, *list_meta), types);
  for (std::size_t kind : listed) collect_type(model, kind, types);
  json schemas = json::object();
  for (std::size_t type : types) {
    const auto& definition = model.types[type];
    if (definition.category == type_category::alias) continue;
    schemas[openapi_name(model, type)] = definition.category == type_category::special
                                             ? special_schema(definition)
                                             : struct_schema(model, definition, all_group_versions);
  }
  for (std::size_t kind : listed) schemas[list_schema_name(model, kind)] = list_schema(model, kind);
  schemas[patch_schema_name] =
      json{{"description", "The body of a PATCH request; its media type says how it applies."},
           {"type", "object"}};
  return schemas;
}

}  // namespace troupe::api::schema
