// PersistentVolumes and PersistentVolumeClaims (with 1.32's
// VOLUMEATTRIBUTESCLASS column), PodDisruptionBudgets, RoleBindings and
// ClusterRoleBindings as kube's printers compute them, and the default table
// (NAME, CREATED AT in RFC 3339 UTC) kube serves for Roles, ClusterRoles and
// kinds it has no printer for.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

json named(std::string_view name) {
  return {{"metadata", {{"name", name}, {"creationTimestamp", ago(7 * 86'400)}}}};
}

}  // namespace

TEST_CASE("a bound volume shows capacity, modes, policy, phase, claim and classes",
          "[tables][pv]") {
  auto volume = named("pv-1");
  volume["spec"] = {{"capacity", {{"storage", "10Gi"}}},
                    {"accessModes", {"ReadWriteMany", "ReadWriteOnce", "ReadWriteOnce"}},
                    {"persistentVolumeReclaimPolicy", "Retain"},
                    {"claimRef", {{"namespace", "shop"}, {"name", "data"}}},
                    {"storageClassName", "fast"},
                    {"volumeMode", "Filesystem"}};
  volume["status"] = {{"phase", "Bound"}};
  auto table = table_of("v1", "PersistentVolume", volume);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Capacity", "Access Modes",
                                                        "Reclaim Policy", "Status", "Claim",
                                                        "StorageClass", "VolumeAttributesClass",
                                                        "Reason", "Age", "VolumeMode"});
  CHECK(table["rows"][0]["cells"] == json{"pv-1", "10Gi", "RWO,RWX", "Retain", "Bound", "shop/data",
                                          "fast", "<unset>", "", "7d", "Filesystem"});
}

TEST_CASE("a volume being deleted is Terminating; the beta class annotation wins", "[tables][pv]") {
  auto volume = named("pv-2");
  volume["metadata"]["deletionTimestamp"] = ago(1);
  volume["metadata"]["annotations"] = {{"volume.beta.kubernetes.io/storage-class", "slow"}};
  volume["spec"] = {{"storageClassName", "fast"}, {"volumeAttributesClassName", "gold"}};
  volume["status"] = {{"phase", "Released"}, {"reason", "Recycled"}};
  CHECK(cells_of("v1", "PersistentVolume", volume) ==
        json{"pv-2", "0", "", "", "Terminating", "", "slow", "gold", "Recycled", "7d", "<unset>"});
}

TEST_CASE("a bound claim shows its volume's capacity and modes, a pending one neither",
          "[tables][pvc]") {
  auto claim = named("data");
  claim["spec"] = {{"accessModes", {"ReadWriteOnce"}},
                   {"resources", {{"requests", {{"storage", "1Gi"}}}}},
                   {"storageClassName", "standard"},
                   {"volumeName", "pv-1"},
                   {"volumeMode", "Filesystem"}};
  claim["status"] = {{"phase", "Bound"},
                     {"accessModes", {"ReadWriteOnce", "ReadWriteOncePod"}},
                     {"capacity", {{"storage", "1024Mi"}}}};
  auto table = table_of("v1", "PersistentVolumeClaim", claim);
  CHECK(column_names(table) ==
        std::vector<std::string>{"Name", "Status", "Volume", "Capacity", "Access Modes",
                                 "StorageClass", "VolumeAttributesClass", "Age", "VolumeMode"});
  CHECK(table["rows"][0]["cells"] == json{"data", "Bound", "pv-1", "1Gi", "RWO,RWOP", "standard",
                                          "<unset>", "7d", "Filesystem"});
  claim["spec"].erase("volumeName");
  claim["status"] = {{"phase", "Pending"}};
  CHECK(cells_of("v1", "PersistentVolumeClaim", claim) ==
        json{"data", "Pending", "", "", "", "standard", "<unset>", "7d", "Filesystem"});
}

TEST_CASE("a disruption budget shows its bounds, N/A for the unset one, and allowed disruptions",
          "[tables][pdb]") {
  auto budget = named("web");
  budget["spec"] = {{"minAvailable", 2}};
  budget["status"] = {{"disruptionsAllowed", 1}};
  auto table = table_of("policy/v1", "PodDisruptionBudget", budget);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Min Available", "Max Unavailable",
                                                        "Allowed Disruptions", "Age"});
  CHECK(table["rows"][0]["cells"] == json{"web", "2", "N/A", 1, "7d"});
  budget["spec"] = {{"maxUnavailable", "25%"}};
  CHECK(cells_of("policy/v1", "PodDisruptionBudget", budget) == json{"web", "N/A", "25%", 1, "7d"});
}

TEST_CASE("a role binding shows its role and, wide, its users, groups and service accounts",
          "[tables][rbac]") {
  auto binding = named("read-pods");
  binding["roleRef"] = {
      {"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "Role"}, {"name", "pod-reader"}};
  binding["subjects"] = {{{"kind", "User"}, {"name", "jane"}},
                         {{"kind", "User"}, {"name", "joe"}},
                         {{"kind", "Group"}, {"name", "devs"}},
                         {{"kind", "ServiceAccount"}, {"namespace", "ci"}, {"name", "builder"}},
                         {{"kind", "Robot"}, {"name", "r2"}}};
  auto table = table_of("rbac.authorization.k8s.io/v1", "RoleBinding", binding);
  CHECK(column_names(table) ==
        std::vector<std::string>{"Name", "Role", "Age", "Users", "Groups", "ServiceAccounts"});
  CHECK(table["columnDefinitions"][3]["description"] == "Users in the roleBinding");
  CHECK(table["rows"][0]["cells"] ==
        json{"read-pods", "Role/pod-reader", "7d", "jane, joe", "devs", "ci/builder"});
}

TEST_CASE("a cluster role binding prints like a role binding", "[tables][rbac]") {
  auto binding = named("cluster-admin");
  binding["roleRef"] = {{"kind", "ClusterRole"}, {"name", "cluster-admin"}};
  binding["subjects"] = {{{"kind", "Group"}, {"name", "system:masters"}}};
  auto table = table_of("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", binding);
  CHECK(table["columnDefinitions"][5]["description"] ==
        "ServiceAccounts in the clusterRoleBinding");
  CHECK(table["rows"][0]["cells"] ==
        json{"cluster-admin", "ClusterRole/cluster-admin", "7d", "", "system:masters", ""});
}

TEST_CASE("roles and cluster roles get the default table with their creation time",
          "[tables][rbac]") {
  json role = {
      {"metadata", {{"name", "pod-reader"}, {"creationTimestamp", "2024-05-25T09:30:00+02:00"}}}};
  auto table = table_of("rbac.authorization.k8s.io/v1", "Role", role);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Created At"});
  CHECK(table["columnDefinitions"][1]["type"] == "date");
  CHECK(table["columnDefinitions"][1]["format"] == "");
  CHECK(table["rows"][0]["cells"] == json{"pod-reader", "2024-05-25T07:30:00Z"});
  CHECK(table_of("rbac.authorization.k8s.io/v1", "ClusterRole", role)["rows"][0]["cells"][1] ==
        "2024-05-25T07:30:00Z");
}

TEST_CASE("kinds without a printer get the default table, a missing time Go's zero time",
          "[tables][default]") {
  auto table = table_of("example.com/v1", "Widget", json{{"metadata", {{"name", "w"}}}});
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Created At"});
  CHECK(table["rows"][0]["cells"] == json{"w", "0001-01-01T00:00:00Z"});
  // A core kind name in another group is not the core kind.
  CHECK(column_names(table_of("example.com/v1", "Pod", json::object())) ==
        std::vector<std::string>{"Name", "Created At"});
}
