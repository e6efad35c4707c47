// Proves kube's Pod update rule with old/new pairs: only container images,
// activeDeadlineSeconds (lowered), added tolerations and removed scheduling
// gates may change; anything else is refused with kube's exact first line.
#include <catch2/catch.hpp>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

namespace {

const char* const refusal =
    "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,"
    "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only "
    "additions to existing "
    "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was "
    "previously negative)\n";

}  // namespace

TEST_CASE("a pod update may change container images") {
  auto old = stored(pod());
  auto object = old;
  object["spec"]["containers"][0]["image"] = "nginx:1.28";
  CHECK(update_causes(object, old).empty());
}

TEST_CASE("a pod update may add tolerations and lower the active deadline") {
  auto old = stored(pod());
  old["spec"]["activeDeadlineSeconds"] = 600;
  auto object = old;
  object["spec"]["tolerations"].push_back({{"key", "spot"}, {"operator", "Exists"}});
  object["spec"]["activeDeadlineSeconds"] = 300;
  CHECK(update_causes(object, old).empty());
}

TEST_CASE(
    "a pod update changing another field is refused with kube's first line and the difference") {
  auto old = stored(pod());
  auto object = old;
  object["spec"]["restartPolicy"] = "Never";
  auto causes = update_causes(object, old);
  REQUIRE(causes.size() == 1);
  CHECK(causes[0] == std::string(refusal) +
                         "- spec.restartPolicy: \"Always\"\n+ spec.restartPolicy: \"Never\"\n");
}

TEST_CASE("a pod update may not add or remove containers") {
  auto old = stored(pod());
  auto object = old;
  object["spec"]["containers"].push_back(object["spec"]["containers"][0]);
  object["spec"]["containers"][1]["name"] = "sidecar";
  CHECK(update_causes(object, old) ==
        std::vector<std::string>{
            "spec.containers: Forbidden: pod updates may not add or remove containers"});
}

TEST_CASE("a pod update may not raise the active deadline or modify a toleration") {
  auto old = stored(pod());
  old["spec"]["activeDeadlineSeconds"] = 300;
  auto raised = old;
  raised["spec"]["activeDeadlineSeconds"] = 600;
  CHECK(update_causes(raised, old) ==
        std::vector<std::string>{"spec.activeDeadlineSeconds: Invalid value: 600: must be less "
                                 "than or equal to previous value"});
  auto retuned = stored(pod());
  auto changed = retuned;
  changed["spec"]["tolerations"][0]["key"] = "node.kubernetes.io/unreachable";
  CHECK(update_causes(changed, retuned) ==
        std::vector<std::string>{"spec.tolerations: Forbidden: existing toleration can not be "
                                 "modified except its tolerationSeconds"});
  auto seconds = retuned;
  seconds["spec"]["tolerations"][0]["tolerationSeconds"] = 60;
  CHECK(update_causes(seconds, retuned).empty());
}

TEST_CASE("a pod update may remove scheduling gates but not add them") {
  auto old = stored(pod());
  old["spec"]["schedulingGates"] = json::parse(R"([{"name": "example.com/quota"}])");
  auto removed = old;
  removed["spec"].erase("schedulingGates");
  CHECK(update_causes(removed, old).empty());
  auto added = old;
  added["spec"]["schedulingGates"].push_back({{"name", "example.com/other"}});
  CHECK(update_causes(added, old) ==
        std::vector<std::string>{"spec.schedulingGates[1].name: Forbidden: only deletion is "
                                 "allowed, but found new scheduling "
                                 "gate 'example.com/other'"});
}

}  // namespace troupe::api::validation_test
