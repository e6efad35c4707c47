// Service cluster IPs, IP families, external IPs and traffic policies.
#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/service_parts.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");

bool ipv6(const std::string& ip) {
  auto address = parse_ip(ip);
  return address && !address->is_v4;
}

error_list families(const json& spec) {
  error_list errors;
  const json& entries = list(spec, "ipFamilies");
  auto path = spec_path.child("ipFamilies");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto family = text_at(entries, i);
    if (family != "IPv4" && family != "IPv6")
      errors.push_back(not_supported(path.index(i), go_quote(family), {"IPv4", "IPv6"}));
    if (!seen.insert(family).second) errors.push_back(duplicate(path.index(i), go_quote(family)));
  }
  if (const json* policy = member(spec, "ipFamilyPolicy")) {
    auto value = policy->is_string() ? policy->get<std::string>() : std::string();
    if (value != "SingleStack" && value != "PreferDualStack" && value != "RequireDualStack")
      errors.push_back(not_supported(spec_path.child("ipFamilyPolicy"), go_quote(value),
                                     {"PreferDualStack", "RequireDualStack", "SingleStack"}));
  }
  return errors;
}

// Validity of each cluster IP; true when one is invalid or misplaced.
bool cluster_ip_values(const service_view& service, error_list& errors) {
  const json& ips = service.cluster_ips;
  auto path = spec_path.child("clusterIPs");
  bool bad = false;
  for (std::size_t i = 0; i < ips.size(); ++i) {
    auto ip = text_at(ips, i);
    if (i == 0 && ip == "None") {
      if (ips.size() > 1) {
        bad = true;
        errors.push_back(
            invalid(path, go_string_slice(ips), "'None' must be the first and only value"));
      }
      continue;
    }
    auto found = ip_errors(ip, path.index(i));
    bad = bad || !found.empty();
    append(errors, std::move(found));
  }
  if (ips.size() > 2)
    errors.push_back(invalid(path, go_string_slice(ips), "may only hold up to 2 values"));
  return bad;
}

}  // namespace

error_list cluster_ip_fields(const service_view& service) {
  if (service.type == "ExternalName") return {};
  error_list errors;
  auto path = spec_path.child("clusterIPs");
  const json& ips = service.cluster_ips;
  auto cluster_ip = text(service.spec, "clusterIP");
  if (!cluster_ip.empty()) {
    if (ips.empty())
      errors.push_back(required(path));
    else if (text_at(ips, 0) != cluster_ip)
      errors.push_back(invalid(path, go_string_slice(ips), "first value must match `clusterIP`"));
  } else if (!ips.empty()) {
    errors.push_back(
        invalid(path, go_string_slice(ips), "must be empty when `clusterIP` is not specified"));
  }
  append(errors, families(service.spec));
  if (cluster_ip_values(service, errors)) return errors;
  if (ips.size() > 1 && ipv6(text_at(ips, 0)) == ipv6(text_at(ips, 1)))
    errors.push_back(
        invalid(path, go_string_slice(ips), "may specify no more than one IP for each IP family"));
  const json& ip_families = list(service.spec, "ipFamilies");
  if (service.headless || ips.empty()) return errors;
  for (std::size_t i = 0; i < ips.size() && i < ip_families.size(); ++i) {
    auto family = text_at(ip_families, i);
    auto ip = text_at(ips, i);
    if (family == "IPv4" && ipv6(ip))
      errors.push_back(invalid(
          path.index(i), go_quote(ip),
          "expected an IPv4 value as indicated by `ipFamilies[" + std::to_string(i) + "]`"));
    if (family == "IPv6" && !ipv6(ip))
      errors.push_back(invalid(
          path.index(i), go_quote(ip),
          "expected an IPv6 value as indicated by `ipFamilies[" + std::to_string(i) + "]`"));
  }
  return errors;
}

error_list external_ips(const service_view& service) {
  error_list errors;
  const json& ips = list(service.spec, "externalIPs");
  for (std::size_t i = 0; i < ips.size(); ++i) {
    auto path = spec_path.child("externalIPs").index(i);
    auto found = ip_errors(text_at(ips, i), path);
    if (!found.empty())
      append(errors, std::move(found));
    else
      append(errors, non_special_ip(text_at(ips, i), path));
  }
  return errors;
}

