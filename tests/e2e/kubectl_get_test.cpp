// Real kubectl against `troupe up`: reading. `kubectl get` prints the
// server's Tables (the columns Kubernetes prints, -o wide, -A, --show-labels),
// -o yaml|json|jsonpath|name, label selectors, and `get -w` streams the
// changes it watches.
#include <catch2/catch.hpp>

#include <csignal>

#include "runtime/wait_until.hpp"
#include "tests/e2e/api_cluster.hpp"
#include "tests/e2e/kubectl_manifests.hpp"

using namespace troupe::testing;
using namespace std::chrono_literals;

namespace {

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// "NAME   READY  ..." -> "NAME READY ..."
std::string columns(const std::string& line) {
  std::string result;
  bool space = false;
  for (char c : line) {
    if (c == ' ') {
      space = true;
      continue;
    }
    if (space && !result.empty()) result += ' ';
    space = false;
    result += c;
  }
  return result;
}

void apply(api_cluster& cluster, const std::string& name, const std::string& yaml) {
  auto applied = cluster.kubectl({"apply", "-f", cluster.manifest(name, yaml)});
  INFO(applied.out << applied.err);
  REQUIRE(applied.code == 0);
}

}  // namespace

TEST_CASE("kubectl get prints the columns Kubernetes prints, wide ones with -o wide",
          "[e2e][kubectl]") {
  api_cluster cluster;
  apply(cluster, "web.yaml", web_deployment("nginx:1.25", "{app: web}", "[80]"));
  apply(cluster, "config.yaml", namespaces_and_config);
  apply(cluster, "pod.yaml", sleeper_pod);

  auto deployments = cluster.kubectl({"get", "deployments"});
  INFO(deployments.out << deployments.err);
  CHECK(columns(first_line(deployments.out)) == "NAME READY UP-TO-DATE AVAILABLE AGE");
  CHECK(deployments.out.find("web    0/2     0            0           ") != std::string::npos);
  auto wide = cluster.kubectl({"get", "deploy", "-o", "wide"});
  CHECK(columns(first_line(wide.out)) ==
        "NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR");
  CHECK(wide.out.find("nginx:1.25   app=web") != std::string::npos);

  auto pods = cluster.kubectl({"get", "pods", "-o", "wide"});
  CHECK(columns(first_line(pods.out)) ==
        "NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES");
  CHECK(columns(pods.out.substr(pods.out.find('\n') + 1)).rfind("sleeper 0/1 Pending 0 ", 0) == 0);

  auto all = cluster.kubectl({"get", "configmaps", "-A", "--show-labels"});
  CHECK(columns(first_line(all.out)) == "NAMESPACE NAME DATA AGE LABELS");
  CHECK(all.out.find("team-b") != std::string::npos);
  CHECK(all.out.find("team=b") != std::string::npos);

  auto namespaces = cluster.kubectl({"get", "namespaces"});
  CHECK(columns(first_line(namespaces.out)) == "NAME STATUS AGE");
  for (auto name : {"default", "kube-system", "kube-public", "kube-node-lease", "team-b"})
    CHECK(namespaces.out.find(std::string(name) + " ") != std::string::npos);
}

TEST_CASE("kubectl get -o yaml, json, jsonpath and name, and label selectors", "[e2e][kubectl]") {
  api_cluster cluster;
  apply(cluster, "config.yaml", namespaces_and_config);

  auto yaml = cluster.kubectl({"get", "configmap", "settings", "-o", "yaml"});
  INFO(yaml.out << yaml.err);
  CHECK(yaml.out.find("kind: ConfigMap") != std::string::npos);
  CHECK(yaml.out.find("  mode: fast") != std::string::npos);
  CHECK(yaml.out.find("  resourceVersion: \"") != std::string::npos);
  CHECK(yaml.out.find("  uid: ") != std::string::npos);
  auto json = cluster.kubectl({"get", "cm", "settings", "-o", "json"});
  CHECK(json.out.find("\"level\": \"3\"") != std::string::npos);
  auto path = cluster.kubectl({"get", "cm", "settings", "-o", "jsonpath={.data.mode}"});
  CHECK(path.out == "fast");
  auto names = cluster.kubectl({"get", "cm", "-A", "-l", "team in (a,b)", "-o", "name"});
  CHECK(names.out == "configmap/settings\nconfigmap/other\n");
  auto one = cluster.kubectl({"get", "cm", "-A", "-l", "team!=a", "-o", "name"});
  CHECK(one.out == "configmap/other\n");
  auto none = cluster.kubectl({"get", "cm", "-l", "team=c"});
  CHECK(none.err.find("No resources found in default namespace.") != std::string::npos);
  auto bad = cluster.kubectl({"get", "cm", "-l", "team in a"});
  CHECK(bad.code != 0);
  CHECK(bad.err.find("unable to parse requirement") != std::string::npos);
}

TEST_CASE("kubectl get -w prints each change it watches", "[e2e][kubectl]") {
  api_cluster cluster;
  apply(cluster, "config.yaml", namespaces_and_config);
  auto watch = cluster.kubectl_background({"get", "configmaps", "-w"}, "watch");
  REQUIRE(troupe::runtime::wait_until(
      [&] { return watch->out().find("settings") != std::string::npos; }, 30s));
  REQUIRE(cluster.kubectl({"label", "cm", "settings", "stage=two"}).code == 0);
  REQUIRE(
      cluster
          .kubectl({"apply", "-f",
                    cluster.manifest("fresh.yaml",
                                     "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fresh}\n")})
          .code == 0);
  REQUIRE(cluster.kubectl({"delete", "cm", "settings"}).code == 0);
  bool seen = troupe::runtime::wait_until(
      [&] {
        auto out = watch->out();
        std::size_t settings = 0;
        for (auto at = out.find("\nsettings"); at != std::string::npos;
             at = out.find("\nsettings", at + 1))
          ++settings;
        return settings >= 3 && out.find("\nfresh") != std::string::npos;
      },
      30s);
  INFO(watch->out() << watch->err());
  CHECK(seen);
  CHECK(columns(first_line(watch->out())) == "NAME DATA AGE");
  watch->signal(SIGTERM);
}
