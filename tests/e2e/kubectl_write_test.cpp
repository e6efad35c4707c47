// Real kubectl against `troupe up`: writing. `apply` creates, then
// re-applies a changed image, a removed label and changed container ports
// through strategic merge patches without drift (a third apply changes
// nothing, not even the resourceVersion); `apply --dry-run=server` writes
// nothing; create -f, replace, delete (-f, by name, --wait), label, annotate
// and scale; and a restart on the same data dir keeps every object.
#include <catch2/catch.hpp>

#include "tests/e2e/api_cluster.hpp"
#include "tests/e2e/kubectl_manifests.hpp"

using namespace troupe::testing;

namespace {

std::string jsonpath(api_cluster& cluster, const std::string& object, const std::string& path) {
  auto result = cluster.kubectl({"get", object, "-o", "jsonpath=" + path});
  INFO(result.err);
  REQUIRE(result.code == 0);
  return result.out;
}

}  // namespace

TEST_CASE("kubectl apply updates through strategic merge patches without drift", "[e2e][kubectl]") {
  api_cluster cluster;
  auto first = cluster.manifest(
      "web-1.yaml", web_deployment("nginx:1.25", "{app: web, tier: front}", "[80, 443]"));
  auto created = cluster.kubectl({"apply", "-f", first});
  INFO(created.out << created.err);
  REQUIRE(created.code == 0);
  CHECK(created.out == "deployment.apps/web created\n");
  CHECK(jsonpath(cluster, "deploy/web", "{.metadata.generation}") == "1");
  CHECK(jsonpath(cluster, "deploy/web", "{.spec.strategy.rollingUpdate.maxSurge}") == "25%");

  auto second =
      cluster.manifest("web-2.yaml", web_deployment("nginx:1.26", "{app: web}", "[80, 8080]"));
  auto changed = cluster.kubectl({"apply", "-f", second});
  INFO(changed.out << changed.err);
  REQUIRE(changed.code == 0);
  CHECK(changed.out == "deployment.apps/web configured\n");
  CHECK(jsonpath(cluster, "deploy/web", "{.spec.template.spec.containers[0].image}") ==
        "nginx:1.26");
  CHECK(jsonpath(cluster, "deploy/web", "{.metadata.labels}") == R"({"app":"web"})");
  CHECK(jsonpath(cluster, "deploy/web",
                 "{.spec.template.spec.containers[0].ports[*].containerPort}") == "80 8080");
  CHECK(jsonpath(cluster, "deploy/web", "{.metadata.generation}") == "2");
  auto version = jsonpath(cluster, "deploy/web", "{.metadata.resourceVersion}");

  auto again = cluster.kubectl({"apply", "-f", second});
  CHECK(again.out == "deployment.apps/web unchanged\n");
  CHECK(jsonpath(cluster, "deploy/web", "{.metadata.resourceVersion}") == version);

  auto third =
      cluster.manifest("web-3.yaml", web_deployment("nginx:1.27", "{app: web}", "[80, 8080]"));
  auto dry = cluster.kubectl({"apply", "-f", third, "--dry-run=server"});
  CHECK(dry.out == "deployment.apps/web configured (server dry run)\n");
  CHECK(jsonpath(cluster, "deploy/web", "{.spec.template.spec.containers[0].image}") ==
        "nginx:1.26");
  CHECK(jsonpath(cluster, "deploy/web", "{.metadata.resourceVersion}") == version);
}

TEST_CASE("kubectl create, replace, label, annotate, scale and delete", "[e2e][kubectl]") {
  api_cluster cluster;
  auto config = cluster.manifest("config.yaml", namespaces_and_config);
  auto created = cluster.kubectl({"create", "-f", config});
  INFO(created.out << created.err);
  REQUIRE(created.code == 0);
  CHECK(created.out ==
        "namespace/team-b created\nconfigmap/settings created\nconfigmap/other created\n"
        "secret/creds created\n");

  CHECK(cluster.kubectl({"label", "cm", "settings", "env=prod"}).out ==
        "configmap/settings labeled\n");
  CHECK(cluster.kubectl({"label", "cm", "settings", "team-"}).out ==
        "configmap/settings unlabeled\n");
  CHECK(cluster.kubectl({"annotate", "cm", "settings", "note=kept"}).out ==
        "configmap/settings annotated\n");
  CHECK(jsonpath(cluster, "cm/settings", "{.metadata.labels}") == R"({"env":"prod"})");
  CHECK(jsonpath(cluster, "cm/settings", "{.metadata.annotations.note}") == "kept");

  auto current = cluster.kubectl({"get", "cm", "settings", "-o", "yaml"});
  auto replacement = current.out;
  replacement.replace(replacement.find("mode: fast"), 10, "mode: careful");
  auto replaced = cluster.kubectl({"replace", "-f", cluster.manifest("replace.yaml", replacement)});
  INFO(replaced.out << replaced.err);
  CHECK(replaced.out == "configmap/settings replaced\n");
  CHECK(jsonpath(cluster, "cm/settings", "{.data.mode}") == "careful");

  auto web = cluster.manifest("web.yaml", web_deployment("nginx:1.25", "{app: web}", "[80]"));
  REQUIRE(cluster.kubectl({"apply", "-f", web}).code == 0);
  CHECK(cluster.kubectl({"scale", "deploy", "web", "--replicas=5"}).out ==
        "deployment.apps/web scaled\n");
  CHECK(jsonpath(cluster, "deploy/web", "{.spec.replicas}") == "5");

  CHECK(cluster.kubectl({"delete", "cm", "settings"}).out == "configmap \"settings\" deleted\n");
  CHECK(cluster.kubectl({"delete", "-f", web, "--wait"}).out ==
        "deployment.apps \"web\" deleted\n");
  CHECK(cluster.kubectl({"get", "deploy", "web"}).code != 0);
  auto pod = cluster.manifest("pod.yaml", sleeper_pod);
  REQUIRE(cluster.kubectl({"apply", "-f", pod}).code == 0);
  // An unscheduled pod has no kubelet to wait for: it goes at once.
  CHECK(cluster.kubectl({"delete", "pod", "sleeper", "--wait"}).out == "pod \"sleeper\" deleted\n");
}

TEST_CASE("a restart of troupe up on the same data dir keeps every object", "[e2e][kubectl]") {
  api_cluster cluster;
  REQUIRE(cluster.kubectl({"apply", "-f", cluster.manifest("config.yaml", namespaces_and_config)})
              .code == 0);
  auto uid = jsonpath(cluster, "cm/settings", "{.metadata.uid}");
  auto version = jsonpath(cluster, "cm/settings", "{.metadata.resourceVersion}");
  CHECK(cluster.stop() == 0);
  cluster.start();
  CHECK(jsonpath(cluster, "cm/settings", "{.metadata.uid}") == uid);
  CHECK(jsonpath(cluster, "cm/settings", "{.metadata.resourceVersion}") == version);
  auto listed = cluster.kubectl({"get", "cm", "-n", "team-b", "-o", "name"});
  CHECK(listed.out == "configmap/other\n");
  auto created = cluster.kubectl({"apply", "-f", cluster.manifest("pod.yaml", sleeper_pod)});
  CHECK(created.out == "pod/sleeper created\n");
}