error_list traffic_policies(const service_view& service) {
  error_list errors;
  const json& spec = service.spec;
  bool accessible = service.type == "LoadBalancer" || service.type == "NodePort" ||
                    (service.type == "ClusterIP" && non_empty(spec, "externalIPs"));
  auto external = text(spec, "externalTrafficPolicy");
  if (!accessible && !external.empty())
    errors.push_back(invalid(spec_path.child("externalTrafficPolicy"), go_quote(external),
                             "may only be set for externally-accessible services"));
  else if (accessible && external.empty())
    errors.push_back(required(spec_path.child("externalTrafficPolicy")));
  else if (accessible && external != "Cluster" && external != "Local")
    errors.push_back(not_supported(spec_path.child("externalTrafficPolicy"), go_quote(external),
                                   {"Cluster", "Local"}));
  bool needs_health_check = service.type == "LoadBalancer" && external == "Local";
  auto health_port = integer_or_zero(spec, "healthCheckNodePort");
  if (!needs_health_check && health_port != 0)
    errors.push_back(invalid(
        spec_path.child("healthCheckNodePort"), std::to_string(health_port),
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  else if (needs_health_check && health_port != 0)
    append_invalid(errors, spec_path.child("healthCheckNodePort"), std::to_string(health_port),
                   port_number_messages(health_port));
  const json* internal = member(spec, "internalTrafficPolicy");
  if (internal == nullptr &&
      (service.type == "NodePort" || service.type == "LoadBalancer" || service.type == "ClusterIP"))
    errors.push_back(required(spec_path.child("internalTrafficPolicy")));
  auto internal_value = text(spec, "internalTrafficPolicy");
  if (internal != nullptr && internal_value != "Cluster" && internal_value != "Local")
    errors.push_back(not_supported(spec_path.child("internalTrafficPolicy"),
                                   go_quote(internal_value), {"Cluster", "Local"}));
  // Compared as a string: GCC 12 at -O3 misreads json != "literal" as an
  // out-of-bounds access (-Werror=array-bounds).
  if (const json* distribution = member(spec, "trafficDistribution");
      distribution != nullptr &&
      !(distribution->is_string() && distribution->get_ref<const std::string&>() == "PreferClose"))
    errors.push_back(not_supported(spec_path.child("trafficDistribution"), go_scalar(*distribution),
                                   {"PreferClose"}));
  return errors;
}

error_list cluster_ip_changes(const service_view& service, const service_view& old) {
  if (service.type == "ExternalName" || old.type == "ExternalName") return {};
  if (service.headless && old.headless) return {};
  error_list errors;
  const json& ips = service.cluster_ips;
  const json& old_ips = old.cluster_ips;
  auto path = spec_path.child("clusterIPs");
  if (ips.size() == old_ips.size()) {
    for (std::size_t i = 0; i < old_ips.size(); ++i)
      if (old_ips[i] != ips[i])
        errors.push_back(invalid(path.index(i), go_string_slice(ips), "may not change once set"));
  } else if (old_ips.size() > ips.size()) {
    if (ips.empty())
      errors.push_back(
          invalid(path.index(0), go_string_slice(ips), "primary clusterIP can not be unset"));
    if (!ips.empty() && !old_ips.empty() && ips[0] != old_ips[0])
      errors.push_back(invalid(path.index(0), go_string_slice(ips), "may not change once set"));
    if (ips.size() == 1 && text(service.spec, "ipFamilyPolicy") != "SingleStack")
      errors.push_back(invalid(
          spec_path.child("ipFamilyPolicy"),
          present(service.spec, "ipFamilyPolicy") ? go_quote(text(service.spec, "ipFamilyPolicy"))
                                                  : "null",
          "must be set to 'SingleStack' when releasing the secondary clusterIP"));
  } else if (!old_ips.empty() && ips[0] != old_ips[0]) {
    errors.push_back(invalid(path.index(0), go_string_slice(ips), "may not change once set"));
  }
  return errors;
}

}  // namespace troupe::api::validation
