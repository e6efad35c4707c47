// Real kubectl against `troupe up`: what kubectl learns before anything else
// (version, discovery, OpenAPI): `kubectl version` reports the server,
// `api-resources` lists every built-in resource with its short names,
// `explain` renders the OpenAPI v3 schemas.
#include <catch2/catch.hpp>

#include "tests/e2e/api_cluster.hpp"

using namespace troupe::testing;

namespace {

bool has_line(const std::string& text, const std::string& start) {
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    auto line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (line.rfind(start, 0) == 0) return true;
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return false;
}

}  // namespace

TEST_CASE("kubectl version reports a 1.32 server", "[e2e][kubectl]") {
  api_cluster cluster;
  auto version = cluster.kubectl({"version"});
  INFO(version.out << version.err);
  REQUIRE(version.code == 0);
  CHECK(version.out.find("Server Version: v1.32.0-troupe.") != std::string::npos);
  auto json = cluster.kubectl({"version", "-o", "json"});
  CHECK(json.out.find("\"minor\": \"32\"") != std::string::npos);
}

TEST_CASE("kubectl api-resources lists every built-in resource with its short names",
          "[e2e][kubectl]") {
  api_cluster cluster;
  auto listed = cluster.kubectl({"api-resources", "--no-headers"});
  INFO(listed.out << listed.err);
  REQUIRE(listed.code == 0);
  for (const char* line : {"pods ",
                           "deployments ",
                           "services ",
                           "namespaces ",
                           "configmaps ",
                           "secrets ",
                           "events ",
                           "nodes ",
                           "endpoints ",
                           "serviceaccounts ",
                           "persistentvolumes ",
                           "persistentvolumeclaims ",
                           "replicasets ",
                           "statefulsets ",
                           "daemonsets ",
                           "jobs ",
                           "cronjobs ",
                           "leases ",
                           "endpointslices ",
                           "horizontalpodautoscalers ",
                           "poddisruptionbudgets ",
                           "roles ",
                           "clusterroles ",
                           "rolebindings ",
                           "clusterrolebindings "})
    CHECK(has_line(listed.out, line));
  auto wide = cluster.kubectl({"api-resources", "-o", "wide"});
  CHECK(wide.out.find("po") != std::string::npos);
  auto short_name = cluster.kubectl({"get", "deploy"});
  CHECK(short_name.code == 0);
  CHECK(short_name.err.find("No resources found in default namespace.") != std::string::npos);
}

TEST_CASE("kubectl explain renders the schemas served at /openapi/v3", "[e2e][kubectl]") {
  api_cluster cluster;
  auto containers = cluster.kubectl({"explain", "pods.spec.containers"});
  INFO(containers.out << containers.err);
  REQUIRE(containers.code == 0);
  CHECK(containers.out.find("KIND:       Pod") != std::string::npos);
  CHECK(containers.out.find("FIELD: containers <[]Container>") != std::string::npos);
  CHECK(containers.out.find("image\t<string>") != std::string::npos);
  CHECK(containers.out.find("ports\t<[]ContainerPort>") != std::string::npos);
  auto strategy = cluster.kubectl({"explain", "deployment.spec.strategy"});
  CHECK(strategy.code == 0);
  CHECK(strategy.out.find("rollingUpdate\t<RollingUpdateDeployment>") != std::string::npos);
}
