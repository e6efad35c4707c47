// Proves Pod spec validation as kube words it: each invalid variant of a
// valid pod gives exactly kube's causes (path, kind, value, detail), in
// kube's order. Table-driven: a mutation of the valid pod, then the
// expected rendered causes.
#include <catch2/catch.hpp>

#include <functional>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

namespace {

struct variant {
  const char* description;
  std::function<void(json& spec)> mutate;
  std::vector<std::string> expected;
};

json& container(json& spec) {
  return spec["containers"][0];
}

void check_variants(const std::vector<variant>& variants) {
  for (const auto& entry : variants) {
    INFO(entry.description);
    auto object = pod();
    entry.mutate(object["spec"]);
    CHECK(create_causes(object) == entry.expected);
  }
}

const char* const label_rule =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and "
    "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation "
    "is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

}  // namespace

TEST_CASE("a pod without containers is refused with spec.containers: Required value") {
  check_variants({{"no containers",
                   [](json& spec) { spec.erase("containers"); },
                   {"spec.containers: Required value"}},
                  {"empty list",
                   [](json& spec) { spec["containers"] = json::array(); },
                   {"spec.containers: Required value"}}});
}

TEST_CASE(
    "container names are required DNS-1123 labels unique across containers and init containers") {
  check_variants({
      {"missing name",
       [](json& spec) { container(spec).erase("name"); },
       {"spec.containers[0].name: Required value"}},
      {"bad name",
       [](json& spec) { container(spec)["name"] = "Web_1"; },
       {std::string("spec.containers[0].name: Invalid value: \"Web_1\": ") + label_rule}},
      {"duplicate in containers",
       [](json& spec) { spec["containers"].push_back(spec["containers"][0]); },
       {"spec.containers[1].name: Duplicate value: \"web\""}},
      {"duplicate across init containers",
       [](json& spec) {
         spec["initContainers"] = json::array({{{"name", "web"},
                                                {"image", "busybox"},
                                                {"imagePullPolicy", "Always"},
                                                {"terminationMessagePolicy", "File"}}});
       },
       {"spec.initContainers[0].name: Duplicate value: \"web\""}},
  });
}

TEST_CASE("images, pull policies and termination message policies follow kube's rules") {
  check_variants({
      {"no image",
       [](json& spec) { container(spec).erase("image"); },
       {"spec.containers[0].image: Required value"}},
      {"padded image",
       [](json& spec) { container(spec)["image"] = " nginx"; },
       {"spec.containers[0].image: Invalid value: \" nginx\": must not have leading or trailing "
        "whitespace"}},
      {"bad pull policy",
       [](json& spec) { container(spec)["imagePullPolicy"] = "Sometimes"; },
       {"spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: "
        "\"Always\", "
        "\"IfNotPresent\", \"Never\""}},
      {"bad message policy",
       [](json& spec) { container(spec)["terminationMessagePolicy"] = "Logs"; },
       {"spec.containers[0].terminationMessagePolicy: Unsupported value: \"Logs\": supported "
        "values: \"File\", "
        "\"FallbackToLogsOnError\""}},
  });
}

