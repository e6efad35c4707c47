#include "actors/api/core/validation/pod_containers.hpp"

#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_container_parts.hpp"
#include "actors/api/core/validation/pod_volume_sources.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

// The fields kube's allowedEphemeralContainerFields forbids.
const char* const ephemeral_forbidden_fields[] = {"ports",          "resources",    "livenessProbe",
                                                  "readinessProbe", "startupProbe", "lifecycle"};

bool has_text(const json& container, const char* key) {
  return !text(container, key).empty();
}

bool padded(const std::string& image) {
  auto first = image.find_first_not_of(" \t\n\r\f\v");
  auto last = image.find_last_not_of(" \t\n\r\f\v");
  return !image.empty() && (first != 0 || last != image.size() - 1);
}

// validateFieldAllowList: a field is set when it differs from its Go zero
// value (an empty struct is zero; an empty list is not nil).
bool set_field(const json& container, const char* key) {
  const json* value = member(container, key);
  return value != nullptr && (!value->is_object() || !value->empty());
}

error_list container_common(const json& container, const container_context& context,
                            const field_path& path) {
  error_list errors;
  auto name = text(container, "name");
  if (name.empty())
    errors.push_back(required(path.child("name")));
  else
    append(errors, dns1123_label(name, path.child("name")));
  if (!has_text(container, "image")) errors.push_back(required(path.child("image")));
  auto message_policy = text(container, "terminationMessagePolicy");
  if (message_policy.empty())
    errors.push_back(required(path.child("terminationMessagePolicy")));
  else if (message_policy != "File" && message_policy != "FallbackToLogsOnError")
    errors.push_back(not_supported(path.child("terminationMessagePolicy"), go_quote(message_policy),
                                   {"File", "FallbackToLogsOnError"}));
  append(errors, container_ports(list(container, "ports"), path.child("ports")));
  append(errors, environment(list(container, "env"), path.child("env")));
  append(errors, environment_from(list(container, "envFrom"), path.child("envFrom")));
  append(errors, volume_mounts(container, context.volumes, path.child("volumeMounts")));
  append(errors, volume_devices(container, context.volumes, path.child("volumeDevices")));
  append(errors, pull_policy(text(container, "imagePullPolicy"), path.child("imagePullPolicy")));
  append(errors, container_resources(dictionary(container, "resources"), path.child("resources")));
  append(errors, resize_policy(list(container, "resizePolicy"), context.restart_policy,
                               path.child("resizePolicy")));
  append(errors, container_security_context(member(container, "securityContext"),
                                            context.host_users, path.child("securityContext")));
  return errors;
}

void probes_and_hooks(const json& container, const container_context& context,
                      const field_path& path, error_list& errors) {
  if (const json* hooks = member(container, "lifecycle"))
    append(errors, lifecycle(*hooks, context.grace_period, path.child("lifecycle")));
  append(errors, probe(member(container, "livenessProbe"), probe_kind::liveness,
                       context.grace_period, path.child("livenessProbe")));
  append(errors, probe(member(container, "readinessProbe"), probe_kind::readiness,
                       context.grace_period, path.child("readinessProbe")));
  append(errors, probe(member(container, "startupProbe"), probe_kind::startup, context.grace_period,
                       path.child("startupProbe")));
}

// checkHostPortConflicts / AccumulateUniqueHostPorts.
error_list host_port_conflicts(const json& containers, const field_path& path) {
  error_list errors;
  std::set<std::string> seen;
  for (std::size_t c = 0; containers.is_array() && c < containers.size(); ++c) {
    const json& ports = list(containers[c], "ports");
    for (std::size_t p = 0; p < ports.size(); ++p) {
      auto host_port = integer_or_zero(ports[p], "hostPort");
      if (host_port == 0) continue;
      auto key = text(ports[p], "protocol") + "/" + text(ports[p], "hostIP") + "/" +
                 std::to_string(host_port);
      if (!seen.insert(key).second)
        errors.push_back(
            duplicate(path.index(c).child("ports").index(p).child("hostPort"), go_quote(key)));
    }
  }
  return errors;
}

void init_only_rules(const json& container, bool restartable, const container_context& context,
                     const field_path& path, error_list& errors) {
  if (restartable) {
    probes_and_hooks(container, context, path, errors);
    return;
  }
  for (const char* key : {"lifecycle", "livenessProbe", "readinessProbe", "startupProbe"})
    if (present(container, key))
      errors.push_back(forbidden(
          path.child(key), "may not be set for init containers without restartPolicy=Always"));
}

}  // namespace

