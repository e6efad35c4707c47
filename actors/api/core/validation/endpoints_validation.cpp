// Endpoints and EndpointSlices (kube's ValidateEndpoints and discovery's
// ValidateEndpointSlice).
#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/network_validation.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/labels.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

// discovery validation's bounds.
constexpr std::size_t topology_labels_max = 16;
constexpr std::size_t addresses_max = 100;
constexpr std::size_t ports_max = 20000;
constexpr std::size_t endpoints_max = 1000;
constexpr std::size_t zone_hints_max = 8;

error_list protocol(const json& port, const field_path& path) {
  auto value = text(port, "protocol");
  if (value.empty()) return {required(path)};
  if (value != "TCP" && value != "UDP" && value != "SCTP")
    return {not_supported(path, go_quote(value), {"SCTP", "TCP", "UDP"})};
  return {};
}

error_list endpoint_address(const json& address, const field_path& path) {
  auto ip = text(address, "ip");
  error_list errors = ip_errors(ip, path.child("ip"));
  auto hostname = text(address, "hostname");
  if (!hostname.empty()) append(errors, dns1123_label(hostname, path.child("hostname")));
  if (const json* node = member(address, "nodeName")) {
    auto name = node->is_string() ? node->get<std::string>() : std::string();
    append_invalid(errors, path.child("nodeName"), go_quote(name),
                   dns_subdomain_name_errors(name, name_form::name));
  }
  append(errors, non_special_ip(ip, path.child("ip")));
  return errors;
}

error_list endpoint_port(const json& port, bool require_name, const field_path& path) {
  error_list errors;
  auto name = text(port, "name");
  if (require_name && name.empty())
    errors.push_back(required(path.child("name")));
  else if (!name.empty())
    append(errors, dns1123_label(name, path.child("name")));
  auto number = integer_or_zero(port, "port");
  append_invalid(errors, path.child("port"), std::to_string(number), port_number_messages(number));
  append(errors, protocol(port, path.child("protocol")));
  if (const json* app_protocol = member(port, "appProtocol"))
    append(errors, qualified_name(app_protocol->is_string() ? app_protocol->get<std::string>() : "",
                                  path.child("appProtocol")));
  return errors;
}

error_list subsets(const json& entries) {
  error_list errors;
  auto path = field_path("subsets");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const json& subset = entries[i];
    auto at = path.index(i);
    if (!non_empty(subset, "addresses") && !non_empty(subset, "notReadyAddresses"))
      errors.push_back(required(at, "must specify `addresses` or `notReadyAddresses`"));
    for (const char* key : {"addresses", "notReadyAddresses"}) {
      const json& addresses = list(subset, key);
      for (std::size_t a = 0; a < addresses.size(); ++a)
        append(errors, endpoint_address(addresses[a], at.child(key).index(a)));
    }
    const json& ports = list(subset, "ports");
    for (std::size_t p = 0; p < ports.size(); ++p)
      append(errors, endpoint_port(ports[p], ports.size() > 1, at.child("ports").index(p)));
  }
  return errors;
}

error_list slice_address(const std::string& type, const std::string& address,
                         const field_path& path) {
  if (type == "IPv4") {
    auto found = ipv4_errors(address, path);
    return found.empty() ? non_special_ip(address, path) : found;
  }
  if (type == "IPv6") {
    auto found = ipv6_errors(address, path);
    return found.empty() ? non_special_ip(address, path) : found;
  }
  if (type != "FQDN") return {};
  if (address.empty()) return {required(path)};
  std::string name = address.back() == '.' ? address.substr(0, address.size() - 1) : address;
  auto messages = dns1123_subdomain_errors(name);
  if (!messages.empty()) return {invalid(path, go_quote(name), join_messages(messages, ","))};
  if (name.find('.') == std::string::npos)
    return {invalid(path, go_quote(name),
                    "should be a domain with at least two segments separated by dots")};
  std::size_t start = 0;
  while (true) {
    auto end = name.find('.', start);
    auto label = name.substr(start, end == std::string::npos ? std::string::npos : end - start);
    auto label_messages = dns1123_label_errors(label);
    if (!label_messages.empty())
      return {invalid(path, go_quote(label), join_messages(label_messages, ","))};
    if (end == std::string::npos) return {};
    start = end + 1;
  }
}

