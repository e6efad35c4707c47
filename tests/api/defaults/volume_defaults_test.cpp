// Proves that pod volumes get kube 1.32's volume source defaults
// (SetDefaults_Volume and the source defaulters the generated
// SetObjectDefaults_Pod calls): each case defaults a Pod and compares its
// whole volumes list with the one kube produces.
#include <catch2/catch.hpp>

#include <string>

#include "tests/api/defaults/defaults_test_support.hpp"

using troupe::api::test::defaulted;
using troupe::api::test::document;

namespace {

// The volumes of a Pod made of `volumes` (a JSON array), once defaulted.
nlohmann::json defaulted_volumes(const std::string& volumes) {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}], "volumes": )" +
                       volumes + "}}");
  return pod["spec"]["volumes"];
}

}  // namespace

TEST_CASE("a volume naming no source becomes an emptyDir") {
  CHECK(defaulted_volumes(R"([{"name": "scratch"}, {"name": "nulled", "secret": null}])") ==
        document(R"([{"name": "scratch", "emptyDir": {}},
                     {"name": "nulled", "secret": null, "emptyDir": {}}])"));
}

TEST_CASE("a volume with any source, even one defaulting has nothing for, is not an emptyDir") {
  constexpr const char* volumes =
      R"([{"name": "claim", "persistentVolumeClaim": {"claimName": "c"}},
    {"name": "nfs", "nfs": {"server": "n", "path": "/"}}, {"name": "csi", "csi": {"driver": "d"}},
    {"name": "image", "image": {"reference": "nginx"}}])";
  CHECK(defaulted_volumes(volumes) == document(volumes));
}

TEST_CASE("secret, configMap, downwardAPI and projected volumes get defaultMode 420") {
  CHECK(defaulted_volumes(R"([
    {"name": "s", "secret": {"secretName": "s"}},
    {"name": "c", "configMap": {"name": "c"}},
    {"name": "kept", "configMap": {"name": "c", "defaultMode": 256}},
    {"name": "d", "downwardAPI": {"items": [{"path": "labels",
                                             "fieldRef": {"fieldPath": "metadata.labels"}}]}},
    {"name": "p", "projected": {"sources": [
      {"downwardAPI": {"items": [{"path": "name", "fieldRef": {"fieldPath": "metadata.name"}}]}},
      {"serviceAccountToken": {"path": "token"}},
      {"serviceAccountToken": {"path": "short", "expirationSeconds": 600}},
      {"secret": {"name": "s"}}]}}])") == document(R"([
    {"name": "s", "secret": {"secretName": "s", "defaultMode": 420}},
    {"name": "c", "configMap": {"name": "c", "defaultMode": 420}},
    {"name": "kept", "configMap": {"name": "c", "defaultMode": 256}},
    {"name": "d", "downwardAPI": {"defaultMode": 420, "items": [{"path": "labels",
      "fieldRef": {"fieldPath": "metadata.labels", "apiVersion": "v1"}}]}},
    {"name": "p", "projected": {"defaultMode": 420, "sources": [
      {"downwardAPI": {"items": [{"path": "name",
        "fieldRef": {"fieldPath": "metadata.name", "apiVersion": "v1"}}]}},
      {"serviceAccountToken": {"path": "token", "expirationSeconds": 3600}},
      {"serviceAccountToken": {"path": "short", "expirationSeconds": 600}},
      {"secret": {"name": "s"}}]}}])"));
}

TEST_CASE("hostPath, iscsi, rbd, azureDisk and scaleIO volumes get their source defaults") {
  CHECK(defaulted_volumes(R"([
    {"name": "h", "hostPath": {"path": "/var/log"}},
    {"name": "typed", "hostPath": {"path": "/run", "type": "Directory"}},
    {"name": "i", "iscsi": {"targetPortal": "10.0.0.1:3260", "iqn": "iqn.x", "lun": 0}},
    {"name": "r", "rbd": {"monitors": ["m"], "image": "i"}},
    {"name": "a", "azureDisk": {"diskName": "d", "diskURI": "u"}},
    {"name": "o", "scaleIO": {"gateway": "g", "system": "s", "secretRef": {"name": "x"}}}])") ==
        document(R"([
    {"name": "h", "hostPath": {"path": "/var/log", "type": ""}},
    {"name": "typed", "hostPath": {"path": "/run", "type": "Directory"}},
    {"name": "i", "iscsi": {"targetPortal": "10.0.0.1:3260", "iqn": "iqn.x", "lun": 0,
                            "iscsiInterface": "default"}},
    {"name": "r", "rbd": {"monitors": ["m"], "image": "i", "pool": "rbd", "user": "admin",
                          "keyring": "/etc/ceph/keyring"}},
    {"name": "a", "azureDisk": {"diskName": "d", "diskURI": "u", "cachingMode": "ReadWrite",
                                "fsType": "ext4", "readOnly": false, "kind": "Shared"}},
    {"name": "o", "scaleIO": {"gateway": "g", "system": "s", "secretRef": {"name": "x"},
                              "storageMode": "ThinProvisioned", "fsType": "xfs"}}])"));
}

TEST_CASE("an ephemeral volume's claim template spec gets volumeMode Filesystem and rounding") {
  CHECK(defaulted_volumes(R"([{"name": "e", "ephemeral": {"volumeClaimTemplate": {"spec": {
    "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "0.5m"}}}}}}])") ==
        document(R"([{"name": "e", "ephemeral": {"volumeClaimTemplate": {"spec": {
    "accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1m"}},
    "volumeMode": "Filesystem"}}}}])"));
}