TEST_CASE("container ports need a port in range, a supported protocol and unique IANA names") {
  check_variants({
      {"port zero",
       [](json& spec) { container(spec)["ports"][0]["containerPort"] = 0; },
       {"spec.containers[0].ports[0].containerPort: Required value"}},
      {"port too big",
       [](json& spec) { container(spec)["ports"][0]["containerPort"] = 70000; },
       {"spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and "
        "65535, inclusive"}},
      {"bad protocol",
       [](json& spec) { container(spec)["ports"][0]["protocol"] = "ICMP"; },
       {"spec.containers[0].ports[0].protocol: Unsupported value: \"ICMP\": supported values: "
        "\"SCTP\", \"TCP\", \"UDP\""}},
      {"bad name",
       [](json& spec) { container(spec)["ports"][0]["name"] = "web-http-port-name"; },
       {"spec.containers[0].ports[0].name: Invalid value: \"web-http-port-name\": must be no more "
        "than 15 characters"}},
      {"duplicate name",
       [](json& spec) {
         container(spec)["ports"].push_back(
             {{"name", "http"}, {"containerPort", 81}, {"protocol", "TCP"}});
       },
       {"spec.containers[0].ports[1].name: Duplicate value: \"http\""}},
      {"duplicate host port",
       [](json& spec) {
         container(spec)["ports"] =
             json::parse(R"([{"containerPort": 80, "hostPort": 8080, "protocol": "TCP"},
                                                     {"containerPort": 81, "hostPort": 8080, "protocol": "TCP"}])");
         container(spec)["readinessProbe"]["httpGet"]["port"] = 80;
       },
       {"spec.containers[0].ports[1].hostPort: Duplicate value: \"TCP//8080\""}},
      {"host network port mismatch",
       [](json& spec) {
         spec["hostNetwork"] = true;
         container(spec)["ports"][0]["hostPort"] = 8080;
       },
       {"spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` "
        "when `hostNetwork` is true"}},
  });
}

TEST_CASE("environment variables need names and at most one value source") {
  check_variants({
      {"no name",
       [](json& spec) { container(spec)["env"][0].erase("name"); },
       {"spec.containers[0].env[0].name: Required value"}},
      {"name with equals sign",
       [](json& spec) { container(spec)["env"][0]["name"] = "A=B"; },
       {"spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name "
        "must consist only of "
        "printable ASCII characters other than '='"}},
      {"empty valueFrom",
       [](json& spec) { container(spec)["env"][1]["valueFrom"] = json::object(); },
       {"spec.containers[0].env[1].valueFrom: Invalid value: \"\": must specify one of: "
        "`fieldRef`, `resourceFieldRef`, "
        "`configMapKeyRef` or `secretKeyRef`"}},
      {"value and valueFrom",
       [](json& spec) { container(spec)["env"][1]["value"] = "x"; },
       {"spec.containers[0].env[1].valueFrom: Invalid value: \"\": may not be specified when "
        "`value` is not empty"}},
      {"two sources",
       [](json& spec) {
         container(spec)["env"][1]["valueFrom"]["secretKeyRef"] = {{"name", "db"},
                                                                   {"key", "password"}};
       },
       {"spec.containers[0].env[1].valueFrom: Invalid value: \"\": may not have more than one "
        "field specified at a time"}},
      {"unsupported field path",
       [](json& spec) {
         container(spec)["env"][1]["valueFrom"]["fieldRef"]["fieldPath"] = "status.phase";
       },
       {"spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Unsupported value: "
        "\"status.phase\": supported values: "
        "\"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", "
        "\"spec.serviceAccountName\", "
        "\"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\""}},
      {"unknown field path",
       [](json& spec) {
         container(spec)["env"][1]["valueFrom"]["fieldRef"]["fieldPath"] = "spec.foo";
       },
       {"spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: \"spec.foo\": "
        "error converting fieldPath: "
        "field label not supported: spec.foo"}},
      {"secret key missing",
       [](json& spec) {
         container(spec)["env"][1]["valueFrom"] = {{"secretKeyRef", {{"name", "db"}}}};
       },
       {"spec.containers[0].env[1].valueFrom.secretKeyRef.key: Required value"}},
  });
}

