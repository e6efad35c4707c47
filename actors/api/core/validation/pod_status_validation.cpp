// ValidatePodStatusUpdate: what a status write may say (conditions, node
// name, QoS class, container state transitions, pod and host IPs).
#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/pod_spec_validation.hpp"
#include "actors/api/core/validation/pod_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

const field_path status_path("status");

error_list conditions(const json& entries) {
  error_list errors;
  // kube reports custom condition types under metadata (its own path quirk).
  auto path = field_path("metadata").child("conditions");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto type = text(entries[i], "type");
    if (type == "PodScheduled" || type == "Ready" || type == "Initialized") continue;
    append(errors, qualified_name(type, path.index(i).child("Type")));
  }
  return errors;
}

bool restartable_init_container(const json& spec, const std::string& name) {
  for (const auto& container : list(spec, "initContainers"))
    if (text(container, "name") == name) return text(container, "restartPolicy") == "Always";
  return false;
}

// ValidateContainerStateTransition: a terminated container of a pod that
// does not restart it stays terminated.
error_list state_transitions(const json& statuses, const json& old_statuses,
                             const std::string& restart_policy, const json* init_spec,
                             const field_path& path) {
  if (restart_policy == "Always") return {};
  error_list errors;
  for (std::size_t i = 0; i < old_statuses.size(); ++i) {
    const json* terminated = member(dictionary(old_statuses[i], "state"), "terminated");
    if (terminated == nullptr) continue;
    if (integer_or_zero(*terminated, "exitCode") != 0 && restart_policy == "OnFailure") continue;
    auto name = text(old_statuses[i], "name");
    if (init_spec != nullptr && restartable_init_container(*init_spec, name)) continue;
    for (const auto& status : statuses)
      if (text(status, "name") == name && !present(dictionary(status, "state"), "terminated"))
        errors.push_back(forbidden(path.index(i).child("state"),
                                   "may not be transitioned to non-terminated state"));
  }
  return errors;
}

std::string go_ip_list(const json& entries, const char* type) {
  std::string out = std::string("[]core.") + type + "{";
  bool first = true;
  for (const auto& entry : entries) {
    out += (first ? "" : ", ") + std::string("core.") + type +
           "{IP:" + go_quote(text(entry, "ip")) + "}";
    first = false;
  }
  return out + "}";
}

// validatePodIPs / validateHostIPs: valid, at most one per family, unique
// (kube reports duplicate host IPs before the family rule, pod IPs after).
error_list ip_list(const json& entries, const char* key, const char* type, bool duplicates_first) {
  error_list errors;
  auto path = status_path.child(key);
  for (std::size_t i = 0; i < entries.size(); ++i)
    append(errors, ip_errors(text(entries[i], "ip"), path.index(i)));
  if (entries.size() <= 1) return errors;
  int v4 = 0, v6 = 0;
  error_list duplicates;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto ip = text(entries[i], "ip");
    auto address = parse_ip(ip);
    if (address) (address->is_v4 ? v4 : v6)++;
    if (!seen.insert(ip).second)
      duplicates.push_back(
          duplicate(path.index(i), std::string("core.") + type + "{IP:" + go_quote(ip) + "}"));
  }
  if (duplicates_first) append(errors, duplicates);
  if (v4 != 1 || v6 != 1)
    errors.push_back(invalid(path, go_ip_list(entries, type),
                             "may specify no more than one IP for each IP family"));
  if (!duplicates_first) append(errors, duplicates);
  return errors;
}

error_list host_ips(const json& status) {
  const json& entries = list(status, "hostIPs");
  if (entries.empty()) return {};
  error_list errors;
  if (text(status, "hostIP") != text(entries[0], "ip"))
    errors.push_back(invalid(status_path.child("hostIPs").index(0).child("ip"),
                             go_quote(text(entries[0], "ip")), "must be equal to `hostIP`"));
  append(errors, ip_list(entries, "hostIPs", "HostIP", true));
  return errors;
}

}  // namespace

error_list validate_pod_status_update(const json& pod, const json& old) {
  const json& meta = dictionary(pod, "metadata");
  const json& spec = dictionary(pod, "spec");
  const json& old_spec = dictionary(old, "spec");
  const json& status = dictionary(pod, "status");
  const json& old_status = dictionary(old, "status");
  error_list errors = validate_object_meta_update(pod, old, {});
  append(errors, pod_specific_annotations(dictionary(meta, "annotations"), spec,
                                          field_path("metadata").child("annotations")));
  append(errors, conditions(list(status, "conditions")));
  if (text(spec, "nodeName") != text(old_spec, "nodeName"))
    errors.push_back(forbidden(status_path.child("nodeName"), "may not be changed directly"));
  auto nominated = text(status, "nominatedNodeName");
  if (nominated != text(old_status, "nominatedNodeName") && !nominated.empty())
    append_invalid(errors, status_path.child("nominatedNodeName"), go_quote(nominated),
                   dns_subdomain_name_errors(nominated, name_form::name));
  auto qos = text(status, "qosClass");
  if (qos != text(old_status, "qosClass"))
    errors.push_back(invalid(status_path.child("qosClass"), go_quote(qos), "field is immutable"));
  auto restart_policy = text(old_spec, "restartPolicy");
  append(errors,
         state_transitions(list(status, "containerStatuses"), list(old_status, "containerStatuses"),
                           restart_policy, nullptr, status_path.child("containerStatuses")));
  append(errors, state_transitions(list(status, "initContainerStatuses"),
                                   list(old_status, "initContainerStatuses"), restart_policy,
                                   &old_spec, status_path.child("initContainerStatuses")));
  append(errors, state_transitions(list(status, "ephemeralContainerStatuses"),
                                   list(old_status, "ephemeralContainerStatuses"), "Never", nullptr,
                                   status_path.child("ephemeralContainerStatuses")));
  append(errors, ip_list(list(status, "podIPs"), "podIPs", "PodIP", false));
  append(errors, host_ips(status));
  return errors;
}

}  // namespace troupe::api::validation
