// Proves that a Pod is defaulted as kube-apiserver 1.32 defaults it
// (SetObjectDefaults_Pod): each case gives a manifest and compares the whole
// defaulted document with the one kube produces, written out by hand from
// pkg/apis/core/v1/defaults.go and its generated defaulters.
#include <catch2/catch.hpp>

#include "tests/api/defaults/defaults_test_support.hpp"

using troupe::api::test::defaulted;
using troupe::api::test::document;

TEST_CASE("a minimal pod gets the pod, pod spec and container defaults") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"containers": [{"name": "web", "image": "nginx"}]}})");
  CHECK(pod == document(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {
      "containers": [{"name": "web", "image": "nginx", "imagePullPolicy": "Always",
                      "terminationMessagePath": "/dev/termination-log",
                      "terminationMessagePolicy": "File"}],
      "dnsPolicy": "ClusterFirst", "enableServiceLinks": true, "restartPolicy": "Always",
      "schedulerName": "default-scheduler", "securityContext": {},
      "terminationGracePeriodSeconds": 30}})"));
}

TEST_CASE("a pod without a spec gets a spec of defaults") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}})");
  CHECK(pod == document(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"dnsPolicy": "ClusterFirst", "enableServiceLinks": true, "restartPolicy": "Always",
             "schedulerName": "default-scheduler", "securityContext": {},
             "terminationGracePeriodSeconds": 30}})"));
}

TEST_CASE("a pod keeps every value its user set") {
  constexpr const char* manifest = R"({"apiVersion": "v1", "kind": "Pod",
    "metadata": {"name": "web"},
    "spec": {
      "containers": [{"name": "web", "image": "nginx", "imagePullPolicy": "Never",
                      "terminationMessagePath": "/tmp/end",
                      "terminationMessagePolicy": "FallbackToLogsOnError",
                      "ports": [{"containerPort": 80, "protocol": "UDP"}],
                      "env": [{"name": "NODE", "valueFrom": {"fieldRef":
                               {"apiVersion": "v2", "fieldPath": "spec.nodeName"}}}],
                      "resources": {"limits": {"cpu": "2"}, "requests": {"cpu": "1"}},
                      "readinessProbe": {"httpGet": {"port": 80, "path": "/ready",
                                                     "scheme": "HTTPS"},
                                         "timeoutSeconds": 5, "periodSeconds": 7,
                                         "successThreshold": 2, "failureThreshold": 9}}],
      "dnsPolicy": "Default", "enableServiceLinks": false, "restartPolicy": "Never",
      "schedulerName": "mine", "securityContext": {"runAsUser": 1000},
      "terminationGracePeriodSeconds": 0}})";
  CHECK(defaulted(manifest) == document(manifest));
}

TEST_CASE("empty strings, zero numbers and nulls count as unset, as in kube's Go structs") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {
      "containers": [{"name": "web", "image": "nginx:1.27", "imagePullPolicy": "",
                      "terminationMessagePath": null,
                      "livenessProbe": {"exec": {"command": ["true"]}, "timeoutSeconds": 0,
                                        "periodSeconds": null}}],
      "dnsPolicy": "", "restartPolicy": null, "securityContext": null,
      "terminationGracePeriodSeconds": null, "enableServiceLinks": null}})");
  CHECK(pod == document(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {
      "containers": [{"name": "web", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent",
                      "terminationMessagePath": "/dev/termination-log",
                      "terminationMessagePolicy": "File",
                      "livenessProbe": {"exec": {"command": ["true"]}, "timeoutSeconds": 1,
                                        "periodSeconds": 10, "successThreshold": 1,
                                        "failureThreshold": 3}}],
      "dnsPolicy": "ClusterFirst", "enableServiceLinks": true, "restartPolicy": "Always",
      "schedulerName": "default-scheduler", "securityContext": {},
      "terminationGracePeriodSeconds": 30}})"));
}

TEST_CASE("init and ephemeral containers get the container defaults too") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"initContainers": [{"name": "setup", "image": "busybox:1.36",
                                 "ports": [{"containerPort": 9000}]}],
             "containers": [{"name": "web", "image": "nginx:1.27"}],
             "ephemeralContainers": [{"name": "debug", "image": "busybox"}]}})");
  auto spec = pod["spec"];
  CHECK(spec["initContainers"] == document(R"([{"name": "setup", "image": "busybox:1.36",
    "imagePullPolicy": "IfNotPresent", "terminationMessagePath": "/dev/termination-log",
    "terminationMessagePolicy": "File", "ports": [{"containerPort": 9000, "protocol": "TCP"}]}])"));
  CHECK(spec["ephemeralContainers"] == document(R"([{"name": "debug", "image": "busybox",
    "imagePullPolicy": "Always", "terminationMessagePath": "/dev/termination-log",
    "terminationMessagePolicy": "File"}])"));
}

