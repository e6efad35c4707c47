// Service (SetDefaults_Service), Endpoints (SetDefaults_Endpoints) and
// EndpointSlice (SetDefaults_EndpointPort).
//
// A Service gets sessionAffinity "None" (and then no sessionAffinityConfig)
// or, for "ClientIP", sessionAffinityConfig.clientIP.timeoutSeconds 10800;
// type "ClusterIP"; ports' protocol "TCP" and targetPort = port when unset,
// 0 or ""; externalTrafficPolicy "Cluster" when it is reachable from outside
// (NodePort, LoadBalancer, or ClusterIP with externalIPs);
// internalTrafficPolicy "Cluster" for ClusterIP, NodePort and LoadBalancer;
// and, as a LoadBalancer, allocateLoadBalancerNodePorts true and ipMode
// "VIP" on each status ingress with an ip.
#include <string>
#include <string_view>

#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/kind_defaults.hpp"

namespace troupe::api::defaults {

namespace {

// kube's DefaultClientIPServiceAffinitySeconds: three hours.
constexpr int client_ip_affinity_seconds_default = 10800;

void default_session_affinity(json& spec) {
  default_string(spec, "sessionAffinity", "None");
  auto affinity = string_member(spec, "sessionAffinity");
  if (affinity == "None") {
    auto config = spec.find("sessionAffinityConfig");
    if (config != spec.end() && (config->is_object() || config->is_null())) spec.erase(config);
  } else if (affinity == "ClientIP") {
    json* config = ensure_object_member(spec, "sessionAffinityConfig");
    json* client_ip = config != nullptr ? ensure_object_member(*config, "clientIP") : nullptr;
    if (client_ip != nullptr)
      default_member(*client_ip, "timeoutSeconds", client_ip_affinity_seconds_default);
  }
}

// targetPort is an int-or-string: 0 and "" count as unset; it then takes
// the port (0 when the port is missing, as kube's int32 zero value).
void default_service_port(json& port) {
  default_string(port, "protocol", "TCP");
  auto target = port.find("targetPort");
  bool unset = target == port.end() || target->is_null() ||
               (target->is_number_integer() && *target == 0) || *target == "";
  if (!unset) return;
  auto number = port.find("port");
  if (number == port.end() || number->is_null())
    port["targetPort"] = 0;
  else if (number->is_number_integer())
    port["targetPort"] = *number;
}

bool has_external_ips(const json& spec) {
  auto ips = spec.find("externalIPs");
  return ips != spec.end() && ips->is_array() && !ips->empty();
}

void default_traffic_policies(json& spec, std::string_view type) {
  bool cluster_ip = type == "ClusterIP";
  bool node_port = type == "NodePort";
  bool load_balancer = type == "LoadBalancer";
  if (load_balancer || node_port || (cluster_ip && has_external_ips(spec)))
    default_string(spec, "externalTrafficPolicy", "Cluster");
  if (cluster_ip || node_port || load_balancer)
    default_member(spec, "internalTrafficPolicy", "Cluster");
}

void default_load_balancer(json& service, json& spec) {
  default_member(spec, "allocateLoadBalancerNodePorts", true);
  json* status = object_member(service, "status");
  json* load_balancer = status != nullptr ? object_member(*status, "loadBalancer") : nullptr;
  if (load_balancer == nullptr) return;
  for_each_object(*load_balancer, "ingress", [](json& ingress) {
    auto ip = string_member(ingress, "ip");
    if (ip && !ip->empty()) default_member(ingress, "ipMode", "VIP");
  });
}

}  // namespace

void default_service(json& service) {
  json* spec = ensure_object_member(service, "spec");
  if (spec == nullptr) return;
  default_session_affinity(*spec);
  default_string(*spec, "type", "ClusterIP");
  for_each_object(*spec, "ports", default_service_port);
  auto type_member = string_member(*spec, "type");
  if (!type_member) return;
  const std::string type(*type_member);
  default_traffic_policies(*spec, type);
  if (type == "LoadBalancer") default_load_balancer(service, *spec);
}

void default_endpoints(json& endpoints) {
  for_each_object(endpoints, "subsets", [](json& subset) {
    for_each_object(subset, "ports", [](json& port) { default_string(port, "protocol", "TCP"); });
  });
}

void default_endpoint_slice(json& slice) {
  for_each_object(slice, "ports", [](json& port) {
    default_member(port, "name", "");
    default_member(port, "protocol", "TCP");
  });
}

}  // namespace troupe::api::defaults
