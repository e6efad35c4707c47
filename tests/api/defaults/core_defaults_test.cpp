// Proves that Namespaces, Nodes, Secrets, PersistentVolumes and
// PersistentVolumeClaims are defaulted as kube 1.32 defaults them
// (pkg/apis/core/v1/defaults.go), and that the kinds kube does not default
// come out unchanged: whole manifests in, whole documents out.
#include <catch2/catch.hpp>

#include <string>

#include "tests/api/defaults/defaults_test_support.hpp"

using troupe::api::apply_defaults;
using troupe::api::test::defaulted;
using troupe::api::test::document;

TEST_CASE("a namespace gets the kubernetes.io/metadata.name label and phase Active") {
  auto namespace_object = defaulted(R"({"apiVersion": "v1", "kind": "Namespace",
    "metadata": {"name": "team-a", "labels": {"env": "dev"}}})");
  CHECK(namespace_object == document(R"({"apiVersion": "v1", "kind": "Namespace",
    "metadata": {"name": "team-a",
                 "labels": {"env": "dev", "kubernetes.io/metadata.name": "team-a"}},
    "status": {"phase": "Active"}})"));
}

TEST_CASE("a namespace's metadata.name label is its name whatever its user wrote") {
  auto namespace_object = defaulted(R"({"apiVersion": "v1", "kind": "Namespace",
    "metadata": {"name": "team-a", "labels": {"kubernetes.io/metadata.name": "other"}},
    "status": {"phase": "Terminating"}})");
  CHECK(namespace_object == document(R"({"apiVersion": "v1", "kind": "Namespace",
    "metadata": {"name": "team-a", "labels": {"kubernetes.io/metadata.name": "team-a"}},
    "status": {"phase": "Terminating"}})"));
}

TEST_CASE("a namespace with only a generateName gets no name label") {
  auto namespace_object = defaulted(R"({"apiVersion": "v1", "kind": "Namespace",
    "metadata": {"generateName": "team-"}})");
  CHECK(namespace_object == document(R"({"apiVersion": "v1", "kind": "Namespace",
    "metadata": {"generateName": "team-"}, "status": {"phase": "Active"}})"));
}

TEST_CASE("a node's allocatable defaults to its capacity, both rounded to thousandths") {
  auto node = defaulted(R"({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"},
    "status": {"capacity": {"cpu": "4", "memory": "8Gi", "example.com/dongle": "0.0001"}}})");
  CHECK(node == document(R"({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"},
    "status": {"capacity": {"cpu": "4", "memory": "8Gi", "example.com/dongle": "1m"},
               "allocatable": {"cpu": "4", "memory": "8Gi", "example.com/dongle": "1m"}}})"));
}

TEST_CASE("a node keeps its allocatable, and one without status stays without") {
  constexpr const char* manifest = R"({"apiVersion": "v1", "kind": "Node",
    "metadata": {"name": "n1"},
    "status": {"capacity": {"cpu": "4"}, "allocatable": {"cpu": "3500m"}}})";
  CHECK(defaulted(manifest) == document(manifest));
  constexpr const char* bare = R"({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"},
    "spec": {"unschedulable": true}})";
  CHECK(defaulted(bare) == document(bare));
}

TEST_CASE("a secret gets type Opaque unless it has a type") {
  CHECK(defaulted(R"({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
    "data": {"k": "dg=="}})") == document(R"({"apiVersion": "v1", "kind": "Secret",
    "metadata": {"name": "s"}, "data": {"k": "dg=="}, "type": "Opaque"})"));
  constexpr const char* typed = R"({"apiVersion": "v1", "kind": "Secret",
    "metadata": {"name": "s"}, "type": "kubernetes.io/tls"})";
  CHECK(defaulted(typed) == document(typed));
}

TEST_CASE("a persistent volume gets Retain, Filesystem, phase Pending and its source defaults") {
  auto volume = defaulted(R"({"apiVersion": "v1", "kind": "PersistentVolume",
    "metadata": {"name": "pv1"},
    "spec": {"capacity": {"storage": "10Gi"}, "accessModes": ["ReadWriteOnce"],
             "hostPath": {"path": "/data"}}})");
  CHECK(volume == document(R"({"apiVersion": "v1", "kind": "PersistentVolume",
    "metadata": {"name": "pv1"},
    "spec": {"capacity": {"storage": "10Gi"}, "accessModes": ["ReadWriteOnce"],
             "hostPath": {"path": "/data", "type": ""},
             "persistentVolumeReclaimPolicy": "Retain", "volumeMode": "Filesystem"},
    "status": {"phase": "Pending"}})"));
}

TEST_CASE("a persistent volume keeps its reclaim policy, volume mode and phase") {
  constexpr const char* manifest = R"({"apiVersion": "v1", "kind": "PersistentVolume",
    "metadata": {"name": "pv1"},
    "spec": {"capacity": {"storage": "10Gi"}, "persistentVolumeReclaimPolicy": "Delete",
             "volumeMode": "Block", "rbd": {"monitors": ["m"], "image": "i", "pool": "p",
                                             "user": "u", "keyring": "/k"}},
    "status": {"phase": "Bound"}})";
  CHECK(defaulted(manifest) == document(manifest));
}

TEST_CASE("a persistent volume claim gets Filesystem, phase Pending and rounded sizes") {
  auto claim = defaulted(R"({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
    "metadata": {"name": "data"},
    "spec": {"accessModes": ["ReadWriteOnce"],
             "resources": {"requests": {"storage": "1Gi"}, "limits": {"storage": "1.5n"}}},
    "status": {"capacity": {"storage": "0.1m"}}})");
  CHECK(claim == document(R"({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
    "metadata": {"name": "data"},
    "spec": {"accessModes": ["ReadWriteOnce"], "volumeMode": "Filesystem",
             "resources": {"requests": {"storage": "1Gi"}, "limits": {"storage": "1m"}}},
    "status": {"phase": "Pending", "capacity": {"storage": "1m"}}})"));
}

TEST_CASE("kinds kube does not default come out unchanged") {
  const char* manifests[] = {
      R"({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}})",
      R"({"apiVersion": "v1", "kind": "Event", "metadata": {"name": "e"},
          "involvedObject": {"kind": "Pod", "name": "web"}, "reason": "Started"})",
      R"({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "sa"}})",
      R"({"apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": {"name": "l"},
          "spec": {"holderIdentity": "n1", "leaseDurationSeconds": 40}})",
      R"({"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "p"},
          "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app": "web"}}}})",
      R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r"},
          "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}]})",
      R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
          "metadata": {"name": "r"}, "rules": []})",
      R"({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}})"};
  for (const char* manifest : manifests) {
    INFO(manifest);
    CHECK(defaulted(manifest) == document(manifest));
  }
}

TEST_CASE("a kind is defaulted only under its own apiVersion") {
  auto pod = document(R"({"kind": "Pod", "metadata": {"name": "web"}})");
  auto before = pod;
  apply_defaults(pod, "apps/v1", "Pod");
  CHECK(pod == before);
  auto autoscaler = document(R"({"spec": {}})");
  apply_defaults(autoscaler, "autoscaling/v1", "HorizontalPodAutoscaler");
  CHECK(autoscaler == document(R"({"spec": {"minReplicas": 1}})"));
}
