// Services, Endpoints and EndpointSlices as kube's printService,
// printEndpoints and printEndpointSlice compute them: EXTERNAL-IP per type
// (<none>, <pending>, load balancer addresses sorted and joined with
// external IPs, never cut since the server prints wide), PORT(S) with node
// ports, the wide SELECTOR; endpoints as ip:port (IPv6 in brackets), three
// shown and the rest counted; slice ports and addresses with <unset>.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

json service(json spec, json status = json::object()) {
  return {{"metadata", {{"name", "web"}, {"creationTimestamp", ago(600)}}},
          {"spec", std::move(spec)},
          {"status", std::move(status)}};
}

json tcp(int port) {
  return {{"port", port}, {"protocol", "TCP"}};
}

json endpoints(json subsets) {
  return {{"metadata", {{"name", "web"}, {"creationTimestamp", ago(600)}}},
          {"subsets", std::move(subsets)}};
}

json addresses(std::initializer_list<const char*> ips) {
  auto list = json::array();
  for (const auto* ip : ips) list.push_back({{"ip", ip}});
  return list;
}

json slice(json ports, json endpoint_list) {
  return {{"metadata", {{"name", "web-abc12"}, {"creationTimestamp", ago(600)}}},
          {"addressType", "IPv4"},
          {"ports", std::move(ports)},
          {"endpoints", std::move(endpoint_list)}};
}

}  // namespace

TEST_CASE("a ClusterIP service prints its cluster IP, <none> external IP, ports and selector",
          "[tables][service]") {
  auto object = service({{"type", "ClusterIP"},
                         {"clusterIP", "10.96.0.10"},
                         {"clusterIPs", {"10.96.0.10"}},
                         {"ports", {tcp(80), tcp(443)}},
                         {"selector", {{"app", "web"}, {"tier", "front"}}}});
  auto table = table_of("v1", "Service", object);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Type", "Cluster-IP", "External-IP",
                                                        "Port(s)", "Age", "Selector"});
  CHECK(table["rows"][0]["cells"] == json{"web", "ClusterIP", "10.96.0.10", "<none>",
                                          "80/TCP,443/TCP", "10m", "app=web,tier=front"});
}

TEST_CASE("node ports print as port:nodePort/protocol", "[tables][service]") {
  auto https = tcp(443);
  https["nodePort"] = 30443;
  auto object = service({{"type", "NodePort"},
                         {"clusterIPs", {"10.96.3.1"}},
                         {"externalIPs", {"192.0.2.1", "192.0.2.2"}},
                         {"ports", {tcp(80), https}}});
  CHECK(cells_of("v1", "Service", object) == json{"web", "NodePort", "10.96.3.1",
                                                  "192.0.2.1,192.0.2.2", "80/TCP,443:30443/TCP",
                                                  "10m", "<none>"});
}

TEST_CASE("a load balancer without ingress is <pending>", "[tables][service]") {
  auto object = service({{"type", "LoadBalancer"},
                         {"clusterIPs", {"1.3.4.5"}},
                         {"ports",
                          {tcp(80),
                           {{"port", 8090}, {"protocol", "UDP"}},
                           tcp(8000),
                           {{"port", 7777}, {"protocol", "SCTP"}}}}});
  CHECK(cells_of("v1", "Service", object) == json{"web", "LoadBalancer", "1.3.4.5", "<pending>",
                                                  "80/TCP,8090/UDP,8000/TCP,7777/SCTP", "10m",
                                                  "<none>"});
}

TEST_CASE("load balancer addresses are sorted, hostnames stand in for IPs, none is cut",
          "[tables][service]") {
  json status = {{"loadBalancer",
                  {{"ingress",
                    {{{"ip", "3.4.5.6"}},
                     {{"ip", "2.3.4.5"}},
                     {{"ip", "5.6.7.8"}, {"hostname", "host5678"}},
                     {{"hostname", "lb.example.com"}}}}}}};
  auto object = service(
      {{"type", "LoadBalancer"}, {"clusterIPs", {"1.5.6.7"}}, {"ports", {tcp(80)}}}, status);
  CHECK(cells_of("v1", "Service", object)[3] == "2.3.4.5,3.4.5.6,5.6.7.8,lb.example.com");
}

TEST_CASE("a load balancer's external IPs follow its ingress addresses", "[tables][service]") {
  json status = {{"loadBalancer", {{"ingress", {{{"ip", "2.3.4.5"}}}}}}};
  auto object = service({{"type", "LoadBalancer"},
                         {"clusterIPs", {"1.5.6.7"}},
                         {"externalIPs", {"9.9.9.9"}},
                         {"ports", {tcp(80)}}},
                        status);
  CHECK(cells_of("v1", "Service", object)[3] == "2.3.4.5,9.9.9.9");
  object["status"] = json::object();
  CHECK(cells_of("v1", "Service", object)[3] == "9.9.9.9");
}

