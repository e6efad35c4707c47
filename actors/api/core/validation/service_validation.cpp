// Services (kube's ValidateService, ValidateServiceUpdate,
// ValidateServiceStatusUpdate).
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/network_validation.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/service_parts.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");
// core.MaxClientIPServiceAffinitySeconds (one day).
constexpr std::int64_t client_ip_affinity_seconds_max = 86400;

error_list type_rules(const service_view& service) {
  error_list errors;
  const json& spec = service.spec;
  if (!non_empty(spec, "ports") && !service.headless && service.type != "ExternalName")
    errors.push_back(required(spec_path.child("ports")));
  if ((service.type == "LoadBalancer" || service.type == "NodePort") && service.headless)
    errors.push_back(invalid(spec_path.child("clusterIPs").index(0), "\"None\"",
                             "may not be set to 'None' for " + service.type + " services"));
  if (service.type != "ExternalName") return errors;
  if (!service.cluster_ips.empty())
    errors.push_back(
        forbidden(spec_path.child("clusterIPs"), "may not be set for ExternalName services"));
  if (non_empty(spec, "ipFamilies"))
    errors.push_back(
        forbidden(spec_path.child("ipFamilies"), "may not be set for ExternalName services"));
  if (present(spec, "ipFamilyPolicy"))
    errors.push_back(
        forbidden(spec_path.child("ipFamilyPolicy"), "may not be set for ExternalName services"));
  auto name = text(spec, "externalName");
  if (!name.empty() && name.back() == '.') name.pop_back();
  if (name.empty())
    errors.push_back(required(spec_path.child("externalName")));
  else
    append(errors, dns1123_subdomain(name, spec_path.child("externalName")));
  return errors;
}

error_list session_affinity(const json& spec) {
  auto affinity = text(spec, "sessionAffinity");
  auto path = spec_path.child("sessionAffinity");
  if (affinity.empty()) return {required(path)};
  if (affinity != "ClientIP" && affinity != "None")
    return {not_supported(path, go_quote(affinity), {"ClientIP", "None"})};
  auto config_path = spec_path.child("sessionAffinityConfig");
  const json* config = member(spec, "sessionAffinityConfig");
  if (affinity == "None")
    return config == nullptr ? error_list{}
                             : error_list{forbidden(
                                   config_path, "must not be set when session affinity is None")};
  const char* detail = "when session affinity type is ClientIP";
  if (config == nullptr) return {required(config_path, detail)};
  const json* client_ip = member(*config, "clientIP");
  if (client_ip == nullptr) return {required(config_path.child("clientIP"), detail)};
  auto timeout = integer_member(*client_ip, "timeoutSeconds");
  auto timeout_path = config_path.child("clientIP").child("timeoutSeconds");
  if (!timeout) return {required(timeout_path, detail)};
  if (*timeout <= 0 || *timeout > client_ip_affinity_seconds_max)
    return {invalid(timeout_path, std::to_string(*timeout),
                    "must be greater than 0 and less than 86400")};
  return {};
}