TEST_CASE("volumes need unique label names and exactly one source, and mounts must name one") {
  check_variants({
      {"mount of a missing volume",
       [](json& spec) { container(spec)["volumeMounts"][0]["name"] = "cache"; },
       {"spec.containers[0].volumeMounts[0].name: Not found: \"cache\""}},
      {"duplicate volume",
       [](json& spec) {
         spec["volumes"].push_back({{"name", "data"}, {"emptyDir", json::object()}});
       },
       {"spec.volumes[2].name: Duplicate value: \"data\""}},
      {"no source",
       [](json& spec) { spec["volumes"][0].erase("emptyDir"); },
       {"spec.volumes[0]: Required value: must specify a volume type",
        "spec.containers[0].volumeMounts[0].name: Not found: \"data\""}},
      {"two sources",
       [](json& spec) {
         spec["volumes"][0]["hostPath"] = {{"path", "/srv"}};
       },
       {"spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type",
        "spec.containers[0].volumeMounts[0].name: Not found: \"data\""}},
      {"configMap without name",
       [](json& spec) { spec["volumes"][1]["configMap"].erase("name"); },
       {"spec.volumes[1].configMap.name: Required value",
        "spec.containers[0].volumeMounts[1].name: Not found: \"config\""}},
      {"bad default mode",
       [](json& spec) { spec["volumes"][1]["configMap"]["defaultMode"] = 01000; },
       {"spec.volumes[1].configMap.defaultMode: Invalid value: 512: must be a number between 0 and "
        "0777 (octal), both "
        "inclusive",
        "spec.containers[0].volumeMounts[1].name: Not found: \"config\""}},
      {"duplicate mount path",
       [](json& spec) { container(spec)["volumeMounts"][1]["mountPath"] = "/data"; },
       {"spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique"}},
      {"sub path escaping",
       [](json& spec) { container(spec)["volumeMounts"][0]["subPath"] = "../etc"; },
       {"spec.containers[0].volumeMounts.subPath: Invalid value: \"../etc\": must not contain "
        "'..'"}},
      {"unknown host path type",
       [](json& spec) {
         spec["volumes"][0] = {{"name", "data"},
                               {"hostPath", {{"path", "/srv"}, {"type", "Folder"}}}};
       },
       {"spec.volumes[0].hostPath.type: Unsupported value: \"Folder\": supported values: \"\", "
        "\"BlockDevice\", "
        "\"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", "
        "\"Socket\"",
        "spec.containers[0].volumeMounts[0].name: Not found: \"data\""}},
  });
}

TEST_CASE("resources need valid names and quantities and requests within limits") {
  check_variants({
      {"request above limit",
       [](json& spec) { container(spec)["resources"]["requests"]["cpu"] = "1"; },
       {"spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal "
        "to cpu limit of 500m"}},
      {"negative memory",
       [](json& spec) { container(spec)["resources"]["limits"]["memory"] = "-1Mi"; },
       {"spec.containers[0].resources.limits[memory]: Invalid value: \"-1Mi\": must be greater "
        "than or equal to 0",
        "spec.containers[0].resources.requests: Invalid value: \"64Mi\": must be less than or "
        "equal to memory limit of -1Mi"}},
      {"unknown resource",
       [](json& spec) { container(spec)["resources"]["limits"]["gpu"] = "1"; },
       {"spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be a standard "
        "resource type or fully "
        "qualified",
        "spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be a standard "
        "resource for containers"}},
      {"fractional extended resource",
       [](json& spec) {
         container(spec)["resources"]["limits"]["example.com/gpu"] = "500m";
         container(spec)["resources"]["requests"]["example.com/gpu"] = "500m";
       },
       {"spec.containers[0].resources.limits[example.com/gpu]: Invalid value: \"500m\": must be an "
        "integer",
        "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: \"500m\": must be "
        "an integer"}},
      {"extended request without limit",
       [](json& spec) { container(spec)["resources"]["requests"]["example.com/gpu"] = "1"; },
       {"spec.containers[0].resources.limits: Required value: Limit must be set for non "
        "overcommitable resources"}},
  });
}

