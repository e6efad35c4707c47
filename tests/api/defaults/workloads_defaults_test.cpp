// Proves that apps/v1 Deployments, ReplicaSets, StatefulSets and DaemonSets
// are defaulted as kube 1.32 defaults them (pkg/apis/apps/v1/defaults.go and
// the generated SetObjectDefaults_*), pod templates included: whole
// manifests in, whole documents out. A template's pod spec gets the pod spec
// defaults but none of the Pod-only ones (enableServiceLinks, requests from
// limits).
#include <catch2/catch.hpp>

#include "tests/api/defaults/defaults_test_support.hpp"

using troupe::api::test::defaulted;
using troupe::api::test::document;

namespace {

// The pod template every workload below starts from, and what kube makes of
// it: a container with limits, to show requests are not copied in templates.
constexpr const char* template_in = R"({"metadata": {"labels": {"app": "web"}},
  "spec": {"containers": [{"name": "web", "image": "nginx:1.27",
                           "resources": {"limits": {"cpu": "500m"}}}]}})";
constexpr const char* template_out = R"({"metadata": {"labels": {"app": "web"}},
  "spec": {"containers": [{"name": "web", "image": "nginx:1.27",
                           "imagePullPolicy": "IfNotPresent",
                           "resources": {"limits": {"cpu": "500m"}},
                           "terminationMessagePath": "/dev/termination-log",
                           "terminationMessagePolicy": "File"}],
           "dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
           "schedulerName": "default-scheduler", "securityContext": {},
           "terminationGracePeriodSeconds": 30}})";

nlohmann::json workload(const char* kind, nlohmann::json spec) {
  spec["template"] = document(template_in);
  return {
      {"apiVersion", "apps/v1"}, {"kind", kind}, {"metadata", {{"name", "web"}}}, {"spec", spec}};
}

nlohmann::json expected(const char* kind, nlohmann::json spec) {
  spec["template"] = document(template_out);
  return {
      {"apiVersion", "apps/v1"}, {"kind", kind}, {"metadata", {{"name", "web"}}}, {"spec", spec}};
}

const nlohmann::json selector = {{"matchLabels", {{"app", "web"}}}};

}  // namespace

TEST_CASE("a deployment gets one replica, a 25% rolling update, history 10 and deadline 600") {
  auto deployment = defaulted(workload("Deployment", {{"selector", selector}}).dump());
  CHECK(deployment == expected("Deployment", document(R"({
    "selector": {"matchLabels": {"app": "web"}}, "replicas": 1,
    "strategy": {"type": "RollingUpdate",
                 "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": "25%"}},
    "revisionHistoryLimit": 10, "progressDeadlineSeconds": 600})")));
}

TEST_CASE("a deployment's Recreate strategy gets no rolling update parameters") {
  auto deployment = defaulted(
      workload("Deployment", {{"selector", selector}, {"strategy", {{"type", "Recreate"}}}})
          .dump());
  CHECK(deployment["spec"]["strategy"] == document(R"({"type": "Recreate"})"));
}

TEST_CASE("a deployment keeps its replicas, strategy values and limits") {
  auto spec = document(R"({"selector": {"matchLabels": {"app": "web"}}, "replicas": 0,
    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 2}},
    "revisionHistoryLimit": 0, "progressDeadlineSeconds": 30})");
  auto deployment = defaulted(workload("Deployment", spec).dump());
  spec["strategy"]["rollingUpdate"]["maxUnavailable"] = "25%";
  CHECK(deployment == expected("Deployment", spec));
}

TEST_CASE("a replica set gets one replica and its template's defaults") {
  auto replica_set = defaulted(workload("ReplicaSet", {{"selector", selector}}).dump());
  CHECK(replica_set == expected("ReplicaSet", {{"selector", selector}, {"replicas", 1}}));
}

TEST_CASE("a stateful set gets OrderedReady, partition 0, Retain policies and claim defaults") {
  auto spec = document(R"({"selector": {"matchLabels": {"app": "web"}}, "serviceName": "web",
    "volumeClaimTemplates": [{"metadata": {"name": "data"},
      "spec": {"accessModes": ["ReadWriteOnce"],
               "resources": {"requests": {"storage": "1Gi"}}}}]})");
  auto stateful_set = defaulted(workload("StatefulSet", spec).dump());
  CHECK(stateful_set == expected("StatefulSet", document(R"({
    "selector": {"matchLabels": {"app": "web"}}, "serviceName": "web",
    "podManagementPolicy": "OrderedReady", "replicas": 1, "revisionHistoryLimit": 10,
    "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}},
    "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"},
    "volumeClaimTemplates": [{"metadata": {"name": "data"},
      "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}},
               "volumeMode": "Filesystem"},
      "status": {"phase": "Pending"}}]})")));
}

TEST_CASE("a stateful set's partition is defaulted only inside a given rolling update") {
  auto explicit_type =
      defaulted(workload("StatefulSet", {{"updateStrategy", {{"type", "RollingUpdate"}}}}).dump());
  CHECK(explicit_type["spec"]["updateStrategy"] == document(R"({"type": "RollingUpdate"})"));
  auto on_delete =
      defaulted(workload("StatefulSet", {{"updateStrategy", {{"type", "OnDelete"}}}}).dump());
  CHECK(on_delete["spec"]["updateStrategy"] == document(R"({"type": "OnDelete"})"));
  auto given =
      defaulted(workload("StatefulSet", {{"updateStrategy", document(R"({"type": "RollingUpdate",
                                     "rollingUpdate": {"maxUnavailable": 2}})")}})
                    .dump());
  CHECK(given["spec"]["updateStrategy"] == document(R"({"type": "RollingUpdate",
    "rollingUpdate": {"maxUnavailable": 2, "partition": 0}})"));
}

TEST_CASE("a daemon set gets a rolling update of one unavailable, no surge, and history 10") {
  auto daemon_set = defaulted(workload("DaemonSet", {{"selector", selector}}).dump());
  CHECK(daemon_set == expected("DaemonSet", document(R"({
    "selector": {"matchLabels": {"app": "web"}},
    "updateStrategy": {"type": "RollingUpdate",
                       "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}},
    "revisionHistoryLimit": 10})")));
  auto on_delete =
      defaulted(workload("DaemonSet", {{"updateStrategy", {{"type", "OnDelete"}}}}).dump());
  CHECK(on_delete["spec"]["updateStrategy"] == document(R"({"type": "OnDelete"})"));
}

TEST_CASE("a workload without a template gets a template spec of pod spec defaults") {
  auto replica_set = defaulted(R"({"apiVersion": "apps/v1", "kind": "ReplicaSet",
    "metadata": {"name": "web"}})");
  CHECK(replica_set["spec"] == document(R"({"replicas": 1, "template": {"spec": {
    "dnsPolicy": "ClusterFirst", "restartPolicy": "Always", "schedulerName": "default-scheduler",
    "securityContext": {}, "terminationGracePeriodSeconds": 30}}})"));
}
