// The built-in resource registry and the discovery documents kubectl reads:
// registry invariants, aggregated discovery (apidiscovery.k8s.io/v2) for /api
// and /apis, legacy APIVersions/APIGroupList/APIResourceList, and /version.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "actors/api/core/discovery.hpp"
#include "actors/api/core/resource_registry.hpp"

using namespace troupe::api;
using nlohmann::json;

namespace {

const json* find_named(const json& list, const char* field, const std::string& name) {
  for (const auto& item : list)
    if (item.value(field, "") == name) return &item;
  return nullptr;
}

}  // namespace

TEST_CASE("the registry names each resource once and every listed version has resources",
          "[discovery]") {
  std::set<std::string> plurals;
  std::set<std::string> kinds;
  std::set<std::string> short_names;
  for (const auto& resource : builtin_resources()) {
    INFO(resource.api_version() << " " << resource.kind);
    CHECK(plurals.insert(resource.api_version() + "/" + resource.plural).second);
    CHECK(kinds.insert(resource.api_version() + "/" + resource.kind).second);
    for (const auto& name : resource.short_names) CHECK(short_names.insert(name).second);
    CHECK_FALSE(resource.verbs.empty());
  }
  for (const auto& group : builtin_groups()) {
    REQUIRE_FALSE(group.versions.empty());
    for (const auto& version : group.versions) {
      INFO(group.group << "/" << version);
      CHECK(resource_list(group.group, version).has_value());
    }
  }
  CHECK(builtin_groups().front().group.empty());  // core first
  CHECK(builtin_resources().size() == 26);
}

TEST_CASE("resources are found by path segments and by apiVersion and kind", "[discovery]") {
  const auto* pods = find_resource("", "v1", "pods");
  REQUIRE(pods);
  CHECK(pods->kind == "Pod");
  CHECK(pods->namespaced);
  const auto* deployment = find_kind("apps/v1", "Deployment");
  REQUIRE(deployment);
  CHECK(deployment->plural == "deployments");
  CHECK(deployment->short_names == std::vector<std::string>{"deploy"});
  CHECK_FALSE(find_kind("v1", "Deployment"));
  CHECK_FALSE(find_resource("apps", "v1", "pods"));
  const auto* node = find_resource("", "v1", "nodes");
  REQUIRE(node);
  CHECK_FALSE(node->namespaced);
  CHECK(find_kind("autoscaling/v1", "HorizontalPodAutoscaler"));
  CHECK(find_kind("autoscaling/v2", "HorizontalPodAutoscaler"));
}

TEST_CASE("aggregated discovery of the core group describes pods as kubectl needs them",
          "[discovery]") {
  CHECK(aggregated_discovery_content_type ==
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
  auto document = aggregated_discovery(discovery_scope::core);
  CHECK(document["kind"] == "APIGroupDiscoveryList");
  CHECK(document["apiVersion"] == "apidiscovery.k8s.io/v2");
  REQUIRE(document["items"].size() == 1);
  const auto& v1 = document["items"][0]["versions"][0];
  CHECK(v1["version"] == "v1");
  CHECK(v1["freshness"] == "Current");
  const auto* pods = find_named(v1["resources"], "resource", "pods");
  REQUIRE(pods);
  CHECK((*pods)["responseKind"] == json{{"group", ""}, {"version", "v1"}, {"kind", "Pod"}});
  CHECK((*pods)["scope"] == "Namespaced");
  CHECK((*pods)["shortNames"] == json{"po"});
  CHECK((*pods)["categories"] == json{"all"});
  CHECK((*pods)["verbs"] ==
        json{"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"});
  const auto* eviction = find_named((*pods)["subresources"], "subresource", "eviction");
  REQUIRE(eviction);
  CHECK((*eviction)["responseKind"]["group"] == "policy");
  CHECK((*eviction)["verbs"] == json{"create"});
  const auto* namespaces = find_named(v1["resources"], "resource", "namespaces");
  REQUIRE(namespaces);
  CHECK((*namespaces)["scope"] == "Cluster");
}

TEST_CASE("aggregated discovery of the named groups lists preferred versions first",
          "[discovery]") {
  auto document = aggregated_discovery(discovery_scope::groups);
  std::vector<std::string> names;
  for (const auto& item : document["items"]) names.push_back(item["metadata"]["name"]);
  CHECK(names == std::vector<std::string>{"apps", "batch", "autoscaling", "coordination.k8s.io",
                                          "discovery.k8s.io", "policy",
                                          "rbac.authorization.k8s.io"});
  for (const auto& item : document["items"]) {
    if (item["metadata"]["name"] != "autoscaling") continue;
    REQUIRE(item["versions"].size() == 2);
    CHECK(item["versions"][0]["version"] == "v2");
    CHECK(item["versions"][1]["version"] == "v1");
  }
  const auto& apps = document["items"][0]["versions"][0]["resources"];
  const auto* deployments = find_named(apps, "resource", "deployments");
  REQUIRE(deployments);
  const auto* scale = find_named((*deployments)["subresources"], "subresource", "scale");
  REQUIRE(scale);
  CHECK((*scale)["responseKind"] ==
        json{{"group", "autoscaling"}, {"version", "v1"}, {"kind", "Scale"}});
}

TEST_CASE("legacy discovery lists versions, groups and each group-version's resources",
          "[discovery]") {
  auto core = legacy_core_versions();
  CHECK(core["kind"] == "APIVersions");
  CHECK(core["versions"] == json{"v1"});
  auto groups = legacy_group_list();
  CHECK(groups["kind"] == "APIGroupList");
  const auto* autoscaling = find_named(groups["groups"], "name", "autoscaling");
  REQUIRE(autoscaling);
  CHECK((*autoscaling)["preferredVersion"]["groupVersion"] == "autoscaling/v2");
  CHECK_FALSE(find_named(groups["groups"], "name", ""));

  auto apps = resource_list("apps", "v1");
  REQUIRE(apps);
  CHECK((*apps)["groupVersion"] == "apps/v1");
  const auto* scale = find_named((*apps)["resources"], "name", "deployments/scale");
  REQUIRE(scale);
  CHECK((*scale)["group"] == "autoscaling");
  CHECK((*scale)["kind"] == "Scale");
  auto v1 = resource_list("", "v1");
  REQUIRE(v1);
  CHECK((*v1)["groupVersion"] == "v1");
  CHECK(find_named((*v1)["resources"], "name", "pods/eviction"));  // kubectl drain looks for it
  CHECK_FALSE(resource_list("apps", "v2"));
  CHECK_FALSE(resource_list("example.com", "v1"));
}

TEST_CASE("the version document reports Kubernetes 1.32", "[discovery]") {
  auto version = version_document("0.1.0");
  CHECK(version["major"] == "1");
  CHECK(version["minor"] == "32");
  for (const char* field : {"gitVersion", "gitCommit", "gitTreeState", "buildDate", "goVersion",
                            "compiler", "platform"})
    CHECK(version.contains(field));
}
