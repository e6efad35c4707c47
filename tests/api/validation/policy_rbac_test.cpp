// Proves PodDisruptionBudget, HorizontalPodAutoscaler (v2 and v1) and RBAC
// validation with kube's exact causes.
#include <catch2/catch.hpp>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

TEST_CASE(
    "a disruption budget sets minAvailable or maxUnavailable, not both, as an int or a percent") {
  auto object = disruption_budget();
  object["spec"]["maxUnavailable"] = "120%";
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec: Invalid value: policy.PodDisruptionBudgetSpec{...}: "
                                 "minAvailable and maxUnavailable "
                                 "cannot be both set",
                                 "spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, "
                                 "IntVal:0, StrVal:\"120%\"}: "
                                 "must not be greater than 100%"});
}

TEST_CASE("a disruption budget's metadata is checked once its spec is valid") {
  auto object = disruption_budget();
  object["metadata"]["labels"] = {{"a b", "c"}};
  auto causes = create_causes(object);
  REQUIRE(causes.size() == 1);
  CHECK(causes[0].rfind("metadata.labels: Invalid value: \"a b\": name part must consist of", 0) ==
        0);
}

TEST_CASE("an autoscaler needs a target, maxReplicas of at least minReplicas and valid metrics") {
  auto object = autoscaler_v2();
  object["spec"]["minReplicas"] = 0;
  object["spec"]["maxReplicas"] = 0;
  object["spec"]["scaleTargetRef"].erase("name");
  object["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"] = 0;
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1",
            "spec.maxReplicas: Invalid value: 0: must be greater than 0",
            "spec.scaleTargetRef.name: Required value",
            "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater "
            "than 0"});
}

TEST_CASE("an autoscaler metric populates the source its type names") {
  auto object = autoscaler_v2();
  object["spec"]["metrics"][0]["type"] = "Pods";
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.metrics[0].pods: Required value: must populate information "
                                 "for the given metric source"});
  object["spec"]["metrics"][0]["type"] = "Resource";
  object["spec"]["metrics"][0]["pods"] = json::parse(
      R"({"metric": {"name": "rps"}, "target": {"type": "AverageValue", "averageValue": "10"}})");
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.metrics[0].pods: Forbidden: must populate the given metric source only"});
}

TEST_CASE("an autoscaling/v1 target CPU utilization is validated as kube's internal cpu metric") {
  auto object = autoscaler_v1();
  object["spec"]["targetCPUUtilizationPercentage"] = 0;
  object["spec"]["maxReplicas"] = 0;
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.maxReplicas: Invalid value: 0: must be greater than 0",
            "spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`",
            "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater "
            "than 0"});
}

TEST_CASE("rbac rules need verbs and resources or, for cluster roles only, non-resource URLs") {
  auto object = role();
  object["rules"] = json::parse(
      R"([{"apiGroups": [""], "resources": ["pods"]}, {"nonResourceURLs": ["/healthz"], "verbs": ["get"]}])");
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "rules[0].verbs: Required value: verbs must contain at least one value",
            "rules[1].nonResourceURLs: Invalid value: []string{\"/healthz\"}: namespaced rules "
            "cannot apply "
            "to non-resource URLs"});
  auto cluster = cluster_role();
  cluster["rules"][0]["resources"] = {"pods"};
  CHECK(create_causes(cluster) ==
        std::vector<std::string>{"rules[0].nonResourceURLs: Invalid value: []string{\"/metrics\"}: "
                                 "rules cannot apply to both "
                                 "regular resources and non-resource URLs"});
}

TEST_CASE("role bindings name a role kind and subjects of known kinds, and roleRef never changes") {
  auto object = role_binding();
  object["roleRef"]["kind"] = "Policy";
  object["subjects"][0]["kind"] = "Team";
  object["subjects"][1].erase("namespace");
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "roleRef.kind: Unsupported value: \"Policy\": supported values: \"Role\", "
            "\"ClusterRole\"",
            "subjects[0].kind: Unsupported value: \"Team\": supported values: \"ServiceAccount\", "
            "\"User\", \"Group\""});
  auto cluster = cluster_role_binding();
  cluster["subjects"][1].erase("namespace");
  CHECK(create_causes(cluster) ==
        std::vector<std::string>{"subjects[1].namespace: Required value"});
  auto old = stored(role_binding());
  auto changed = old;
  changed["roleRef"]["name"] = "admin";
  CHECK(update_causes(changed, old) ==
        std::vector<std::string>{
            "roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", "
            "Kind:\"Role\", "
            "Name:\"admin\"}: cannot change roleRef"});
}

}  // namespace troupe::api::validation_test
