// Pod: SetDefaults_Pod, then the pod spec (pod_spec_defaults.hpp). The
// Pod-only defaults, which kube keeps out of pod templates:
//   - a container's (or init container's) resources.requests get every
//     resource of resources.limits they lack;
//   - spec.enableServiceLinks true;
//   - under spec.hostNetwork, each container and init container port
//     without a hostPort gets its containerPort as hostPort.
#include <cstdint>

#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/kind_defaults.hpp"
#include "actors/api/core/defaults/pod_spec_defaults.hpp"

namespace troupe::api::defaults {

namespace {

void default_requests_from_limits(json& container) {
  json* resources = object_member(container, "resources");
  if (resources == nullptr) return;
  json* limits = object_member(*resources, "limits");
  // An empty limits map adds nothing kube would show (it omits empty maps).
  if (limits == nullptr || limits->empty()) return;
  json* requests = ensure_object_member(*resources, "requests");
  if (requests == nullptr) return;
  for (auto& [name, value] : limits->items())
    if (!requests->contains(name)) (*requests)[name] = value;
}

void default_host_ports(json& container) {
  for_each_object(container, "ports", [](json& port) {
    auto container_port = port.find("containerPort");
    if (container_port == port.end() || !container_port->is_number_integer()) return;
    if (*container_port != 0)
      default_integer(port, "hostPort", container_port->get<std::int64_t>());
  });
}

}  // namespace

void default_pod(json& pod) {
  json* spec = ensure_object_member(pod, "spec");
  if (spec == nullptr) return;
  for (const char* list : {"initContainers", "containers"})
    for_each_object(*spec, list, default_requests_from_limits);
  default_member(*spec, "enableServiceLinks", true);
  auto host_network = spec->find("hostNetwork");
  if (host_network != spec->end() && *host_network == true)
    for (const char* list : {"initContainers", "containers"})
      for_each_object(*spec, list, default_host_ports);
  default_pod_spec(*spec);
}

}  // namespace troupe::api::defaults
