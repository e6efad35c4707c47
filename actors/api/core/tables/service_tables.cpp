// Services (NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR),
// Endpoints (NAME ENDPOINTS AGE) and EndpointSlices (NAME ADDRESSTYPE PORTS
// ENDPOINTS AGE), as kube's printService, printEndpoints and
// printEndpointSlice compute them.
#include <set>

#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_formats.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr table_column service_columns[] = {
    name_column,
    {"Type", "string", "",
     "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are "
     "ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a "
     "cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by "
     "the selector or if that is not specified, by manual construction of an Endpoints object or "
     "EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the "
     "endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" "
     "builds on ClusterIP and allocates a port on every node which routes to the same endpoints "
     "as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external "
     "load-balancer (if supported in the current cloud) which routes to the same endpoints as "
     "the clusterIP. \"ExternalName\" aliases this service to the specified externalName. "
     "Several other fields do not apply to ExternalName services. More info: "
     "https://kubernetes.io/docs/concepts/services-networking/service/"
     "#publishing-services-service-types",
     0},
    {"Cluster-IP", "string", "",
     "clusterIP is the IP address of the service and is usually assigned randomly. If an address "
     "is specified manually, is in-range (as per system configuration), and is not in use, it "
     "will be allocated to the service; otherwise creation of the service will fail. This field "
     "may not be changed through updates unless the type field is also being changed to "
     "ExternalName (which requires this field to be blank) or the type field is being changed "
     "from ExternalName (in which case this field may optionally be specified, as describe "
     "above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting "
     "this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct "
     "endpoint connections are preferred and proxying is not required.  Only applies to types "
     "ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service "
     "of type ExternalName, creation will fail. This field will be wiped when updating a Service "
     "to type ExternalName. More info: "
     "https://kubernetes.io/docs/concepts/services-networking/service/"
     "#virtual-ips-and-service-proxies",
     0},
    {"External-IP", "string", "",
     "externalIPs is a list of IP addresses for which nodes in the cluster will also accept "
     "traffic for this service.  These IPs are not managed by Kubernetes.  The user is "
     "responsible for ensuring that traffic arrives at a node with this IP.  A common example is "
     "external load-balancers that are not part of the Kubernetes system.",
     0},
    {"Port(s)", "string", "",
     "The list of ports that are exposed by this service. More info: "
     "https://kubernetes.io/docs/concepts/services-networking/service/"
     "#virtual-ips-and-service-proxies",
     0},
    age_column,
    {"Selector", "string", "",
     "Route service traffic to pods with label keys and values matching this selector. If empty "
     "or not present, the service is assumed to have an external process managing its "
     "endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, "
     "and LoadBalancer. Ignored if type is ExternalName. More info: "
     "https://kubernetes.io/docs/concepts/services-networking/service/",
     1},
};

constexpr table_column endpoints_columns[] = {
    name_column,
    {"Endpoints", "string", "",
     "The set of all endpoints is the union of all subsets. Addresses are placed into subsets "
     "according to the IPs they share. A single address with multiple ports, some of which are "
     "ready and some of which are not (because they come from different containers) will "
     "result in the address being displayed in different subsets for the different ports. No "
     "address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of "
     "addresses and ports that comprise a service.",
     0},
    age_column,
};

constexpr table_column endpoint_slice_columns[] = {
    name_column,
    {"AddressType", "string", "",
     "addressType specifies the type of address carried by this EndpointSlice. All addresses in "
     "this slice must be the same type. This field is immutable after creation. The following "
     "address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: "
     "Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.",
     0},
    {"Ports", "string", "",
     "ports specifies the list of network ports exposed by each endpoint in this slice. Each "
     "port must have a unique name. When ports is empty, it indicates that there are no defined "
     "ports. When a port is defined with a nil port value, it indicates \"all ports\". Each "
     "slice may include a maximum of 100 ports.",
     0},
    {"Endpoints", "string", "",
     "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of "
     "1000 endpoints.",
     0},
    age_column,
};

// Lists of endpoints and ports show three entries and count the rest.
constexpr std::size_t listed_max = 3;

std::vector<std::string> strings_of(const json& list) {
  std::vector<std::string> texts;
  for (const auto& item : list) texts.push_back(item.is_string() ? item.get<std::string>() : "");
  return texts;
}

// loadBalancerStatusStringer as the server calls it (wide, so never cut to
// 16 bytes): each ingress' IP, else its hostname, sorted, no repeats.
std::string load_balancer_addresses(const json& service) {
  std::set<std::string> addresses;
  for (const auto& ingress :
       list_member(member(member(service, "status"), "loadBalancer"), "ingress")) {
    if (!text_member(ingress, "ip").empty())
      addresses.insert(text_member(ingress, "ip"));
    else if (!text_member(ingress, "hostname").empty())
      addresses.insert(text_member(ingress, "hostname"));
  }
  return join(std::vector<std::string>(addresses.begin(), addresses.end()), ",");
}