error_list slice_endpoint(const json& endpoint, const std::string& type, const field_path& path) {
  error_list errors;
  const json& addresses = list(endpoint, "addresses");
  auto address_path = path.child("addresses");
  if (addresses.empty())
    errors.push_back(required(address_path, "must contain at least 1 address"));
  else if (addresses.size() > addresses_max)
    errors.push_back(too_many(address_path, addresses.size(), addresses_max));
  for (std::size_t i = 0; i < addresses.size(); ++i)
    append(errors,
           slice_address(type, addresses[i].is_string() ? addresses[i].get<std::string>() : "",
                         address_path.index(i)));
  if (const json* node = member(endpoint, "nodeName")) {
    auto name = node->is_string() ? node->get<std::string>() : std::string();
    append_invalid(errors, path.child("nodeName"), go_quote(name),
                   dns_subdomain_name_errors(name, name_form::name));
  }
  const json& topology = dictionary(endpoint, "deprecatedTopology");
  if (topology.size() > topology_labels_max)
    errors.push_back(
        too_many(path.child("deprecatedTopology"), topology.size(), topology_labels_max));
  append(errors, labels(topology, path.child("deprecatedTopology")));
  if (const json* hostname = member(endpoint, "hostname"))
    append(errors, dns1123_label(hostname->is_string() ? hostname->get<std::string>() : "",
                                 path.child("hostname")));
  const json& zones = list(dictionary(endpoint, "hints"), "forZones");
  if (zones.size() > zone_hints_max)
    errors.push_back(too_many(path.child("hints").child("forZones"), zones.size(), zone_hints_max));
  return errors;
}

error_list slice_ports(const json& ports) {
  auto path = field_path("ports");
  if (ports.size() > ports_max) return {too_many(path, ports.size(), ports_max)};
  error_list errors;
  std::set<std::string> names;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    auto at = path.index(i);
    auto name = text(ports[i], "name");
    if (!name.empty()) append(errors, dns1123_label(name, at.child("name")));
    if (!names.insert(name).second) errors.push_back(duplicate(at.child("name"), go_quote(name)));
    if (!present(ports[i], "protocol"))
      errors.push_back(required(at.child("protocol")));
    else if (auto value = text(ports[i], "protocol");
             value != "TCP" && value != "UDP" && value != "SCTP")
      errors.push_back(
          not_supported(at.child("protocol"), go_quote(value), {"SCTP", "TCP", "UDP"}));
    if (const json* app_protocol = member(ports[i], "appProtocol"))
      append(errors,
             qualified_name(app_protocol->is_string() ? app_protocol->get<std::string>() : "",
                            at.child("appProtocol")));
  }
  return errors;
}

}  // namespace

error_list validate_endpoints(const json& object) {
  error_list errors = validate_object_meta(object, {});
  append(errors, subsets(list(object, "subsets")));
  return errors;
}

error_list validate_endpoints_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  append(errors, validate_endpoints(object));
  return errors;
}

error_list validate_endpoint_slice(const json& object) {
  error_list errors = validate_object_meta(object, {});
  auto type = text(object, "addressType");
  if (type.empty())
    errors.push_back(required(field_path("addressType")));
  else if (type != "IPv4" && type != "IPv6" && type != "FQDN")
    errors.push_back(
        not_supported(field_path("addressType"), go_quote(type), {"FQDN", "IPv4", "IPv6"}));
  const json& endpoints = list(object, "endpoints");
  if (endpoints.size() > endpoints_max) {
    errors.push_back(too_many(field_path("endpoints"), endpoints.size(), endpoints_max));
  } else {
    for (std::size_t i = 0; i < endpoints.size(); ++i)
      append(errors, slice_endpoint(endpoints[i], type, field_path("endpoints").index(i)));
  }
  append(errors, slice_ports(list(object, "ports")));
  return errors;
}

error_list validate_endpoint_slice_update(const json& object, const json& old) {
  error_list errors = validate_endpoint_slice(object);
  auto type = text(object, "addressType");
  if (type != text(old, "addressType"))
    errors.push_back(invalid(field_path("addressType"), go_quote(type), "field is immutable"));
  return errors;
}

}  // namespace troupe::api::validation
