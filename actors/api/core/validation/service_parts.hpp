// The pieces of Service validation, split by concern: a view of the spec
// with clusterIPs normalized as kube's strategy does, its ports, its
// cluster IP / IP family fields and its traffic policies.
// Pure; never throws.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

struct service_view {
  nlohmann::json spec;         // with clusterIPs normalized
  nlohmann::json cluster_ips;  // an array
  bool headless = false;       // clusterIPs == ["None"]
  std::string type;
};

service_view view_of(const nlohmann::json& service);

// Each port (validateServicePort).
error_list service_ports(const service_view& service);
// ClusterIP services without node ports, no duplicate (protocol, nodePort)
// or (protocol, port).
error_list port_conflicts(const service_view& service);
error_list cluster_ip_fields(const service_view& service);
error_list external_ips(const service_view& service);
error_list traffic_policies(const service_view& service);
// validateUpgradeDowngradeClusterIPs / IPFamilies on update.
error_list cluster_ip_changes(const service_view& service, const service_view& old);

}  // namespace troupe::api::validation
