#include "actors/api/core/validation/resource_rules.hpp"

#include <array>
#include <string_view>
#include <variant>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/labels.hpp"

namespace troupe::api::validation {

namespace {

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// helper.IsStandardResourceName: the standard names of pods and quotas.
bool standard_resource(const std::string& name) {
  static const std::array<std::string_view, 20> names{"cpu",
                                                      "memory",
                                                      "ephemeral-storage",
                                                      "requests.cpu",
                                                      "requests.memory",
                                                      "requests.ephemeral-storage",
                                                      "limits.cpu",
                                                      "limits.memory",
                                                      "limits.ephemeral-storage",
                                                      "pods",
                                                      "services",
                                                      "replicationcontrollers",
                                                      "resourcequotas",
                                                      "secrets",
                                                      "configmaps",
                                                      "persistentvolumeclaims",
                                                      "storage",
                                                      "requests.storage",
                                                      "services.nodeports",
                                                      "services.loadbalancers"};
  for (auto standard : names)
    if (name == standard) return true;
  return huge_page_resource(name) || starts_with(name, "requests.hugepages-");
}

bool integer_resource(const std::string& name) {
  static const std::array<std::string_view, 9> counts{"pods",
                                                      "services",
                                                      "replicationcontrollers",
                                                      "resourcequotas",
                                                      "secrets",
                                                      "configmaps",
                                                      "persistentvolumeclaims",
                                                      "services.nodeports",
                                                      "services.loadbalancers"};
  for (auto count : counts)
    if (name == count) return true;
  return extended_resource(name);
}

}  // namespace

bool native_resource(const std::string& name) {
  return name.find('/') == std::string::npos || name.find("kubernetes.io/") != std::string::npos;
}

bool huge_page_resource(const std::string& name) {
  return starts_with(name, "hugepages-");
}

bool extended_resource(const std::string& name) {
  if (native_resource(name) || starts_with(name, "requests.")) return false;
  return validate_qualified_name("requests." + name).empty();
}

bool overcommit_allowed(const std::string& name) {
  return native_resource(name) && !huge_page_resource(name);
}

std::optional<troupe::quantity> quantity_of(const nlohmann::json& value) {
  std::string written = value.is_string()   ? value.get<std::string>()
                        : value.is_number() ? value.dump()
                                            : "";
  auto parsed = troupe::parse_quantity(written);
  if (auto* amount = std::get_if<troupe::quantity>(&parsed)) return *amount;
  return std::nullopt;
}

std::string quantity_text(const troupe::quantity& amount) {
  return amount.to_string();
}

error_list resource_quantity(const std::string& resource, const nlohmann::json& value,
                             const field_path& path) {
  auto amount = quantity_of(value);
  if (!amount) {
    std::string written = value.is_string() ? value.get<std::string>() : value.dump();
    auto parsed = troupe::parse_quantity(written);
    auto failure = std::get_if<troupe::quantity_error>(&parsed);
    return {invalid(
        path, go_quote(written),
        std::string(troupe::to_string(failure ? *failure : troupe::quantity_error::format_wrong)))};
  }
  error_list errors;
  if (amount->sign() < 0)
    errors.push_back(
        invalid(path, go_quote(quantity_text(*amount)), "must be greater than or equal to 0"));
  auto milli = amount->milli_value();
  if (integer_resource(resource) && (!milli || *milli % 1000 != 0))
    errors.push_back(invalid(path, go_quote(quantity_text(*amount)), "must be an integer"));
  return errors;
}

error_list resource_name(const std::string& name, const field_path& path) {
  error_list errors;
  append_invalid(errors, path, go_quote(name), validate_qualified_name(name));
  if (!errors.empty()) return errors;
  if (name.find('/') == std::string::npos && !standard_resource(name))
    errors.push_back(
        invalid(path, go_quote(name), "must be a standard resource type or fully qualified"));
  return errors;
}

error_list container_resource_name(const std::string& name, const field_path& path) {
  error_list errors = resource_name(name, path);
  if (name.find('/') == std::string::npos) {
    bool container = name == "cpu" || name == "memory" || name == "ephemeral-storage" ||
                     huge_page_resource(name);
    if (!container)
      errors.push_back(invalid(path, go_quote(name), "must be a standard resource for containers"));
  } else if (!native_resource(name) && !extended_resource(name)) {
    errors.push_back(
        invalid(path, go_quote(name), "doesn't follow extended resource name standard"));
  }
  return errors;
}

}  // namespace troupe::api::validation