TEST_CASE("probes need exactly one handler and non-negative timings") {
  check_variants({
      {"no handler",
       [](json& spec) { container(spec)["readinessProbe"].erase("httpGet"); },
       {"spec.containers[0].readinessProbe: Required value: must specify a handler type"}},
      {"two handlers",
       [](json& spec) {
         container(spec)["readinessProbe"]["tcpSocket"] = {{"port", 80}};
       },
       {"spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 "
        "handler type"}},
      {"negative period",
       [](json& spec) { container(spec)["readinessProbe"]["periodSeconds"] = -1; },
       {"spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than "
        "or equal to 0"}},
      {"liveness success threshold",
       [](json& spec) {
         container(spec)["livenessProbe"] = container(spec)["readinessProbe"];
         container(spec)["livenessProbe"]["successThreshold"] = 2;
       },
       {"spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"}},
      {"bad scheme",
       [](json& spec) { container(spec)["readinessProbe"]["httpGet"]["scheme"] = "FTP"; },
       {"spec.containers[0].readinessProbe.httpGet.scheme: Unsupported value: \"FTP\": supported "
        "values: \"HTTP\", \"HTTPS\""}},
      {"exec without command",
       [](json& spec) {
         container(spec)["readinessProbe"] = {{"exec", json::object()}, {"successThreshold", 1}};
       },
       {"spec.containers[0].readinessProbe.exec.command: Required value"}},
  });
}

TEST_CASE("pod-level policies and names use kube's value lists") {
  check_variants({
      {"restart policy",
       [](json& spec) { spec["restartPolicy"] = "Sometimes"; },
       {"spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
        "\"OnFailure\", \"Never\""}},
      {"dns policy",
       [](json& spec) { spec["dnsPolicy"] = "Cluster"; },
       {"spec.dnsPolicy: Unsupported value: \"Cluster\": supported values: "
        "\"ClusterFirstWithHostNet\", \"ClusterFirst\", "
        "\"Default\", \"None\""}},
      {"dns None without config",
       [](json& spec) { spec["dnsPolicy"] = "None"; },
       {"spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"}},
      {"grace period missing",
       [](json& spec) { spec.erase("terminationGracePeriodSeconds"); },
       {"spec.terminationGracePeriodSeconds: Required value"}},
      {"active deadline zero",
       [](json& spec) { spec["activeDeadlineSeconds"] = 0; },
       {"spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, "
        "inclusive"}},
      {"node selector value",
       [](json& spec) {
         spec["nodeSelector"] = {{"disk", "s s d"}};
       },
       {"spec.nodeSelector: Invalid value: \"s s d\": a valid label must be an empty string or "
        "consist of alphanumeric "
        "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
        "'MyValue',  or "
        "'my_value',  or '12345', regex used for validation is "
        "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"}},
      {"service account name",
       [](json& spec) { spec["serviceAccountName"] = "Builder"; },
       {"spec.serviceAccountName: Invalid value: \"Builder\": a lowercase RFC 1123 subdomain must "
        "consist of lower case "
        "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
        "character (e.g. "
        "'example.com', regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"}},
  });
}

