// Proves that realistic, defaulted manifests of every built-in kind pass
// validation untouched (refusing what kube accepts is the worst failure),
// on create, on an unchanged update and on an unchanged status update.
#include <catch2/catch.hpp>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

TEST_CASE("a realistic defaulted manifest of every built-in kind has no cause on create") {
  for (const auto& manifest : every_kind()) {
    INFO(manifest["kind"].get<std::string>());
    CHECK(create_causes(manifest).empty());
  }
}

TEST_CASE("an update that changes nothing has no cause for every built-in kind") {
  for (const auto& manifest : every_kind()) {
    INFO(manifest["kind"].get<std::string>());
    auto object = stored(manifest);
    CHECK(update_causes(object, object).empty());
    CHECK(status_causes(object, object).empty());
  }
}

TEST_CASE("a Pod with every commonly used field set is valid") {
  auto object = pod();
  auto& spec = object["spec"];
  spec["initContainers"] =
      json::parse(R"([{"name": "init", "image": "busybox:1.36", "command": ["sh", "-c", "true"],
    "imagePullPolicy": "IfNotPresent", "terminationMessagePolicy": "File"}])");
  spec["containers"][0]["livenessProbe"] = json::parse(
      R"({"tcpSocket": {"port": 80}, "initialDelaySeconds": 5, "timeoutSeconds": 1, "periodSeconds": 10,
          "successThreshold": 1, "failureThreshold": 3})");
  spec["containers"][0]["lifecycle"] =
      json::parse(R"({"preStop": {"exec": {"command": ["sleep", "5"]}}})");
  spec["containers"][0]["securityContext"] = json::parse(
      R"({"runAsUser": 1000, "allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true,
                      "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}})");
  spec["containers"][0]["envFrom"] =
      json::parse(R"([{"configMapRef": {"name": "web-env"}, "prefix": "WEB_"}])");
  spec["nodeSelector"] = {{"kubernetes.io/os", "linux"}};
  spec["affinity"] =
      json::parse(R"({"podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [
    {"weight": 100, "podAffinityTerm": {"labelSelector": {"matchLabels": {"app": "web"}},
                                        "topologyKey": "kubernetes.io/hostname"}}]}})");
  spec["topologySpreadConstraints"] =
      json::parse(R"([{"maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone",
    "whenUnsatisfiable": "ScheduleAnyway", "labelSelector": {"matchLabels": {"app": "web"}}}])");
  spec["securityContext"] = json::parse(R"({"fsGroup": 2000, "runAsNonRoot": true,
                                             "sysctls": [{"name": "net.ipv4.ip_local_port_range", "value": "1024 65535"}]})");
  spec["volumes"].push_back(
      json::parse(R"({"name": "token", "projected": {"defaultMode": 420, "sources": [
    {"serviceAccountToken": {"path": "token", "expirationSeconds": 3607}},
    {"configMap": {"name": "kube-root-ca.crt", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
    {"downwardAPI": {"items": [{"path": "namespace", "fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}]}}]}})"));
  spec["serviceAccountName"] = "builder";
  CHECK(create_causes(object).empty());
}

}  // namespace troupe::api::validation_test
