// Proves that RoleBindings and ClusterRoleBindings are defaulted as kube 1.32
// defaults them (pkg/apis/rbac/v1/defaults.go): the role reference's API
// group, and the group of User and Group subjects only.
#include <catch2/catch.hpp>

#include "tests/api/defaults/defaults_test_support.hpp"

using troupe::api::test::defaulted;
using troupe::api::test::document;

TEST_CASE("a role binding's roleRef and User and Group subjects get the RBAC API group") {
  auto binding = defaulted(R"({"apiVersion": "rbac.authorization.k8s.io/v1",
    "kind": "RoleBinding", "metadata": {"name": "read"},
    "roleRef": {"kind": "Role", "name": "reader"},
    "subjects": [{"kind": "User", "name": "jane"}, {"kind": "Group", "name": "devs"},
                 {"kind": "ServiceAccount", "name": "bot", "namespace": "ci"},
                 {"kind": "User", "name": "ext", "apiGroup": "example.com"}]})");
  CHECK(binding == document(R"({"apiVersion": "rbac.authorization.k8s.io/v1",
    "kind": "RoleBinding", "metadata": {"name": "read"},
    "roleRef": {"kind": "Role", "name": "reader", "apiGroup": "rbac.authorization.k8s.io"},
    "subjects": [{"kind": "User", "name": "jane", "apiGroup": "rbac.authorization.k8s.io"},
                 {"kind": "Group", "name": "devs", "apiGroup": "rbac.authorization.k8s.io"},
                 {"kind": "ServiceAccount", "name": "bot", "namespace": "ci"},
                 {"kind": "User", "name": "ext", "apiGroup": "example.com"}]})"));
}

TEST_CASE("a cluster role binding is defaulted as a role binding is") {
  auto binding = defaulted(R"({"apiVersion": "rbac.authorization.k8s.io/v1",
    "kind": "ClusterRoleBinding", "metadata": {"name": "admins"},
    "roleRef": {"kind": "ClusterRole", "name": "cluster-admin", "apiGroup": ""},
    "subjects": [{"kind": "Group", "name": "admins"}]})");
  CHECK(binding == document(R"({"apiVersion": "rbac.authorization.k8s.io/v1",
    "kind": "ClusterRoleBinding", "metadata": {"name": "admins"},
    "roleRef": {"kind": "ClusterRole", "name": "cluster-admin",
                "apiGroup": "rbac.authorization.k8s.io"},
    "subjects": [{"kind": "Group", "name": "admins", "apiGroup": "rbac.authorization.k8s.io"}]})"));
}
