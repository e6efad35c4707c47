// Proves that HorizontalPodAutoscalers are defaulted as kube 1.32 defaults
// them in autoscaling/v1 (minReplicas only) and autoscaling/v2 (minReplicas,
// the CPU metric, behavior rules): whole manifests in, whole documents out.
#include <catch2/catch.hpp>

#include "tests/api/defaults/defaults_test_support.hpp"

using troupe::api::test::defaulted;
using troupe::api::test::document;

TEST_CASE("a v1 autoscaler gets minReplicas 1 and nothing else") {
  auto autoscaler = defaulted(R"({"apiVersion": "autoscaling/v1",
    "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"},
    "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
             "maxReplicas": 5}})");
  CHECK(autoscaler == document(R"({"apiVersion": "autoscaling/v1",
    "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"},
    "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
             "maxReplicas": 5, "minReplicas": 1}})"));
}

TEST_CASE("a v2 autoscaler without metrics gets minReplicas 1 and an 80% CPU target") {
  auto autoscaler = defaulted(R"({"apiVersion": "autoscaling/v2",
    "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"},
    "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
             "maxReplicas": 5, "metrics": []}})");
  CHECK(autoscaler == document(R"({"apiVersion": "autoscaling/v2",
    "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"},
    "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
             "maxReplicas": 5, "minReplicas": 1,
             "metrics": [{"type": "Resource", "resource": {"name": "cpu",
               "target": {"type": "Utilization", "averageUtilization": 80}}}]}})"));
}

TEST_CASE("a v2 autoscaler keeps its metrics and gets no behavior it did not ask for") {
  constexpr const char* manifest = R"({"apiVersion": "autoscaling/v2",
    "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"},
    "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
             "minReplicas": 2, "maxReplicas": 5,
             "metrics": [{"type": "Resource", "resource": {"name": "memory",
               "target": {"type": "AverageValue", "averageValue": "500Mi"}}}]}})";
  CHECK(defaulted(manifest) == document(manifest));
}

TEST_CASE("an empty v2 behavior gets kube's scale-up and scale-down rules") {
  auto autoscaler = defaulted(R"({"apiVersion": "autoscaling/v2",
    "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"},
    "spec": {"maxReplicas": 5, "behavior": {}}})");
  CHECK(autoscaler["spec"]["behavior"] == document(R"({
    "scaleUp": {"stabilizationWindowSeconds": 0, "selectPolicy": "Max",
                "policies": [{"type": "Pods", "value": 4, "periodSeconds": 15},
                             {"type": "Percent", "value": 100, "periodSeconds": 15}]},
    "scaleDown": {"selectPolicy": "Max",
                  "policies": [{"type": "Percent", "value": 100, "periodSeconds": 15}]}})"));
}

TEST_CASE("a v2 behavior keeps each rule member its user set and gets the others") {
  auto autoscaler = defaulted(R"({"apiVersion": "autoscaling/v2",
    "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"},
    "spec": {"maxReplicas": 5, "behavior": {
      "scaleUp": {"selectPolicy": "Disabled"},
      "scaleDown": {"stabilizationWindowSeconds": 60,
                    "policies": [{"type": "Pods", "value": 1, "periodSeconds": 60}]}}}})");
  CHECK(autoscaler["spec"]["behavior"] == document(R"({
    "scaleUp": {"stabilizationWindowSeconds": 0, "selectPolicy": "Disabled",
                "policies": [{"type": "Pods", "value": 4, "periodSeconds": 15},
                             {"type": "Percent", "value": 100, "periodSeconds": 15}]},
    "scaleDown": {"stabilizationWindowSeconds": 60, "selectPolicy": "Max",
                  "policies": [{"type": "Pods", "value": 1, "periodSeconds": 60}]}})"));
}
