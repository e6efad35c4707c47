// Proves PersistentVolume and PersistentVolumeClaim validation: access
// modes, capacity, sources, reclaim policies, the storage request, and
// what may change on update.
#include <catch2/catch.hpp>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

TEST_CASE("a claim needs access modes and a storage request") {
  auto object = persistent_volume_claim();
  object["spec"].erase("accessModes");
  object["spec"]["resources"] = json::object();
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.accessModes: Required value: at least 1 access mode is required",
            "spec.resources[storage]: Required value"});
}

TEST_CASE("claim access modes are kube's four and ReadWriteOncePod stands alone") {
  auto object = persistent_volume_claim();
  object["spec"]["accessModes"] = {"ReadWriteOncePod", "ReadWriteOnce", "WriteOnly"};
  CHECK(
      create_causes(object) ==
      std::vector<std::string>{
          "spec.accessModes: Unsupported value: \"WriteOnly\": supported values: \"ReadOnlyMany\", "
          "\"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"",
          "spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"});
}

TEST_CASE("a claim's spec is immutable except growing the request of a bound claim") {
  auto old = stored(persistent_volume_claim());
  old["status"] = {{"phase", "Bound"}, {"capacity", {{"storage", "5Gi"}}}};
  auto grown = old;
  grown["spec"]["resources"]["requests"]["storage"] = "10Gi";
  grown["spec"]["volumeName"] = "pv-data";
  CHECK(update_causes(grown, old).empty());
  auto shrunk = old;
  shrunk["spec"]["resources"]["requests"]["storage"] = "1Gi";
  CHECK(update_causes(shrunk, old) ==
        std::vector<std::string>{"spec.resources.requests.storage: Forbidden: field can not be "
                                 "less than status.capacity"});
  auto reclassed = old;
  reclassed["spec"]["storageClassName"] = "fast";
  CHECK(update_causes(reclassed, old) ==
        std::vector<std::string>{
            "spec: Forbidden: spec is immutable after creation except resources.requests and "
            "volumeAttributesClassName for bound claims\n- spec.storageClassName: \"local\"\n+ "
            "spec.storageClassName: \"fast\"\n"});
}

TEST_CASE("a persistent volume needs capacity, access modes and exactly one source") {
  auto object = persistent_volume();
  object["spec"].erase("capacity");
  object["spec"]["nfs"] = {{"server", "nas"}, {"path", "/exports"}};
  object["spec"]["persistentVolumeReclaimPolicy"] = "Keep";
  CHECK(
      create_causes(object) ==
      std::vector<std::string>{
          "spec.capacity: Required value",
          "spec.capacity: Unsupported value: core.ResourceList{...}: supported values: \"storage\"",
          "spec.persistentVolumeReclaimPolicy: Unsupported value: \"Keep\": supported values: "
          "\"Delete\", \"Recycle\", \"Retain\"",
          "spec.nfs: Forbidden: may not specify more than 1 volume type"});
}

TEST_CASE("a local persistent volume needs node affinity and its source never changes") {
  auto object = persistent_volume();
  object["spec"].erase("hostPath");
  object["spec"]["local"] = {{"path", "/mnt/disk1"}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.nodeAffinity: Required value: Local volume requires node affinity"});
  auto old = stored(persistent_volume());
  auto moved = old;
  moved["spec"]["hostPath"]["path"] = "/srv/other";
  CHECK(
      update_causes(moved, old) ==
      std::vector<std::string>{
          "spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after "
          "creation\n- spec.hostPath.path: \"/srv/data\"\n+ spec.hostPath.path: \"/srv/other\"\n"});
}

}  // namespace troupe::api::validation_test
