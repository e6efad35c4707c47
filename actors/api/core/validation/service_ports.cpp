// Service ports and cluster IP fields.
#include <set>
#include <tuple>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/service_parts.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");

// %#v of the (protocol, port) key kube builds as a core.ServicePort.
std::string go_service_port_key(const json& port) {
  return "core.ServicePort{Name:\"\", Protocol:" + go_quote(text(port, "protocol")) +
         ", AppProtocol:(*string)(nil), Port:" + std::to_string(integer_or_zero(port, "port")) +
         ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}";
}

error_list service_port(const json& port, bool require_name, std::set<std::string>& names,
                        const field_path& path) {
  error_list errors;
  auto name = text(port, "name");
  if (require_name && name.empty()) {
    errors.push_back(required(path.child("name")));
  } else if (!name.empty()) {
    append(errors, dns1123_label(name, path.child("name")));
    if (!names.insert(name).second) errors.push_back(duplicate(path.child("name"), go_quote(name)));
  }
  auto number = integer_or_zero(port, "port");
  append_invalid(errors, path.child("port"), std::to_string(number), port_number_messages(number));
  auto protocol = text(port, "protocol");
  if (protocol.empty())
    errors.push_back(required(path.child("protocol")));
  else if (protocol != "TCP" && protocol != "UDP" && protocol != "SCTP")
    errors.push_back(
        not_supported(path.child("protocol"), go_quote(protocol), {"SCTP", "TCP", "UDP"}));
  const json* target = member(port, "targetPort");
  append(errors,
         port_number_or_name(target != nullptr ? *target : json(0), path.child("targetPort")));
  if (const json* app_protocol = member(port, "appProtocol"))
    append(errors, qualified_name(app_protocol->is_string() ? app_protocol->get<std::string>() : "",
                                  path.child("appProtocol")));
  return errors;
}

}  // namespace

service_view view_of(const json& service) {
  service_view view;
  view.spec = dictionary(service, "spec");
  if (!text(view.spec, "clusterIP").empty() && !non_empty(view.spec, "clusterIPs"))
    view.spec["clusterIPs"] = json::array({text(view.spec, "clusterIP")});
  view.cluster_ips = list(view.spec, "clusterIPs");
  view.headless = view.cluster_ips.size() == 1 && view.cluster_ips[0] == "None";
  view.type = text(view.spec, "type");
  return view;
}

error_list service_ports(const service_view& service) {
  error_list errors;
  const json& ports = list(service.spec, "ports");
  auto ports_path = spec_path.child("ports");
  std::set<std::string> names;
  for (std::size_t i = 0; i < ports.size(); ++i)
    append(errors, service_port(ports[i], ports.size() > 1, names, ports_path.index(i)));
  return errors;
}

error_list port_conflicts(const service_view& service) {
  error_list errors;
  const json& ports = list(service.spec, "ports");
  auto ports_path = spec_path.child("ports");
  if (service.type == "ClusterIP")
    for (std::size_t i = 0; i < ports.size(); ++i)
      if (integer_or_zero(ports[i], "nodePort") != 0)
        errors.push_back(forbidden(ports_path.index(i).child("nodePort"),
                                   "may not be used when `type` is 'ClusterIP'"));
  std::set<std::pair<std::string, std::int64_t>> node_ports, service_ports_seen;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    auto node_port = integer_or_zero(ports[i], "nodePort");
    if (node_port != 0 && !node_ports.insert({text(ports[i], "protocol"), node_port}).second)
      errors.push_back(duplicate(ports_path.index(i).child("nodePort"), std::to_string(node_port)));
  }
  for (std::size_t i = 0; i < ports.size(); ++i)
    if (!service_ports_seen.insert({text(ports[i], "protocol"), integer_or_zero(ports[i], "port")})
             .second)
      errors.push_back(duplicate(ports_path.index(i), go_service_port_key(ports[i])));
  return errors;
}

}  // namespace troupe::api::validation