std::string external_ip(const json& service) {
  const auto& spec = member(service, "spec");
  const auto& type = text_member(spec, "type");
  auto external_ips = strings_of(list_member(spec, "externalIPs"));
  if (type == "ClusterIP" || type == "NodePort")
    return external_ips.empty() ? "<none>" : join(external_ips, ",");
  if (type == "LoadBalancer") {
    auto balancer = load_balancer_addresses(service);
    if (!external_ips.empty())
      return balancer.empty() ? join(external_ips, ",") : balancer + "," + join(external_ips, ",");
    return balancer.empty() ? "<pending>" : balancer;
  }
  if (type == "ExternalName") return text_member(spec, "externalName");
  return "<unknown>";
}

std::string service_ports(const json& spec) {
  std::vector<std::string> pieces;
  for (const auto& port : list_member(spec, "ports")) {
    auto piece = std::to_string(integer_member(port, "port"));
    if (auto node_port = integer_member(port, "nodePort"); node_port > 0)
      piece += ":" + std::to_string(node_port);
    pieces.push_back(piece + "/" + text_member(port, "protocol"));
  }
  auto text = join(pieces, ",");
  return text.empty() ? "<none>" : text;
}

table_row print_service(const json& service, std::chrono::system_clock::time_point now) {
  const auto& spec = member(service, "spec");
  const auto& cluster_ips = list_member(spec, "clusterIPs");
  std::string cluster_ip = "<none>";
  if (!cluster_ips.empty())
    cluster_ip = cluster_ips[0].is_string() ? cluster_ips[0].get<std::string>() : "";
  table_row row;
  row.cells = json::array({name_of(service), text_member(spec, "type"), cluster_ip,
                           external_ip(service), service_ports(spec), age_of(service, now),
                           format_labels(member(spec, "selector"))});
  return row;
}

// net.JoinHostPort: IPv6 addresses in brackets.
std::string host_port(const std::string& host, std::int64_t port) {
  auto text = host.find(':') == std::string::npos ? host : "[" + host + "]";
  return text + ":" + std::to_string(port);
}

std::string listed(const std::vector<std::string>& list, bool more, std::size_t count) {
  auto text = join(list, ",");
  if (more) return text + " + " + std::to_string(count - listed_max) + " more...";
  return text;
}

// formatEndpoints: ready addresses with each port of their subset (bare IPs
// for a subset without ports), three shown, the rest counted.
std::string endpoints_text(const json& endpoints) {
  const auto& subsets = list_member(endpoints, "subsets");
  if (subsets.empty()) return "<none>";
  std::vector<std::string> list;
  bool more = false;
  std::size_t count = 0;
  for (const auto& subset : subsets) {
    const auto& addresses = list_member(subset, "addresses");
    const auto& ports = list_member(subset, "ports");
    if (ports.empty()) {
      count += addresses.size();
      for (const auto& address : addresses) {
        if (list.size() == listed_max) {
          more = true;
          break;
        }
        list.push_back(text_member(address, "ip"));
      }
      continue;
    }
    for (const auto& port : ports) {
      count += addresses.size();
      for (const auto& address : addresses) {
        if (list.size() == listed_max) {
          more = true;
          break;
        }
        list.push_back(host_port(text_member(address, "ip"), integer_member(port, "port")));
      }
    }
  }
  return listed(list, more, count);
}

table_row print_endpoints(const json& endpoints, std::chrono::system_clock::time_point now) {
  table_row row;
  row.cells = json::array({name_of(endpoints), endpoints_text(endpoints), age_of(endpoints, now)});
  return row;
}

// listWithMoreString: "<unset>" for an empty list.
std::string listed_or_unset(const std::vector<std::string>& list, bool more, std::size_t count) {
  auto text = listed(list, more, count);
  return text.empty() ? "<unset>" : text;
}

std::string slice_ports(const json& slice) {
  std::vector<std::string> list;
  bool more = false;
  std::size_t count = 0;
  for (const auto& port : list_member(slice, "ports")) {
    if (list.size() < listed_max) {
      if (has_member(port, "port"))
        list.push_back(std::to_string(integer_member(port, "port")));
      else if (has_member(port, "name"))
        list.push_back(text_member(port, "name"));
      else
        list.push_back("*");
    } else {
      more = true;
    }
    ++count;
  }
  return listed_or_unset(list, more, count);
}

std::string slice_endpoints(const json& slice) {
  std::vector<std::string> list;
  bool more = false;
  std::size_t count = 0;
  for (const auto& endpoint : list_member(slice, "endpoints")) {
    for (const auto& address : list_member(endpoint, "addresses")) {
      if (list.size() < listed_max)
        list.push_back(address.is_string() ? address.get<std::string>() : "");
      else
        more = true;
      ++count;
    }
  }
  return listed_or_unset(list, more, count);
}

table_row print_endpoint_slice(const json& slice, std::chrono::system_clock::time_point now) {
  table_row row;
  row.cells = json::array({name_of(slice), text_member(slice, "addressType"), slice_ports(slice),
                           slice_endpoints(slice), age_of(slice, now)});
  return row;
}

}  // namespace

const table_printer service_printer{service_columns, print_service};
const table_printer endpoints_printer{endpoints_columns, print_endpoints};
const table_printer endpoint_slice_printer{endpoint_slice_columns, print_endpoint_slice};

}  // namespace troupe::api::tables