error_list load_balancer_fields(const json& object, const service_view& service) {
  error_list errors;
  const json& spec = service.spec;
  bool load_balancer = service.type == "LoadBalancer";
  const json& ranges = list(spec, "loadBalancerSourceRanges");
  const char* ranges_annotation = "service.beta.kubernetes.io/load-balancer-source-ranges";
  const json* annotation =
      member(dictionary(dictionary(object, "metadata"), "annotations"), ranges_annotation);
  if (!ranges.empty()) {
    auto path = spec_path.child("LoadBalancerSourceRanges");
    if (!load_balancer)
      errors.push_back(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      auto value = ranges[i].is_string() ? ranges[i].get<std::string>() : std::string();
      auto first = value.find_first_not_of(" \t\n\r\f\v");
      value = first == std::string::npos
                  ? std::string()
                  : value.substr(first, value.find_last_not_of(" \t\n\r\f\v") - first + 1);
      append(errors, cidr_errors(value, path.index(i)));
    }
  } else if (annotation != nullptr) {
    auto path = field_path("metadata").child("annotations").key(ranges_annotation);
    if (!load_balancer)
      errors.push_back(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
  }
  if (present(spec, "allocateLoadBalancerNodePorts") && !load_balancer)
    errors.push_back(forbidden(spec_path.child("allocateLoadBalancerNodePorts"),
                               "may only be used when `type` is 'LoadBalancer'"));
  if (load_balancer && !present(spec, "allocateLoadBalancerNodePorts"))
    errors.push_back(required(field_path("allocateLoadBalancerNodePorts")));
  if (const json* class_name = member(spec, "loadBalancerClass")) {
    if (load_balancer)
      append(errors, qualified_name(class_name->is_string() ? class_name->get<std::string>() : "",
                                    spec_path.child("loadBalancerClass")));
    else
      errors.push_back(forbidden(spec_path.child("loadBalancerClass"),
                                 "may only be used when `type` is 'LoadBalancer'"));
  }
  return errors;
}

error_list type_value(const service_view& service) {
  auto path = spec_path.child("type");
  if (service.type.empty()) return {required(path)};
  for (const char* known : {"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"})
    if (service.type == known) return {};
  return {not_supported(path, go_quote(service.type),
                        {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"})};
}

}  // namespace

error_list validate_service(const json& object) {
  auto service = view_of(object);
  error_list errors = validate_object_meta(object, {true, &dns1035_label_name_errors, true});
  const json& annotations_map = dictionary(dictionary(object, "metadata"), "annotations");
  const char* hints = "service.kubernetes.io/topology-aware-hints";
  const char* mode = "service.kubernetes.io/topology-mode";
  if (present(annotations_map, hints) && present(annotations_map, mode) &&
      text(annotations_map, hints) != text(annotations_map, mode))
    errors.push_back(
        invalid(field_path("metadata").child("annotations").key(mode),
                go_quote(text(annotations_map, mode)),
                std::string("must match annotations[") + hints + "] when both are specified"));
  append(errors, type_rules(service));
  append(errors, service_ports(service));
  if (const json* selector = member(service.spec, "selector"))
    append(errors, labels(*selector, spec_path.child("selector")));
  append(errors, session_affinity(service.spec));
  append(errors, cluster_ip_fields(service));
  append(errors, external_ips(service));
  append(errors, type_value(service));
  append(errors, port_conflicts(service));
  append(errors, load_balancer_fields(object, service));
  append(errors, traffic_policies(service));
  return errors;
}

error_list validate_service_update(const json& object, const json& old) {
  auto service = view_of(object);
  auto old_service = view_of(old);
  error_list errors =
      validate_object_meta_update(object, old, {true, &dns1035_label_name_errors, true});
  append(errors, cluster_ip_changes(service, old_service));
  if (service.type == "LoadBalancer" && old_service.type == "LoadBalancer" &&
      (text(service.spec, "loadBalancerClass") != text(old_service.spec, "loadBalancerClass") ||
       present(service.spec, "loadBalancerClass") !=
           present(old_service.spec, "loadBalancerClass")))
    errors.push_back(invalid(spec_path.child("loadBalancerClass"),
                             present(service.spec, "loadBalancerClass")
                                 ? go_quote(text(service.spec, "loadBalancerClass"))
                                 : "null",
                             "may not change once set"));
  bool health_checked =
      service.type == "LoadBalancer" && text(service.spec, "externalTrafficPolicy") == "Local";
  bool old_health_checked = old_service.type == "LoadBalancer" &&
                            text(old_service.spec, "externalTrafficPolicy") == "Local";
  if (health_checked && old_health_checked &&
      integer_or_zero(service.spec, "healthCheckNodePort") !=
          integer_or_zero(old_service.spec, "healthCheckNodePort"))
    errors.push_back(forbidden(spec_path.child("healthCheckNodePort"), "field is immutable"));
  append(errors, validate_service(object));
  return errors;
}

error_list validate_service_status_update(const json& object, const json& old) {
  error_list errors =
      validate_object_meta_update(object, old, {true, &dns1035_label_name_errors, true});
  const json& ingress = list(dictionary(dictionary(object, "status"), "loadBalancer"), "ingress");
  auto path = field_path("status").child("loadBalancer").child("ingress");
  if (text(dictionary(object, "spec"), "type") != "LoadBalancer" && !ingress.empty()) {
    errors.push_back(forbidden(path, "may only be used when `spec.type` is 'LoadBalancer'"));
    return errors;
  }
  for (std::size_t i = 0; i < ingress.size(); ++i) {
    auto at = path.index(i);
    auto ip = text(ingress[i], "ip");
    if (!ip.empty()) append(errors, ip_errors(ip, at.child("ip")));
    const json* ip_mode = member(ingress[i], "ipMode");
    if (ip_mode == nullptr && !ip.empty())
      errors.push_back(required(at.child("ipMode"), "must be specified when `ip` is set"));
    else if (ip_mode != nullptr && ip.empty())
      errors.push_back(forbidden(at.child("ipMode"), "may not be specified when `ip` is not set"));
    else if (ip_mode != nullptr && *ip_mode != "VIP" && *ip_mode != "Proxy")
      errors.push_back(not_supported(at.child("ipMode"), go_scalar(*ip_mode), {"Proxy", "VIP"}));
    auto hostname = text(ingress[i], "hostname");
    if (hostname.empty()) continue;
    append(errors, dns1123_subdomain(hostname, at.child("hostname")));
    if (parse_ip(hostname))
      errors.push_back(invalid(at.child("hostname"), go_quote(hostname),
                               "must be a DNS name, not an IP address"));
  }
  return errors;
}

}  // namespace troupe::api::validation
