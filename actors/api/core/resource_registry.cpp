#include "actors/api/core/resource_registry.hpp"

#include <cctype>
#include <iterator>
#include <utility>

namespace troupe::api {

namespace {

const std::vector<std::string> all_verbs{"create", "delete", "deletecollection", "get",
                                         "list",   "patch",  "update",           "watch"};
const std::vector<std::string> status_verbs{"get", "patch", "update"};

struct builder {
  std::vector<resource_info> resources;

  resource_info& add(std::string group, std::string version, std::string kind, std::string plural,
                     bool namespaced, std::vector<std::string> short_names = {}) {
    std::string singular = kind;
    for (auto& c : singular) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    resources.push_back(resource_info{std::move(group),
                                      std::move(version),
                                      std::move(kind),
                                      std::move(plural),
                                      std::move(singular),
                                      namespaced,
                                      std::move(short_names),
                                      {},
                                      all_verbs,
                                      {}});
    return resources.back();
  }
};

resource_info& with_status(resource_info& resource) {
  resource.subresources.push_back(
      {"status", resource.group, resource.version, resource.kind, status_verbs});
  return resource;
}

resource_info& with_scale(resource_info& resource) {
  resource.subresources.push_back({"scale", "autoscaling", "v1", "Scale", status_verbs});
  return resource;
}

resource_info& in_all(resource_info& resource) {
  resource.categories = {"all"};
  return resource;
}

std::vector<resource_info> build() {
  builder b;
  // core/v1
  auto& namespaces = with_status(b.add("", "v1", "Namespace", "namespaces", false, {"ns"}));
  namespaces.verbs = {"create", "delete", "get", "list", "patch", "update", "watch"};
  // The namespace controller empties spec.finalizers through it.
  namespaces.subresources.push_back({"finalize", "", "v1", "Namespace", {"update"}});
  auto& pods = in_all(with_status(b.add("", "v1", "Pod", "pods", true, {"po"})));
  pods.subresources.push_back({"binding", "", "v1", "Binding", {"create"}});
  pods.subresources.push_back({"eviction", "policy", "v1", "Eviction", {"create"}});
  pods.subresources.push_back({"log", "", "v1", "Pod", {"get"}});
  with_status(b.add("", "v1", "Node", "nodes", false, {"no"}));
  in_all(with_status(b.add("", "v1", "Service", "services", true, {"svc"})));
  b.add("", "v1", "Endpoints", "endpoints", true, {"ep"});
  b.add("", "v1", "ConfigMap", "configmaps", true, {"cm"});
  b.add("", "v1", "Secret", "secrets", true);
  b.add("", "v1", "Event", "events", true, {"ev"});
  b.add("", "v1", "ServiceAccount", "serviceaccounts", true, {"sa"});
  with_status(b.add("", "v1", "PersistentVolume", "persistentvolumes", false, {"pv"}));
  with_status(b.add("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, {"pvc"}));
  // apps/v1
  in_all(
      with_scale(with_status(b.add("apps", "v1", "Deployment", "deployments", true, {"deploy"}))));
  in_all(with_scale(with_status(b.add("apps", "v1", "ReplicaSet", "replicasets", true, {"rs"}))));
  in_all(
      with_scale(with_status(b.add("apps", "v1", "StatefulSet", "statefulsets", true, {"sts"}))));
  in_all(with_status(b.add("apps", "v1", "DaemonSet", "daemonsets", true, {"ds"})));
  // batch/v1
  in_all(with_status(b.add("batch", "v1", "Job", "jobs", true)));
  in_all(with_status(b.add("batch", "v1", "CronJob", "cronjobs", true, {"cj"})));
  // autoscaling: v2 preferred, v1 served too (short name on the preferred only).
  in_all(with_status(b.add("autoscaling", "v2", "HorizontalPodAutoscaler",
                           "horizontalpodautoscalers", true, {"hpa"})));
  in_all(with_status(
      b.add("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, {})));
  // coordination.k8s.io, discovery.k8s.io, policy, rbac
  b.add("coordination.k8s.io", "v1", "Lease", "leases", true);
  b.add("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true);
  with_status(b.add("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, {"pdb"}));
  b.add("rbac.authorization.k8s.io", "v1", "Role", "roles", true);
  b.add("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false);
  b.add("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true);
  b.add("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false);
  return std::move(b.resources);
}

std::vector<group_versions> groups_of(const std::vector<resource_info>& resources) {
  std::vector<group_versions> groups;
  for (const auto& resource : resources) {
    auto group = groups.begin();
    while (group != groups.end() && group->group != resource.group) ++group;
    if (group == groups.end()) {
      groups.push_back({resource.group, {}});
      group = std::prev(groups.end());
    }
    auto& versions = group->versions;
    bool known = false;
    for (const auto& version : versions) known = known || version == resource.version;
    if (!known) versions.push_back(resource.version);
  }
  return groups;
}

}  // namespace

const std::vector<resource_info>& builtin_resources() {
  static const std::vector<resource_info> resources = build();
  return resources;
}

const std::vector<group_versions>& builtin_groups() {
  static const std::vector<group_versions> groups = groups_of(builtin_resources());
  return groups;
}

const resource_info* find_resource(std::string_view group, std::string_view version,
                                   std::string_view plural) {
  for (const auto& resource : builtin_resources())
    if (resource.group == group && resource.version == version && resource.plural == plural)
      return &resource;
  return nullptr;
}

const resource_info* find_kind(std::string_view api_version, std::string_view kind) {
  for (const auto& resource : builtin_resources())
    if (resource.kind == kind && resource.api_version() == api_version) return &resource;
  return nullptr;
}

}  // namespace troupe::api
