#include "actors/api/core/schema/schema_model.hpp"

namespace troupe::api::schema {

namespace {

std::string_view scalar_go_name(scalar_kind kind) {
  switch (kind) {
    case scalar_kind::string:
      return "string";
    case scalar_kind::int32:
      return "int32";
    case scalar_kind::int64:
      return "int64";
    case scalar_kind::boolean:
      return "bool";
    case scalar_kind::bytes:
      return "[]uint8";
  }
  return "string";
}

}  // namespace

std::string openapi_name(const schema_model& model, std::size_t type) {
  const auto& definition = model.types[type];
  return model.packages[definition.package].openapi_prefix + "." + definition.name;
}

std::string go_type_name(const schema_model& model, std::size_t node) {
  const auto& expression = model.nodes[node];
  switch (expression.kind) {
    case node_kind::scalar:
      return std::string(scalar_go_name(expression.scalar));
    case node_kind::named: {
      const auto& definition = model.types[expression.named];
      return model.packages[definition.package].go_package + "." + definition.name;
    }
    case node_kind::array:
      return "[]" + go_type_name(model, expression.element);
    case node_kind::map:
      return "map[" + go_type_name(model, expression.key) + "]" +
             go_type_name(model, expression.element);
  }
  return {};
}

const type_definition* find_kind(const schema_model& model, std::string_view api_version,
                                 std::string_view kind) {
  const type_definition* versionless = nullptr;
  for (const auto& type : model.types) {
    if (!type.is_kind || type.name != kind) continue;
    const auto& package_api_version = model.packages[type.package].api_version;
    if (package_api_version == api_version) return &type;
    if (package_api_version.empty()) versionless = &type;
  }
  return versionless;
}

std::size_t type_index(const schema_model& model, const type_definition& type) {
  return static_cast<std::size_t>(&type - model.types.data());
}

}  // namespace troupe::api::schema
