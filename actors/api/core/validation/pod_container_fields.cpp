// Ports, environment, mounts, devices and resize policy of a container.
#include <map>
#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_container_parts.hpp"
#include "actors/api/core/validation/pod_downward_api.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

// IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is on by
// default in Kubernetes 1.32): printable ASCII other than '='.
std::vector<std::string> relaxed_env_name_messages(const std::string& name) {
  if (name.empty()) return {"environment variable name must be non-empty"};
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7E || c == '=')
      return {
          "a valid environment variable name must consist only of printable ASCII characters "
          "other than '='"};
  }
  return {};
}

error_list key_selector(const json& selector, const field_path& path) {
  error_list errors;
  auto name = text(selector, "name");
  append_invalid(errors, path.child("name"), go_quote(name),
                 dns_subdomain_name_errors(name, name_form::name));
  auto key = text(selector, "key");
  if (key.empty())
    errors.push_back(required(path.child("key")));
  else
    append_invalid(errors, path.child("key"), go_quote(key), config_map_key_messages(key));
  return errors;
}

error_list value_from(const json& variable, const field_path& path) {
  const json* source = member(variable, "valueFrom");
  if (source == nullptr) return {};
  error_list errors;
  int sources = 0;
  if (const json* field = member(*source, "fieldRef")) {
    ++sources;
    append(errors,
           object_field_selector(*field, downward_target::environment, path.child("fieldRef")));
  }
  if (const json* resource = member(*source, "resourceFieldRef")) {
    ++sources;
    append(errors, resource_field_selector(*resource, downward_target::environment,
                                           path.child("resourceFieldRef")));
  }
  if (const json* config_map = member(*source, "configMapKeyRef")) {
    ++sources;
    append(errors, key_selector(*config_map, path.child("configMapKeyRef")));
  }
  if (const json* secret = member(*source, "secretKeyRef")) {
    ++sources;
    append(errors, key_selector(*secret, path.child("secretKeyRef")));
  }
  if (sources == 0)
    errors.push_back(
        invalid(path, "\"\"",
                "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or "
                "`secretKeyRef`"));
  else if (!text(variable, "value").empty())
    errors.push_back(invalid(path, "\"\"", "may not be specified when `value` is not empty"));
  else if (sources > 1)
    errors.push_back(invalid(path, "\"\"", "may not have more than one field specified at a time"));
  return errors;
}

error_list reference_name(const json& reference, const field_path& path) {
  auto name = text(reference, "name");
  if (name.empty()) return {required(path.child("name"))};
  error_list errors;
  append_invalid(errors, path.child("name"), go_quote(name),
                 dns_subdomain_name_errors(name, name_form::generate_name_prefix));
  return errors;
}

}  // namespace

error_list container_ports(const json& ports, const field_path& path) {
  error_list errors;
  std::set<std::string> names;
  for (std::size_t i = 0; ports.is_array() && i < ports.size(); ++i) {
    const json& port = ports[i];
    auto at = path.index(i);
    auto name = text(port, "name");
    if (!name.empty()) {
      auto messages = port_name_messages(name);
      if (!messages.empty())
        append_invalid(errors, at.child("name"), go_quote(name), messages);
      else if (!names.insert(name).second)
        errors.push_back(duplicate(at.child("name"), go_quote(name)));
    }
    auto container_port = integer_or_zero(port, "containerPort");
    if (container_port == 0)
      errors.push_back(required(at.child("containerPort")));
    else
      append_invalid(errors, at.child("containerPort"), std::to_string(container_port),
                     port_number_messages(container_port));
    auto host_port = integer_or_zero(port, "hostPort");
    if (host_port != 0)
      append_invalid(errors, at.child("hostPort"), std::to_string(host_port),
                     port_number_messages(host_port));
    auto protocol = text(port, "protocol");
    if (protocol.empty())
      errors.push_back(required(at.child("protocol")));
    else if (protocol != "TCP" && protocol != "UDP" && protocol != "SCTP")
      errors.push_back(
          not_supported(at.child("protocol"), go_quote(protocol), {"SCTP", "TCP", "UDP"}));
  }
  return errors;
}

error_list environment(const json& variables, const field_path& path) {
  error_list errors;
  for (std::size_t i = 0; variables.is_array() && i < variables.size(); ++i) {
    auto at = path.index(i);
    auto name = text(variables[i], "name");
    if (name.empty())
      errors.push_back(required(at.child("name")));
    else
      append_invalid(errors, at.child("name"), go_quote(name), relaxed_env_name_messages(name));
    append(errors, value_from(variables[i], at.child("valueFrom")));
  }
  return errors;
}

error_list environment_from(const json& sources, const field_path& path) {
  error_list errors;
  for (std::size_t i = 0; sources.is_array() && i < sources.size(); ++i) {
    const json& source = sources[i];
    auto at = path.index(i);
    auto prefix = text(source, "prefix");
    if (!prefix.empty())
      append_invalid(errors, at.child("prefix"), go_quote(prefix),
                     relaxed_env_name_messages(prefix));
    int kinds = 0;
    if (const json* config_map = member(source, "configMapRef")) {
      ++kinds;
      append(errors, reference_name(*config_map, at.child("configMapRef")));
    }
    if (const json* secret = member(source, "secretRef")) {
      ++kinds;
      append(errors, reference_name(*secret, at.child("secretRef")));
    }
    if (kinds == 0)
      errors.push_back(invalid(path, "\"\"", "must specify one of: `configMapRef` or `secretRef`"));
    else if (kinds > 1)
      errors.push_back(
          invalid(path, "\"\"", "may not have more than one field specified at a time"));
  }
  return errors;
}

error_list resize_policy(const json& policies, const std::string& restart_policy,
                         const field_path& path) {
  error_list errors;
  std::set<std::string> seen;
  for (std::size_t i = 0; policies.is_array() && i < policies.size(); ++i) {
    auto resource = text(policies[i], "resourceName");
    auto policy = text(policies[i], "restartPolicy");
    if (!seen.insert(resource).second)
      errors.push_back(duplicate(path.index(i), go_quote(resource)));
    if (resource.empty())
      errors.push_back(required(path));
    else if (resource != "cpu" && resource != "memory")
      errors.push_back(not_supported(path, go_quote(resource), {"cpu", "memory"}));
    if (policy.empty())
      errors.push_back(required(path));
    else if (policy != "NotRequired" && policy != "RestartContainer")
      errors.push_back(not_supported(path, go_quote(policy), {"NotRequired", "RestartContainer"}));
    if (restart_policy == "Never" && policy != "NotRequired")
      errors.push_back(
          invalid(path, go_quote(policy), "must be 'NotRequired' when `restartPolicy` is 'Never'"));
  }
  return errors;
}

}  // namespace troupe::api::validation
