#include "actors/api/core/validation/pod_spec_validation.hpp"

#include <limits>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_container_parts.hpp"
#include "actors/api/core/validation/pod_containers.hpp"
#include "actors/api/core/validation/pod_scheduling.hpp"
#include "actors/api/core/validation/pod_security.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

constexpr std::int64_t int32_max = std::numeric_limits<std::int32_t>::max();

// validatePodHostNetworkDeps: with hostNetwork, hostPort equals
// containerPort (templates may leave hostPort 0).
error_list host_network_ports(const json& spec, const field_path& path, bool resource_is_pod) {
  if (!flag(spec, "hostNetwork")) return {};
  error_list errors;
  const json& containers = list(spec, "containers");
  for (std::size_t c = 0; c < containers.size(); ++c) {
    const json& ports = list(containers[c], "ports");
    for (std::size_t p = 0; p < ports.size(); ++p) {
      auto host_port = integer_or_zero(ports[p], "hostPort");
      auto container_port = integer_or_zero(ports[p], "containerPort");
      if ((resource_is_pod || host_port != 0) && host_port != container_port)
        errors.push_back(invalid(
            path.child("containers").index(c).child("ports").index(p).child("hostPort"),
            std::to_string(host_port), "must match `containerPort` when `hostNetwork` is true"));
    }
  }
  return errors;
}

error_list one_of(const std::string& value, const field_path& path,
                  const std::vector<std::string>& allowed) {
  if (value.empty()) return {required(path)};
  for (const auto& choice : allowed)
    if (value == choice) return {};
  return {not_supported(path, go_quote(value), allowed)};
}

void named(error_list& errors, const json& spec, const char* key, const field_path& path) {
  auto value = text(spec, key);
  if (!value.empty())
    append_invalid(errors, path.child(key), go_quote(value),
                   dns_subdomain_name_errors(value, name_form::name));
}

error_list containers_of(const json& spec, const volume_map& volumes, const field_path& path) {
  container_context context{volumes, integer_member(spec, "terminationGracePeriodSeconds"),
                            text(spec, "restartPolicy"),
                            !present(spec, "hostUsers") || flag(spec, "hostUsers")};
  error_list errors =
      validate_containers(list(spec, "containers"), context, path.child("containers"));
  append(errors, validate_init_containers(list(spec, "initContainers"), list(spec, "containers"),
                                          context, path.child("initContainers")));
  append(errors, validate_ephemeral_containers(
                     list(spec, "ephemeralContainers"), list(spec, "containers"),
                     list(spec, "initContainers"), context, path.child("ephemeralContainers")));
  return errors;
}

error_list operating_system(const json& spec, const field_path& path) {
  const json* os = member(spec, "os");
  if (os == nullptr) return {};
  auto name = text(*os, "name");
  if (name.empty()) return {required(path.child("os").child("name"), "cannot be empty")};
  if (name != "linux" && name != "windows")
    return {not_supported(path.child("os"), go_quote(name), {"linux", "windows"})};
  if (name == "windows") return {};
  error_list errors;
  if (present(dictionary(spec, "securityContext"), "windowsOptions"))
    errors.push_back(forbidden(path.child("securityContext").child("windowsOptions"),
                               "windows options cannot be set for a linux pod"));
  for (const char* group : {"initContainers", "containers", "ephemeralContainers"}) {
    const json& containers = list(spec, group);
    for (std::size_t i = 0; i < containers.size(); ++i)
      if (present(dictionary(containers[i], "securityContext"), "windowsOptions"))
        errors.push_back(
            forbidden(path.child(group).index(i).child("securityContext").child("windowsOptions"),
                      "windows options cannot be set for a linux pod"));
  }
  return errors;
}

