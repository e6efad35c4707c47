// Proves the apps/v1 workload rules: selector required, valid and matching
// the template, replica and timing bounds, rollout strategies, and what an
// update may change, with kube's exact causes.
#include <catch2/catch.hpp>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

TEST_CASE(
    "a deployment whose selector does not match its template labels is refused with kube's "
    "message") {
  auto object = deployment();
  object["spec"]["template"]["metadata"]["labels"] = {{"app", "x"}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}: "
            "`selector` does not match template `labels`"});
}

TEST_CASE("a deployment without selector needs one and matches no template") {
  auto object = deployment();
  object["spec"].erase("selector");
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.selector: Required value",
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
            "`selector` does not match template `labels`"});
}

TEST_CASE("an empty deployment selector is invalid") {
  auto object = deployment();
  object["spec"]["selector"] = json::object();
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
            "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for "
            "deployment"});
}

TEST_CASE("deployment counts, rollout numbers and deadlines are bounded as kube bounds them") {
  auto object = deployment();
  object["spec"]["replicas"] = -1;
  object["spec"]["strategy"]["rollingUpdate"] = {{"maxUnavailable", 0}, {"maxSurge", "0%"}};
  object["spec"]["minReadySeconds"] = 700;
  object["spec"]["revisionHistoryLimit"] = -2;
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, "
            "IntVal:0, StrVal:\"\"}: "
            "may not be 0 when `maxSurge` is 0",
            "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
            "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than "
            "minReadySeconds"});
}

TEST_CASE(
    "deployment strategies accept percents only in kube's form and Recreate has no rolling "
    "update") {
  auto percent = deployment();
  percent["spec"]["strategy"]["rollingUpdate"]["maxSurge"] = "25 percent";
  CHECK(create_causes(percent) ==
        std::vector<std::string>{"spec.strategy.rollingUpdate.maxSurge: Invalid value: "
                                 "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25 percent\"}: a "
                                 "valid percent string must be a numeric string followed by an "
                                 "ending '%' (e.g. '1%',  or '93%', regex used for "
                                 "validation is '[0-9]+%')"});
  auto recreate = deployment();
  recreate["spec"]["strategy"]["type"] = "Recreate";
  CHECK(create_causes(recreate) ==
        std::vector<std::string>{"spec.strategy.rollingUpdate: Forbidden: may not be specified "
                                 "when strategy `type` is 'Recreate'"});
  auto too_many = deployment();
  too_many["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] = "150%";
  CHECK(create_causes(too_many) ==
        std::vector<std::string>{
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, "
            "IntVal:0, StrVal:\"150%\"}: must not be greater than 100%"});
}

TEST_CASE("workload templates must restart Always and are validated as pod templates") {
  auto object = deployment();
  object["spec"]["template"]["spec"]["restartPolicy"] = "OnFailure";
  object["spec"]["template"]["spec"]["containers"][0].erase("image");
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.template.spec.containers[0].image: Required value",
                                 "spec.template.spec.restartPolicy: Unsupported value: "
                                 "\"OnFailure\": supported values: \"Always\""});
}

TEST_CASE("a deployment's selector may not change on update") {
  auto old = stored(deployment());
  auto object = old;
  object["spec"]["selector"]["matchLabels"]["tier"] = "front";
  object["spec"]["template"]["metadata"]["labels"]["tier"] = "front";
  CHECK(update_causes(object, old) ==
        std::vector<std::string>{
            "spec.selector: Invalid value: "
            "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", "
            "\"tier\":\"front\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is "
            "immutable"});
  auto scaled = old;
  scaled["spec"]["replicas"] = 5;
  scaled["spec"]["template"]["spec"]["containers"][0]["image"] = "nginx:1.28";
  CHECK(update_causes(scaled, old).empty());
}

TEST_CASE("replica set selectors are validated as label selectors") {
  auto object = replica_set();
  object["spec"]["selector"] = json::parse(
      R"({"matchExpressions": [{"key": "app", "operator": "Equals", "values": ["web"]}]})");
  CHECK(
      create_causes(object) ==
      std::vector<std::string>{
          "spec.selector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid "
          "selector operator",
          "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
          "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", "
          "Operator:\"Equals\", Values:[]string{\"web\"}}}}: invalid label selector"});
}

TEST_CASE("a stateful set may change only replicas, template, strategy and a few more on update") {
  auto old = stored(stateful_set());
  auto object = old;
  object["spec"]["serviceName"] = "db-headless";
  CHECK(update_causes(object, old) ==
        std::vector<std::string>{"spec: Forbidden: updates to statefulset spec for fields other "
                                 "than 'replicas', 'ordinals', "
                                 "'template', 'updateStrategy', "
                                 "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' "
                                 "are forbidden"});
  auto scaled = old;
  scaled["spec"]["replicas"] = 5;
  scaled["spec"]["template"]["spec"]["containers"][0]["image"] = "postgres:17";
  CHECK(update_causes(scaled, old).empty());
}

TEST_CASE("stateful set policies use kube's wording") {
  auto object = stateful_set();
  object["spec"]["podManagementPolicy"] = "Random";
  object["spec"]["updateStrategy"] = {{"type", "OnDelete"}, {"rollingUpdate", {{"partition", 1}}}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.podManagementPolicy: Invalid value: \"Random\": must be "
                                 "'OrderedReady' or 'Parallel'",
                                 "spec.updateStrategy.rollingUpdate: Invalid value: "
                                 "apps.RollingUpdateStatefulSetStrategy{Partition:1, "
                                 "MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for "
                                 "updateStrategy 'RollingUpdate'"});
}

TEST_CASE("daemon set rolling updates need exactly one of maxUnavailable and maxSurge") {
  auto object = daemon_set();
  object["spec"]["updateStrategy"]["rollingUpdate"] = {{"maxUnavailable", 0}, {"maxSurge", 0}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.updateStrategy.rollingUpdate.maxUnavailable: Required "
                                 "value: cannot be 0 when maxSurge is 0"});
  object["spec"]["updateStrategy"]["rollingUpdate"] = {{"maxUnavailable", 1}, {"maxSurge", 1}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, "
            "IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero"});
  object["spec"]["updateStrategy"] = {{"type", "Surge"}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:\"Surge\", "
            "RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "
            "\"RollingUpdate\", \"OnDelete\""});
}

}  // namespace troupe::api::validation_test
