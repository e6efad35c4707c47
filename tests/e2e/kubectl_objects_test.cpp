// Real kubectl against `troupe up`: objects from manifests (a namespace,
// ConfigMaps, a Secret whose stringData lands base64-encoded in data),
// `describe` showing an object's events, `wait --for=condition` and
// `--for=jsonpath` through watches, and the errors kubectl prints for 404,
// 409, 413, 422 and unknown fields, worded as on Kubernetes.
#include <catch2/catch.hpp>

#include <csignal>

#include "runtime/in_process_cluster.hpp"
#include "tests/e2e/api_cluster.hpp"
#include "tests/e2e/kubectl_manifests.hpp"

using namespace troupe::testing;
using namespace std::chrono_literals;

namespace {

std::string jsonpath(api_cluster& cluster, std::vector<std::string> what, const std::string& path) {
  what.insert(what.begin(), "get");
  what.push_back("-o");
  what.push_back("jsonpath=" + path);
  auto result = cluster.kubectl(what);
  INFO(result.err);
  REQUIRE(result.code == 0);
  return result.out;
}

}  // namespace

TEST_CASE("namespaces, configmaps and secrets come from manifests", "[e2e][kubectl]") {
  api_cluster cluster;
  auto applied =
      cluster.kubectl({"apply", "-f", cluster.manifest("config.yaml", namespaces_and_config)});
  INFO(applied.out << applied.err);
  REQUIRE(applied.code == 0);
  CHECK(jsonpath(cluster, {"namespace", "team-b"}, "{.status.phase}") == "Active");
  CHECK(jsonpath(cluster, {"namespace", "team-b"},
                 "{.metadata.labels.kubernetes\\.io/metadata\\.name}") == "team-b");
  CHECK(jsonpath(cluster, {"secret", "creds", "-n", "team-b"}, "{.data.user}") == "YWRtaW4=");
  CHECK(jsonpath(cluster, {"secret", "creds", "-n", "team-b"}, "{.data.password}") == "cGFzcw==");
  // stringData is write-only (only kubectl's last-applied annotation keeps it).
  CHECK(jsonpath(cluster, {"secret", "creds", "-n", "team-b"}, "{.stringData}").empty());
  auto secrets = cluster.kubectl({"get", "secrets", "-n", "team-b"});
  CHECK(secrets.out.find("creds   Opaque   2      ") != std::string::npos);
  auto missing = cluster.kubectl(
      {"apply", "-f",
       cluster.manifest(
           "elsewhere.yaml",
           "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: nowhere}\n")});
  CHECK(missing.code != 0);
  CHECK(missing.err.find("namespaces \"nowhere\" not found") != std::string::npos);
}

TEST_CASE("kubectl describe shows an object's events", "[e2e][kubectl]") {
  api_cluster cluster;
  REQUIRE(cluster.kubectl({"apply", "-f", cluster.manifest("pod.yaml", sleeper_pod)}).code == 0);
  auto uid = jsonpath(cluster, {"pod", "sleeper"}, "{.metadata.uid}");
  auto event =
      "apiVersion: v1\nkind: Event\nmetadata: {name: sleeper.pulled}\n"
      "involvedObject: {apiVersion: v1, kind: Pod, name: sleeper, namespace: default, uid: " +
      uid +
      "}\nreason: Pulled\nmessage: Container image \"busybox:1.36\" already present\n"
      "type: Normal\nsource: {component: kubelet}\ncount: 1\n"
      "firstTimestamp: \"2026-01-01T00:00:00Z\"\nlastTimestamp: \"2026-01-01T00:00:00Z\"\n";
  auto created = cluster.kubectl({"apply", "-f", cluster.manifest("event.yaml", event)});
  INFO(created.out << created.err);
  REQUIRE(created.code == 0);
  auto described = cluster.kubectl({"describe", "pod", "sleeper"});
  INFO(described.out << described.err);
  REQUIRE(described.code == 0);
  CHECK(described.out.find("Name:             sleeper") != std::string::npos);
  CHECK(described.out.find("Status:           Pending") != std::string::npos);
  CHECK(described.out.find("Events:") != std::string::npos);
  CHECK(described.out.find("Normal  Pulled") != std::string::npos);
  CHECK(described.out.find("Container image \"busybox:1.36\" already present") !=
        std::string::npos);
  auto events =
      cluster.kubectl({"get", "events", "--field-selector", "involvedObject.name=sleeper"});
  CHECK(events.out.find("Pulled") != std::string::npos);
}