TEST_CASE("an ExternalName service shows its name, no cluster IP and no ports",
          "[tables][service]") {
  auto object = service({{"type", "ExternalName"}, {"externalName", "db.example.com"}});
  CHECK(cells_of("v1", "Service", object) ==
        json{"web", "ExternalName", "<none>", "db.example.com", "<none>", "10m", "<none>"});
}

TEST_CASE("a headless service shows None and a service of no known type <unknown>",
          "[tables][service]") {
  auto headless =
      service({{"type", "ClusterIP"}, {"clusterIPs", {"None"}}, {"ports", {tcp(5432)}}});
  CHECK(cells_of("v1", "Service", headless)[2] == "None");
  auto odd = service({{"clusterIPs", {"10.0.0.1"}}});
  CHECK(cells_of("v1", "Service", odd)[1] == "");
  CHECK(cells_of("v1", "Service", odd)[3] == "<unknown>");
}

TEST_CASE("endpoints list ip:port for each ready address and port", "[tables][endpoints]") {
  auto object = endpoints({{{"addresses", addresses({"10.0.0.1"})},
                            {"ports", {{{"name", "http"}, {"port", 80}, {"protocol", "TCP"}}}}}});
  auto table = table_of("v1", "Endpoints", object);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Endpoints", "Age"});
  CHECK(table["rows"][0]["cells"] == json{"web", "10.0.0.1:80", "10m"});
}

TEST_CASE("endpoints beyond three are counted as more", "[tables][endpoints]") {
  auto object = endpoints({{{"addresses", addresses({"10.0.0.1", "10.0.0.2", "10.0.0.3"})},
                            {"ports", {{{"port", 80}}, {{"port", 443}}}}}});
  CHECK(cells_of("v1", "Endpoints", object)[1] ==
        "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 3 more...");
}

TEST_CASE("endpoints without ports list bare IPs; IPv6 addresses get brackets with a port",
          "[tables][endpoints]") {
  auto bare = endpoints({{{"addresses", addresses({"10.0.0.1", "10.0.0.2"})}}});
  CHECK(cells_of("v1", "Endpoints", bare)[1] == "10.0.0.1,10.0.0.2");
  auto six = endpoints({{{"addresses", addresses({"fd00::1"})}, {"ports", {{{"port", 8080}}}}}});
  CHECK(cells_of("v1", "Endpoints", six)[1] == "[fd00::1]:8080");
}

TEST_CASE("endpoints without subsets are <none>; only not-ready addresses print nothing",
          "[tables][endpoints]") {
  CHECK(cells_of("v1", "Endpoints", endpoints(json::array()))[1] == "<none>");
  auto not_ready =
      endpoints({{{"notReadyAddresses", addresses({"10.0.0.9"})}, {"ports", {{{"port", 80}}}}}});
  CHECK(cells_of("v1", "Endpoints", not_ready)[1] == "");
}

TEST_CASE("an endpoint slice shows its address type, ports and addresses",
          "[tables][endpointslice]") {
  auto object = slice({{{"name", "http"}, {"port", 80}, {"protocol", "TCP"}}},
                      {{{"addresses", {"10.244.1.5"}}}, {{"addresses", {"10.244.2.7"}}}});
  auto table = table_of("discovery.k8s.io/v1", "EndpointSlice", object);
  CHECK(column_names(table) ==
        std::vector<std::string>{"Name", "AddressType", "Ports", "Endpoints", "Age"});
  CHECK(table["rows"][0]["cells"] ==
        json{"web-abc12", "IPv4", "80", "10.244.1.5,10.244.2.7", "10m"});
}

TEST_CASE("slice ports without a number show their name or *, four or more are counted",
          "[tables][endpointslice]") {
  auto object = slice({{{"name", "metrics"}}, json::object(), {{"port", 80}}, {{"port", 443}}},
                      {{{"addresses", {"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"}}}});
  auto cells = cells_of("discovery.k8s.io/v1", "EndpointSlice", object);
  CHECK(cells[2] == "metrics,*,80 + 1 more...");
  CHECK(cells[3] == "10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...");
}

TEST_CASE("a slice without ports or endpoints shows <unset>", "[tables][endpointslice]") {
  auto cells =
      cells_of("discovery.k8s.io/v1", "EndpointSlice", slice(json::array(), json::array()));
  CHECK(cells[2] == "<unset>");
  CHECK(cells[3] == "<unset>");
}
