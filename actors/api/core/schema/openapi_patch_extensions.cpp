#include "actors/api/core/schema/openapi_patch_extensions.hpp"

#include <string>

#include "actors/api/core/patch_strategies.hpp"

namespace troupe::api::schema {

namespace {

using nlohmann::json;

constexpr std::string_view reference_prefix = "#/components/schemas/";

// The component a property schema refers to (directly, through allOf, or
// through its items or additionalProperties), or "".
std::string referenced_name(const json& property) {
  const json* target = &property;
  if (auto items = target->find("items"); items != target->end()) target = &*items;
  if (auto values = target->find("additionalProperties");
      values != target->end() && values->is_object())
    target = &*values;
  std::string reference;
  if (auto direct = target->find("$ref"); direct != target->end() && direct->is_string())
    reference = direct->get<std::string>();
  if (auto all_of = target->find("allOf");
      all_of != target->end() && all_of->is_array() && !all_of->empty())
    reference = all_of->front().value("$ref", "");
  if (!reference.starts_with(reference_prefix)) return "";
  return reference.substr(reference_prefix.size());
}

std::string strategy_text(const field_patch_meta& meta) {
  std::string text;
  if (meta.strategy == patch_strategy::merge) text = "merge";
  if (meta.strategy == patch_strategy::replace) text = "replace";
  if (meta.retain_keys) text += text.empty() ? "retainKeys" : ",retainKeys";
  return text;
}

void annotate(json& property, const field_patch_meta& meta) {
  auto strategy = strategy_text(meta);
  if (!strategy.empty()) property["x-kubernetes-patch-strategy"] = strategy;
  if (meta.strategy != patch_strategy::merge) return;
  if (!meta.merge_key.empty()) {
    property["x-kubernetes-patch-merge-key"] = meta.merge_key;
    property["x-kubernetes-list-type"] = "map";
    property["x-kubernetes-list-map-keys"] = json::array({meta.merge_key});
  } else {
    property["x-kubernetes-list-type"] = "set";
  }
}

// Annotates the component `name` by `node` of `patch`; the patch schema is
// a finite tree, so the walk ends.
void walk(json& schemas, const std::string& name, const patch_schema& patch,
          patch_schema::node_index node) {
  auto component = schemas.find(name);
  if (component == schemas.end()) return;
  auto properties = component->find("properties");
  if (properties == component->end() || !properties->is_object()) return;
  for (const auto& [field, meta] : patch.fields(node)) {
    auto property = properties->find(field);
    if (property == properties->end()) continue;
    annotate(*property, meta);
    if (!meta.node) continue;
    auto child = referenced_name(*property);
    if (!child.empty()) walk(schemas, child, patch, *meta.node);
  }
}

}  // namespace

void add_patch_extensions(json& schemas, const schema_model& model,
                          const std::vector<std::size_t>& kinds) {
  for (auto kind : kinds) {
    const auto& type = model.types[kind];
    const auto& package = model.packages[type.package];
    const auto* patch = find_builtin_patch_schema(package.api_version, type.name);
    if (!patch) continue;
    walk(schemas, package.openapi_prefix + "." + type.name, *patch, patch_schema::root);
  }
}

}  // namespace troupe::api::schema