TEST_CASE("probes get timeouts, periods, thresholds, the HTTP path and scheme, the gRPC service") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"containers": [{"name": "web", "image": "nginx:1.27", "imagePullPolicy": "Always",
      "livenessProbe": {"httpGet": {"port": 80}},
      "readinessProbe": {"grpc": {"port": 9090}, "periodSeconds": 3},
      "startupProbe": {"tcpSocket": {"port": 80}, "failureThreshold": 30}}]}})");
  auto container = pod["spec"]["containers"][0];
  CHECK(container["livenessProbe"] == document(R"({"httpGet": {"port": 80, "path": "/",
    "scheme": "HTTP"}, "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1,
    "failureThreshold": 3})"));
  CHECK(container["readinessProbe"] == document(R"({"grpc": {"port": 9090, "service": ""},
    "timeoutSeconds": 1, "periodSeconds": 3, "successThreshold": 1, "failureThreshold": 3})"));
  CHECK(container["startupProbe"] == document(R"({"tcpSocket": {"port": 80},
    "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 30})"));
}

TEST_CASE("lifecycle hooks' httpGet gets path / and scheme HTTP, other handlers nothing") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"containers": [{"name": "web", "image": "nginx:1.27",
      "lifecycle": {"postStart": {"httpGet": {"port": 8080, "path": "/started"}},
                    "preStop": {"exec": {"command": ["nginx", "-s", "quit"]}}}}]}})");
  CHECK(pod["spec"]["containers"][0]["lifecycle"] == document(R"({
    "postStart": {"httpGet": {"port": 8080, "path": "/started", "scheme": "HTTP"}},
    "preStop": {"exec": {"command": ["nginx", "-s", "quit"]}}})"));
}

TEST_CASE("container ports get protocol TCP and env fieldRefs apiVersion v1") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"containers": [{"name": "web", "image": "nginx:1.27",
      "ports": [{"containerPort": 80, "name": "http"}, {"containerPort": 53, "protocol": "UDP"}],
      "env": [{"name": "PLAIN", "value": "x"},
              {"name": "POD", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
              {"name": "KEY", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}]}]}})");
  auto container = pod["spec"]["containers"][0];
  CHECK(container["ports"] == document(R"([{"containerPort": 80, "name": "http", "protocol": "TCP"},
    {"containerPort": 53, "protocol": "UDP"}])"));
  CHECK(container["env"] == document(R"([{"name": "PLAIN", "value": "x"},
    {"name": "POD", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name", "apiVersion": "v1"}}},
    {"name": "KEY", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}])"));
}

TEST_CASE("a pod's containers get requests copied from limits, all rounded up to thousandths") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {
      "initContainers": [{"name": "setup", "image": "busybox:1.36",
                          "resources": {"limits": {"cpu": "100m", "memory": "64Mi"}}}],
      "containers": [{"name": "web", "image": "nginx:1.27",
                      "resources": {"limits": {"cpu": "0.5m", "memory": "1Gi"},
                                    "requests": {"cpu": "100n"}}},
                     {"name": "side", "image": "nginx:1.27",
                      "resources": {"limits": {}, "requests": {"cpu": 0.0001, "memory": 1024}}}],
      "overhead": {"cpu": "1.0001"}}})");
  auto spec = pod["spec"];
  CHECK(spec["initContainers"][0]["resources"] == document(R"({
    "limits": {"cpu": "100m", "memory": "64Mi"}, "requests": {"cpu": "100m", "memory": "64Mi"}})"));
  CHECK(spec["containers"][0]["resources"] == document(R"({
    "limits": {"cpu": "1m", "memory": "1Gi"}, "requests": {"cpu": "1m", "memory": "1Gi"}})"));
  CHECK(spec["containers"][1]["resources"] == document(R"({
    "limits": {}, "requests": {"cpu": "1m", "memory": 1024}})"));
  CHECK(spec["overhead"] == document(R"({"cpu": "1001m"})"));
}

TEST_CASE("under hostNetwork, container ports without a hostPort take their containerPort") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"hostNetwork": true,
      "initContainers": [{"name": "setup", "image": "busybox:1.36",
                          "ports": [{"containerPort": 9000}]}],
      "containers": [{"name": "web", "image": "nginx:1.27",
                      "ports": [{"containerPort": 80}, {"containerPort": 443, "hostPort": 8443},
                                {"containerPort": 8080, "hostPort": 0}, {"name": "none"}]}]}})");
  auto spec = pod["spec"];
  CHECK(spec["initContainers"][0]["ports"] ==
        document(R"([{"containerPort": 9000, "hostPort": 9000, "protocol": "TCP"}])"));
  CHECK(spec["containers"][0]["ports"] == document(R"([
    {"containerPort": 80, "hostPort": 80, "protocol": "TCP"},
    {"containerPort": 443, "hostPort": 8443, "protocol": "TCP"},
    {"containerPort": 8080, "hostPort": 8080, "protocol": "TCP"},
    {"name": "none", "protocol": "TCP"}])"));
}

TEST_CASE("without hostNetwork, container ports get no hostPort") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"hostNetwork": false, "containers": [{"name": "web", "image": "nginx:1.27",
                                                   "ports": [{"containerPort": 80}]}]}})");
  CHECK(pod["spec"]["containers"][0]["ports"] ==
        document(R"([{"containerPort": 80, "protocol": "TCP"}])"));
}