error_list validate_containers(const json& containers, const container_context& context,
                               const field_path& path) {
  if (!containers.is_array() || containers.empty()) return {required(path)};
  error_list errors;
  std::set<std::string> names;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const json& container = containers[i];
    auto at = path.index(i);
    append(errors, container_common(container, context, at));
    auto name = text(container, "name");
    if (!names.insert(name).second) errors.push_back(duplicate(at.child("name"), go_quote(name)));
    probes_and_hooks(container, context, at, errors);
    if (present(container, "restartPolicy"))
      errors.push_back(
          forbidden(at.child("restartPolicy"), "may not be set for non-init containers"));
  }
  append(errors, host_port_conflicts(containers, path));
  return errors;
}

error_list validate_init_containers(const json& init_containers, const json& containers,
                                    const container_context& context, const field_path& path) {
  error_list errors;
  std::set<std::string> names;
  for (const auto& container : containers.is_array() ? containers : json::array())
    names.insert(text(container, "name"));
  for (std::size_t i = 0; init_containers.is_array() && i < init_containers.size(); ++i) {
    const json& container = init_containers[i];
    auto at = path.index(i);
    append(errors, container_common(container, context, at));
    bool restartable = false;
    if (present(container, "restartPolicy")) {
      auto policy = text(container, "restartPolicy");
      if (policy != "Always")
        errors.push_back(not_supported(at.child("restartPolicy"), go_quote(policy), {"Always"}));
      restartable = policy == "Always";
    }
    auto name = text(container, "name");
    if (names.count(name) != 0)
      errors.push_back(duplicate(at.child("name"), go_quote(name)));
    else if (!name.empty())
      names.insert(name);
    append(errors, host_port_conflicts(json::array({container}), path));
    init_only_rules(container, restartable, context, at, errors);
    if (non_empty(container, "resizePolicy"))
      errors.push_back(invalid(at.child("resizePolicy"), "[]core.ContainerResizePolicy{...}",
                               "must not be set for init containers"));
  }
  return errors;
}

error_list validate_ephemeral_containers(const json& ephemeral, const json& containers,
                                         const json& init_containers,
                                         const container_context& context, const field_path& path) {
  error_list errors;
  std::set<std::string> others;
  for (const json* group : {&containers, &init_containers})
    for (const auto& container : group->is_array() ? *group : json::array())
      others.insert(text(container, "name"));
  std::set<std::string> names = others;
  for (std::size_t i = 0; ephemeral.is_array() && i < ephemeral.size(); ++i) {
    const json& container = ephemeral[i];
    auto at = path.index(i);
    append(errors, container_common(container, context, at));
    if (padded(text(container, "image")))
      errors.push_back(invalid(at.child("image"), go_quote(text(container, "image")),
                               "must not have leading or trailing whitespace"));
    auto name = text(container, "name");
    if (!names.insert(name).second) errors.push_back(duplicate(at.child("name"), go_quote(name)));
    auto target = text(container, "targetContainerName");
    if (!target.empty() && others.count(target) == 0)
      errors.push_back(not_found(at.child("targetContainerName"), go_quote(target)));
    for (const char* key : ephemeral_forbidden_fields)
      if (set_field(container, key))
        errors.push_back(forbidden(at.child(key), "cannot be set for an Ephemeral Container"));
    const json& mounts = list(container, "volumeMounts");
    for (std::size_t m = 0; m < mounts.size(); ++m)
      for (const char* key : {"subPath", "subPathExpr"})
        if (!text(mounts[m], key).empty())
          errors.push_back(forbidden(at.child("volumeMounts").index(m).child(key),
                                     "cannot be set for an Ephemeral Container"));
  }
  return errors;
}

error_list image_whitespace(const json& containers, const field_path& path) {
  error_list errors;
  for (std::size_t i = 0; containers.is_array() && i < containers.size(); ++i) {
    auto image = text(containers[i], "image");
    if (padded(image))
      errors.push_back(invalid(path.index(i).child("image"), go_quote(image),
                               "must not have leading or trailing whitespace"));
  }
  return errors;
}

}  // namespace troupe::api::validation
