// Proves Namespace, Node, Event, ServiceAccount and Lease validation with
// kube's paths (including its quirks, such as node taints reported under
// metadata) and wording.
#include <catch2/catch.hpp>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

TEST_CASE("namespace finalizers must be standard or qualified") {
  auto object = namespace_object();
  object["spec"]["finalizers"] = {"cleanup"};
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.finalizers: Invalid value: \"cleanup\": name is neither a "
                                 "standard finalizer name nor is it "
                                 "fully qualified"});
}

TEST_CASE("a namespace status phase follows its deletion") {
  auto old = stored(namespace_object());
  auto object = old;
  object["status"]["phase"] = "Terminating";
  CHECK(status_causes(object, old) ==
        std::vector<std::string>{"status.Phase: Invalid value: \"Terminating\": may only be "
                                 "'Active' if `deletionTimestamp` is empty"});
}

TEST_CASE("node taints need keys, label values and known effects, unique by key and effect") {
  auto object = node();
  object["spec"]["taints"] =
      json::parse(R"([{"key": "dedicated", "value": "gpu", "effect": "NoSchedule"},
                                              {"key": "dedicated", "value": "cpu", "effect": "NoSchedule"},
                                              {"key": "zone", "value": "a", "effect": ""}])");
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "metadata.taints[1]: Duplicate value: core.Taint{Key:\"dedicated\", Value:\"cpu\", "
            "Effect:\"NoSchedule\", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and "
            "effect pair",
            "metadata.taints[2].effect: Required value"});
}

TEST_CASE("node pod CIDRs are valid and set once") {
  auto object = node();
  object["spec"]["podCIDRs"] = {"10.244.1.0/33"};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.podCIDRs[0]: Invalid value: \"10.244.1.0/33\": must be a valid CIDR value, (e.g. "
            "10.9.8.0/24 or 2001:db8::/64)"});
  auto old = stored(node());
  auto changed = old;
  changed["spec"]["podCIDRs"] = {"10.244.2.0/24"};
  CHECK(update_causes(changed, old) ==
        std::vector<std::string>{"spec.podCIDRs: Forbidden: node updates may not change podCIDR "
                                 "except from \"\" to valid"});
}

TEST_CASE("a core v1 event's involved object must be in the event's namespace") {
  auto object = event();
  object["involvedObject"]["namespace"] = "kube-system";
  CHECK(create_causes(object) ==
        std::vector<std::string>{"involvedObject.namespace: Invalid value: \"kube-system\": does "
                                 "not match event.namespace"});
}

TEST_CASE("a core v1 event still needs a name, as every object does") {
  auto object = event();
  object["metadata"].erase("name");
  CHECK(
      create_causes(object) ==
      std::vector<std::string>{"metadata.name: Required value: name or generateName is required"});
}

TEST_CASE("a lease duration must be positive when set") {
  auto object = lease();
  object["spec"]["leaseDurationSeconds"] = 0;
  object["spec"]["leaseTransitions"] = -1;
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
            "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0"});
}

TEST_CASE("service account names are subdomains") {
  auto object = service_account();
  object["metadata"]["name"] = "Builder";
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "metadata.name: Invalid value: \"Builder\": a lowercase RFC 1123 subdomain must "
            "consist of lower "
            "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
            "character "
            "(e.g. 'example.com', regex used for validation is "
            "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"});
}

}  // namespace troupe::api::validation_test