TEST_CASE("kubectl wait sees a condition and a jsonpath value arrive", "[e2e][kubectl]") {
  api_cluster cluster;
  REQUIRE(cluster
              .kubectl({"apply", "-f",
                        cluster.manifest("web.yaml",
                                         web_deployment("nginx:1.25", "{app: web}", "[80]"))})
              .code == 0);
  auto waiting = cluster.kubectl_background(
      {"wait", "--for=condition=Available", "deployment/web", "--timeout=60s"}, "wait");
  auto patched = cluster.kubectl(
      {"patch", "deployment", "web", "--subresource=status", "--type=merge", "-p",
       R"({"status":{"conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"}]}})"});
  INFO(patched.out << patched.err);
  REQUIRE(patched.code == 0);
  auto code = waiting->wait(60s);
  INFO(waiting->out() << waiting->err());
  REQUIRE(code == 0);
  CHECK(waiting->out() == "deployment.apps/web condition met\n");
  // Status writes do not touch the spec.
  CHECK(jsonpath(cluster, {"deploy", "web"}, "{.metadata.generation}") == "1");

  auto scaled = cluster.kubectl_background(
      {"wait", "--for=jsonpath={.spec.replicas}=4", "deployment/web", "--timeout=60s"},
      "wait-scale");
  REQUIRE(cluster.kubectl({"scale", "deployment", "web", "--replicas=4"}).code == 0);
  CHECK(scaled->wait(60s) == 0);
}

TEST_CASE("kubectl prints Kubernetes' errors for 404, 409, 413, 422 and unknown fields",
          "[e2e][kubectl]") {
  api_cluster cluster;
  auto missing = cluster.kubectl({"get", "pod", "nothere"});
  CHECK(missing.code == 1);
  CHECK(missing.err == "Error from server (NotFound): pods \"nothere\" not found\n");

  auto config = cluster.manifest("config.yaml", namespaces_and_config);
  REQUIRE(cluster.kubectl({"create", "-f", config}).code == 0);
  auto again = cluster.kubectl({"create", "-f", config});
  CHECK(again.err.find("Error from server (AlreadyExists): error when creating \"" + config +
                       "\": configmaps \"settings\" already exists") != std::string::npos);

  auto stale = cluster.kubectl({"get", "cm", "settings", "-o", "yaml"}).out;
  REQUIRE(cluster.kubectl({"label", "cm", "settings", "bump=1"}).code == 0);
  auto conflict = cluster.kubectl({"replace", "-f", cluster.manifest("stale.yaml", stale)});
  CHECK(conflict.err.find("Error from server (Conflict): error when replacing") !=
        std::string::npos);
  CHECK(
      conflict.err.find("Operation cannot be fulfilled on configmaps \"settings\": the object has "
                        "been modified; please apply your changes to the latest version and try "
                        "again") != std::string::npos);

  auto invalid =
      cluster.kubectl({"apply", "-f",
                       cluster.manifest("bad.yaml",
                                        "apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name}\n"
                                        "spec:\n  containers:\n  - name: c\n")});
  CHECK(invalid.err.find("The Pod \"Bad_Name\" is invalid: \n* metadata.name: Invalid value: "
                         "\"Bad_Name\": a lowercase RFC 1123 subdomain must consist of") !=
        std::string::npos);
  CHECK(invalid.err.find("\n* spec.containers[0].image: Required value") != std::string::npos);

  auto unknown =
      cluster.kubectl({"apply", "-f",
                       cluster.manifest("unknown.yaml",
                                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: u}\n"
                                        "datax: {a: b}\n")});
  CHECK(unknown.err.find("Error from server (BadRequest): error when creating") !=
        std::string::npos);
  CHECK(unknown.err.find("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict "
                         "decoding error: unknown field \"datax\"") != std::string::npos);

  std::string big = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: \"" +
                    std::string(3 * 1024 * 1024 + 100, 'x') + "\"\n";
  auto too_large = cluster.kubectl({"apply", "-f", cluster.manifest("big.yaml", big)});
  CHECK(too_large.code != 0);
  CHECK(too_large.err.find("Request entity too large: limit is 3145728") != std::string::npos);
}
