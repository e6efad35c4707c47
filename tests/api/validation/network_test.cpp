// Proves Service, Endpoints and EndpointSlice validation: ports, names,
// protocols, types, cluster IPs, session affinity, traffic policies and
// the update rules, with kube's exact causes.
#include <catch2/catch.hpp>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

TEST_CASE("a service needs ports unless it is headless or ExternalName") {
  auto object = service();
  object["spec"].erase("ports");
  CHECK(create_causes(object) == std::vector<std::string>{"spec.ports: Required value"});
  object["spec"]["clusterIP"] = "None";
  object["spec"]["clusterIPs"] = {"None"};
  CHECK(create_causes(object).empty());
}

TEST_CASE(
    "service ports need names when several, unique names, ports in range and known protocols") {
  auto object = service();
  auto& ports = object["spec"]["ports"];
  ports[0].erase("name");
  ports[1]["name"] = "metrics";
  ports[1]["port"] = 0;
  ports[1]["protocol"] = "HTTP";
  ports[1]["targetPort"] = "metrics-port-name";
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.ports[0].name: Required value",
            "spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive",
            "spec.ports[1].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", "
            "\"TCP\", \"UDP\"",
            "spec.ports[1].targetPort: Invalid value: \"metrics-port-name\": must be no more than "
            "15 characters"});
}

TEST_CASE("a service type is one of kube's four and node ports are not for ClusterIP services") {
  auto object = service();
  object["spec"]["type"] = "Internal";
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", "
            "\"ExternalName\", \"LoadBalancer\", \"NodePort\""});
  auto node_port = service();
  node_port["spec"]["ports"][0]["nodePort"] = 30080;
  CHECK(create_causes(node_port) ==
        std::vector<std::string>{
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"});
}

TEST_CASE("duplicate service ports by protocol and port are refused") {
  auto object = service();
  object["spec"]["ports"][1]["port"] = 80;
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", "
            "AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, "
            "StrVal:\"\"}, NodePort:0}"});
}

TEST_CASE("cluster IPs are None or addresses matching clusterIP") {
  auto object = service();
  object["spec"]["clusterIP"] = "10.96.0.300";
  object["spec"]["clusterIPs"] = {"10.96.0.300"};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.clusterIPs[0]: Invalid value: \"10.96.0.300\": must be a valid IP address, (e.g. "
            "10.9.8.7 or 2001:db8::ffff)"});
  auto mismatch = service();
  mismatch["spec"]["clusterIPs"] = {"10.96.0.11"};
  CHECK(create_causes(mismatch) ==
        std::vector<std::string>{"spec.clusterIPs: Invalid value: []string{\"10.96.0.11\"}: first "
                                 "value must match `clusterIP`"});
}

TEST_CASE("ExternalName services need a DNS name and no cluster IPs") {
  auto object = service();
  object["spec"] = json::parse(
      R"({"type": "ExternalName", "externalName": "db.example.com.", "sessionAffinity": "None"})");
  CHECK(create_causes(object).empty());
  object["spec"]["externalName"] = "";
  object["spec"]["clusterIPs"] = {"10.0.0.1"};
  object["spec"]["clusterIP"] = "10.0.0.1";
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.clusterIPs: Forbidden: may not be set for ExternalName services",
            "spec.externalName: Required value"});
}

TEST_CASE("session affinity ClientIP needs a timeout of at most a day") {
  auto object = service();
  object["spec"]["sessionAffinity"] = "ClientIP";
  object["spec"]["sessionAffinityConfig"] = {{"clientIP", {{"timeoutSeconds", 90000}}}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid "
                                 "value: 90000: must be greater "
                                 "than 0 and less than 86400"});
}

TEST_CASE("external traffic policy is for externally reachable services only") {
  auto object = service();
  object["spec"]["externalTrafficPolicy"] = "Local";
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.externalTrafficPolicy: Invalid value: \"Local\": may only "
                                 "be set for externally-accessible "
                                 "services"});
  auto node_port = service();
  node_port["spec"]["type"] = "NodePort";
  CHECK(create_causes(node_port) ==
        std::vector<std::string>{"spec.externalTrafficPolicy: Required value"});
}

TEST_CASE("a service's cluster IP may not change on update") {
  auto old = stored(service());
  auto object = old;
  object["spec"]["clusterIP"] = "10.96.0.20";
  object["spec"]["clusterIPs"] = {"10.96.0.20"};
  CHECK(
      update_causes(object, old) ==
      std::vector<std::string>{
          "spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.20\"}: may not change once set"});
}

TEST_CASE("endpoints need addresses that are valid and not special") {
  auto object = endpoints();
  object["subsets"][0]["addresses"][0]["ip"] = "127.0.0.1";
  object["subsets"].push_back({{"ports", {{{"port", 80}, {"protocol", "TCP"}}}}});
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "subsets[0].addresses[0].ip: Invalid value: \"127.0.0.1\": may not be in the loopback "
            "range "
            "(127.0.0.0/8, ::1/128)",
            "subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`"});
}

TEST_CASE("endpoint slices check addresses by their address type") {
  auto object = endpoint_slice();
  object["endpoints"][0]["addresses"] = {"fd00::1"};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "endpoints[0].addresses[0]: Invalid value: \"fd00::1\": must be a valid IPv4 address"});
  auto unknown = endpoint_slice();
  unknown["addressType"] = "IPX";
  CHECK(create_causes(unknown) ==
        std::vector<std::string>{"addressType: Unsupported value: \"IPX\": supported values: "
                                 "\"FQDN\", \"IPv4\", \"IPv6\""});
  auto empty = endpoint_slice();
  empty["endpoints"][0]["addresses"] = json::array();
  CHECK(create_causes(empty) ==
        std::vector<std::string>{
            "endpoints[0].addresses: Required value: must contain at least 1 address"});
  auto old = stored(endpoint_slice());
  auto changed = old;
  changed["addressType"] = "IPv6";
  changed["endpoints"][0]["addresses"] = {"fd00::1"};
  CHECK(update_causes(changed, old) ==
        std::vector<std::string>{"addressType: Invalid value: \"IPv6\": field is immutable"});
}

}  // namespace troupe::api::validation_test