error_list policies_and_names(const json& spec, const field_path& path) {
  error_list errors = one_of(text(spec, "restartPolicy"), path.child("restartPolicy"),
                             {"Always", "OnFailure", "Never"});
  append(errors, one_of(text(spec, "dnsPolicy"), path.child("dnsPolicy"),
                        {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"}));
  append(errors, labels(dictionary(spec, "nodeSelector"), path.child("nodeSelector")));
  append(errors, pod_security_context(spec, path));
  append(errors, affinity(member(spec, "affinity"), path.child("affinity")));
  append(errors,
         dns_config(member(spec, "dnsConfig"), text(spec, "dnsPolicy"), path.child("dnsConfig")));
  append(errors, readiness_gates(list(spec, "readinessGates"), path.child("readinessGates")));
  append(errors, scheduling_gates(list(spec, "schedulingGates"), path.child("schedulingGates")));
  append(errors, topology_spread_constraints(list(spec, "topologySpreadConstraints"),
                                             path.child("topologySpreadConstraints")));
  append(errors, host_users_rules(spec, path));
  named(errors, spec, "serviceAccountName", path);
  named(errors, spec, "nodeName", path);
  return errors;
}

error_list remaining_fields(const json& spec, const field_path& path) {
  error_list errors;
  if (auto deadline = integer_member(spec, "activeDeadlineSeconds");
      deadline && (*deadline < 1 || *deadline > int32_max))
    errors.push_back(invalid(path.child("activeDeadlineSeconds"), std::to_string(*deadline),
                             inclusive_range_message(1, int32_max)));
  for (const char* key : {"hostname", "subdomain"})
    if (!text(spec, key).empty()) append(errors, dns1123_label(text(spec, key), path.child(key)));
  append(errors, tolerations(list(spec, "tolerations"), path.child("tolerations")));
  append(errors, host_aliases(list(spec, "hostAliases"), path.child("hostAliases")));
  named(errors, spec, "priorityClassName", path);
  if (const json* runtime_class = member(spec, "runtimeClassName")) {
    auto name = runtime_class->is_string() ? runtime_class->get<std::string>() : std::string();
    append_invalid(errors, path.child("runtimeClassName"), go_quote(name),
                   dns_subdomain_name_errors(name, name_form::name));
  }
  if (present(spec, "preemptionPolicy"))
    append(errors, one_of(text(spec, "preemptionPolicy"), path.child("preemptionPolicy"),
                          {"PreemptLowerPriority", "Never"}));
  if (const json* overhead = member(spec, "overhead"))
    append(errors, container_resources(json{{"limits", *overhead}}, path.child("overhead")));
  append(errors, operating_system(spec, path));
  return errors;
}

}  // namespace

error_list validate_pod_spec(const json& spec, const field_path& path,
                             const pod_spec_options& options) {
  error_list errors;
  if (!present(spec, "terminationGracePeriodSeconds"))
    errors.push_back(required(path.child("terminationGracePeriodSeconds")));
  auto volumes =
      validate_volumes(list(spec, "volumes"), options.pod_name, path.child("volumes"), errors);
  append(errors, containers_of(spec, volumes, path));
  append(errors, host_network_ports(spec, path, options.resource_is_pod));
  append(errors, policies_and_names(spec, path));
  append(errors, remaining_fields(spec, path));
  return errors;
}

error_list pod_specific_annotations(const json& annotations, const json& spec,
                                    const field_path& path) {
  error_list errors;
  const char* mirror = "kubernetes.io/config.mirror";
  if (const json* value = member(annotations, mirror);
      value != nullptr && text(spec, "nodeName").empty())
    errors.push_back(invalid(path.key(mirror), go_scalar(*value),
                             "must set spec.nodeName if mirror pod annotation is set"));
  const char* deletion_cost = "controller.kubernetes.io/pod-deletion-cost";
  if (const json* value = member(annotations, deletion_cost)) {
    auto cost = value->is_string() ? value->get<std::string>() : std::string();
    bool valid = !cost.empty() && cost.size() <= 11;
    std::size_t start = !cost.empty() && (cost[0] == '-' || cost[0] == '+') ? 1 : 0;
    valid = valid && cost.size() > start;
    long long parsed = 0;
    for (std::size_t i = start; valid && i < cost.size(); ++i) {
      valid = cost[i] >= '0' && cost[i] <= '9';
      parsed = parsed * 10 + (cost[i] - '0');
    }
    if (start == 1 && cost[0] == '-') parsed = -parsed;
    valid = valid && parsed >= std::numeric_limits<std::int32_t>::min() && parsed <= int32_max;
    if (!valid)
      errors.push_back(invalid(path.key(deletion_cost), go_quote(cost), "must be a 32bit integer"));
  }
  return errors;
}

error_list validate_pod_template_spec(const json& template_spec, const field_path& path) {
  const json& meta = dictionary(template_spec, "metadata");
  const json& spec = dictionary(template_spec, "spec");
  error_list errors = labels(dictionary(meta, "labels"), path.child("labels"));
  append(errors, annotations(dictionary(meta, "annotations"), path.child("annotations")));
  append(errors, pod_specific_annotations(dictionary(meta, "annotations"), spec,
                                          path.child("annotations")));
  append(errors, validate_pod_spec(spec, path.child("spec"), {}));
  if (non_empty(spec, "ephemeralContainers"))
    errors.push_back(forbidden(path.child("spec").child("ephemeralContainers"),
                               "ephemeral containers not allowed in pod template"));
  return errors;
}

}  // namespace troupe::api::validation