TEST_CASE("tolerations, affinity and topology spread follow kube's scheduling rules") {
  check_variants({
      {"toleration without key must use Exists",
       [](json& spec) {
         spec["tolerations"] = json::parse(R"([{"operator": "Equal", "value": "x"}])");
       },
       {"spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when "
        "`key` is empty, which means "
        "\"match all values and all keys\""}},
      {"toleration seconds without NoExecute",
       [](json& spec) { spec["tolerations"][0]["effect"] = "NoSchedule"; },
       {"spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' "
        "when `tolerationSeconds` is set"}},
      {"unknown effect",
       [](json& spec) {
         spec["tolerations"] =
             json::parse(R"([{"key": "a", "operator": "Exists", "effect": "Never"}])");
       },
       {"spec.tolerations[0].effect: Unsupported value: \"Never\": supported values: "
        "\"NoSchedule\", \"PreferNoSchedule\", "
        "\"NoExecute\""}},
      {"affinity weight",
       [](json& spec) {
         spec["affinity"] =
             json::parse(R"({"nodeAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [
           {"weight": 0, "preference": {"matchExpressions": [{"key": "zone", "operator": "In", "values": ["a"]}]}}]}})");
       },
       {"spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: "
        "Invalid value: 0: must be in "
        "the range 1-100"}},
      {"required node selector without terms",
       [](json& spec) {
         spec["affinity"] = json::parse(
             R"({"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {}}})");
       },
       {"spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution."
        "nodeSelectorTerms: Required value: must "
        "have at least one node selector term"}},
      {"pod affinity without topology key",
       [](json& spec) {
         spec["affinity"] =
             json::parse(R"({"podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
           {"labelSelector": {"matchExpressions": [{"key": "app", "operator": "Exists"}]}}]}})");
       },
       {"spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
        "Required value: can not be empty",
        "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
        "Invalid value: \"\": name "
        "part must be non-empty",
        "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
        "Invalid value: \"\": name "
        "part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
        "with an alphanumeric "
        "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
        "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"}},
      {"spread constraint",
       [](json& spec) {
         spec["topologySpreadConstraints"] = json::parse(
             R"([{"maxSkew": 0, "topologyKey": "zone", "whenUnsatisfiable": "Maybe"}])");
       },
       {"spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
        "spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"Maybe\": "
        "supported values: "
        "\"DoNotSchedule\", \"ScheduleAnyway\""}},
  });
}

TEST_CASE("security contexts bound user ids and refuse contradictory settings") {
  check_variants({
      {"negative user",
       [](json& spec) {
         container(spec)["securityContext"] = {{"runAsUser", -1}};
       },
       {"spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and "
        "4294967295, inclusive"}},
      {"privileged without escalation",
       [](json& spec) {
         container(spec)["securityContext"] = {{"privileged", true},
                                               {"allowPrivilegeEscalation", false}};
       },
       {"spec.containers[0].securityContext: Invalid value: core.SecurityContext{...}: cannot set "
        "`allowPrivilegeEscalation` to false and `privileged` to true"}},
      {"seccomp without type",
       [](json& spec) {
         spec["securityContext"] = {{"seccompProfile", json::object()}};
       },
       {"spec.securityContext.seccompProfile.type: Required value: type is required when "
        "seccompProfile is set"}},
      {"share process namespace with host pid",
       [](json& spec) {
         spec["shareProcessNamespace"] = true;
         spec["hostPID"] = true;
       },
       {"spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace "
        "and HostPID cannot both be "
        "enabled"}},
      {"net sysctl with host network",
       [](json& spec) {
         spec["hostNetwork"] = true;
         container(spec)["ports"][0]["hostPort"] = 80;
         spec["securityContext"] = {
             {"sysctls", {{{"name", "net.core.somaxconn"}, {"value", "1024"}}}}};
       },
       {"spec.securityContext.sysctls[0].name: Invalid value: \"net.core.somaxconn\": may not be "
        "specified when "
        "'hostNetwork' is true"}},
  });
}

TEST_CASE("ephemeral containers may not be set when a pod is created") {
  auto object = pod();
  object["spec"]["ephemeralContainers"] = json::parse(
      R"([{"name": "debug", "image": "busybox", "imagePullPolicy": "Always", "terminationMessagePolicy": "File"}])");
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.ephemeralContainers: Forbidden: cannot be set on create"});
}

TEST_CASE("several causes of one pod come in kube's order") {
  auto object = pod();
  object["metadata"]["name"] = "";
  object["spec"]["containers"][0].erase("image");
  object["spec"]["restartPolicy"] = "Sometimes";
  object["spec"]["volumes"][0]["name"] = "Data";
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "metadata.name: Required value: name or generateName is required",
            std::string("spec.volumes[0].name: Invalid value: \"Data\": ") + label_rule,
            "spec.containers[0].image: Required value",
            "spec.containers[0].volumeMounts[0].name: Not found: \"data\"",
            "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
            "\"OnFailure\", \"Never\""});
}

}  // namespace troupe::api::validation_test
