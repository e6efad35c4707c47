// Proves that Services, Endpoints and EndpointSlices are defaulted as kube
// 1.32 defaults them (SetDefaults_Service, SetDefaults_Endpoints,
// discovery/v1 SetDefaults_EndpointPort): whole manifests in, whole
// documents out, for each service type and session affinity.
#include <catch2/catch.hpp>

#include "tests/api/defaults/defaults_test_support.hpp"

using troupe::api::test::defaulted;
using troupe::api::test::document;

TEST_CASE("a service becomes a ClusterIP service without affinity, with TCP ports on port") {
  auto service = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}})");
  CHECK(service == document(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"selector": {"app": "web"},
             "ports": [{"port": 80, "protocol": "TCP", "targetPort": 80}],
             "type": "ClusterIP", "sessionAffinity": "None",
             "internalTrafficPolicy": "Cluster"}})"));
}

TEST_CASE("a NodePort service gets externalTrafficPolicy Cluster") {
  auto service = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"type": "NodePort",
             "ports": [{"port": 80, "targetPort": "http", "nodePort": 30080}]}})");
  CHECK(service["spec"] == document(R"({"type": "NodePort",
    "ports": [{"port": 80, "targetPort": "http", "nodePort": 30080, "protocol": "TCP"}],
    "sessionAffinity": "None", "externalTrafficPolicy": "Cluster",
    "internalTrafficPolicy": "Cluster"})"));
}

TEST_CASE("a LoadBalancer service allocates node ports and its ingress IPs get ipMode VIP") {
  auto service = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"type": "LoadBalancer", "ports": [{"port": 443, "protocol": "TCP"}],
             "externalTrafficPolicy": "Local"},
    "status": {"loadBalancer": {"ingress": [{"ip": "192.0.2.1"}, {"hostname": "lb.example"},
                                            {"ip": "192.0.2.2", "ipMode": "Proxy"}]}}})");
  CHECK(service == document(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"type": "LoadBalancer", "ports": [{"port": 443, "protocol": "TCP", "targetPort": 443}],
             "externalTrafficPolicy": "Local", "sessionAffinity": "None",
             "internalTrafficPolicy": "Cluster", "allocateLoadBalancerNodePorts": true},
    "status": {"loadBalancer": {"ingress": [{"ip": "192.0.2.1", "ipMode": "VIP"},
                                            {"hostname": "lb.example"},
                                            {"ip": "192.0.2.2", "ipMode": "Proxy"}]}}})"));
}

TEST_CASE("a ClusterIP service with external IPs gets externalTrafficPolicy Cluster") {
  auto service = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"externalIPs": ["198.51.100.7"], "ports": [{"port": 80}]}})");
  CHECK(service["spec"]["externalTrafficPolicy"] == "Cluster");
  auto without = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"externalIPs": [], "ports": [{"port": 80}]}})");
  CHECK(without["spec"].contains("externalTrafficPolicy") == false);
}

TEST_CASE("an ExternalName service gets no traffic policies") {
  auto service = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "db"},
    "spec": {"type": "ExternalName", "externalName": "db.example.com"}})");
  CHECK(service["spec"] == document(R"({"type": "ExternalName", "externalName": "db.example.com",
    "sessionAffinity": "None"})"));
}

TEST_CASE("ClientIP affinity gets a three-hour timeout and None drops any affinity config") {
  auto client_ip = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"sessionAffinity": "ClientIP", "ports": [{"port": 80}]}})");
  CHECK(client_ip["spec"]["sessionAffinityConfig"] ==
        document(R"({"clientIP": {"timeoutSeconds": 10800}})"));
  auto kept = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"sessionAffinity": "ClientIP",
             "sessionAffinityConfig": {"clientIP": {"timeoutSeconds": 60}}}})");
  CHECK(kept["spec"]["sessionAffinityConfig"] ==
        document(R"({"clientIP": {"timeoutSeconds": 60}})"));
  auto none = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"sessionAffinityConfig": {"clientIP": {"timeoutSeconds": 60}}}})");
  CHECK(none["spec"].contains("sessionAffinityConfig") == false);
}

TEST_CASE("a service port's targetPort defaults to its port when unset, 0 or empty") {
  auto service = defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
    "spec": {"ports": [{"name": "a", "port": 80, "targetPort": 0},
                       {"name": "b", "port": 81, "targetPort": ""},
                       {"name": "c", "port": 82, "targetPort": 8082},
                       {"name": "d", "targetPort": null},
                       {"name": "e", "port": 84, "protocol": "SCTP"}]}})");
  CHECK(service["spec"]["ports"] == document(R"([
    {"name": "a", "port": 80, "targetPort": 80, "protocol": "TCP"},
    {"name": "b", "port": 81, "targetPort": 81, "protocol": "TCP"},
    {"name": "c", "port": 82, "targetPort": 8082, "protocol": "TCP"},
    {"name": "d", "targetPort": 0, "protocol": "TCP"},
    {"name": "e", "port": 84, "targetPort": 84, "protocol": "SCTP"}])"));
}

TEST_CASE("a service without a spec gets a ClusterIP spec") {
  auto service =
      defaulted(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}})");
  CHECK(service["spec"] == document(R"({"type": "ClusterIP", "sessionAffinity": "None",
    "internalTrafficPolicy": "Cluster"})"));
}

TEST_CASE("endpoints ports get protocol TCP") {
  auto endpoints = defaulted(R"({"apiVersion": "v1", "kind": "Endpoints",
    "metadata": {"name": "web"},
    "subsets": [{"addresses": [{"ip": "10.0.0.5"}],
                 "ports": [{"port": 80}, {"port": 53, "protocol": "UDP"}]}]})");
  CHECK(endpoints == document(R"({"apiVersion": "v1", "kind": "Endpoints",
    "metadata": {"name": "web"},
    "subsets": [{"addresses": [{"ip": "10.0.0.5"}],
                 "ports": [{"port": 80, "protocol": "TCP"}, {"port": 53, "protocol": "UDP"}]}]})"));
}

TEST_CASE("endpoint slice ports get an empty name and protocol TCP") {
  auto slice = defaulted(R"({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
    "metadata": {"name": "web-abc"}, "addressType": "IPv4",
    "endpoints": [{"addresses": ["10.0.0.5"]}],
    "ports": [{"port": 80}, {"name": "dns", "port": 53, "protocol": "UDP"}]})");
  CHECK(slice == document(R"({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
    "metadata": {"name": "web-abc"}, "addressType": "IPv4",
    "endpoints": [{"addresses": ["10.0.0.5"]}],
    "ports": [{"port": 80, "name": "", "protocol": "TCP"},
              {"name": "dns", "port": 53, "protocol": "UDP"}]})"));
}
