#include "actors/api/core/defaults/volume_defaults.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "actors/api/core/defaults/claim_defaults.hpp"
#include "actors/api/core/defaults/container_defaults.hpp"
#include "actors/api/core/defaults/json_members.hpp"

namespace troupe::api::defaults {

namespace {

// 0644, kube's default mode of files from secrets, config maps, the
// downward API and projections.
constexpr int file_mode_default = 0644;
// One hour: the default life of a projected service account token.
constexpr int token_expiration_seconds_default = 3600;

// Every source member of a Kubernetes 1.32 VolumeSource; a volume with none
// of them set is an emptyDir.
constexpr std::array<std::string_view, 30> volume_source_members = {"hostPath",
                                                                    "emptyDir",
                                                                    "gcePersistentDisk",
                                                                    "awsElasticBlockStore",
                                                                    "gitRepo",
                                                                    "secret",
                                                                    "nfs",
                                                                    "iscsi",
                                                                    "glusterfs",
                                                                    "persistentVolumeClaim",
                                                                    "rbd",
                                                                    "flexVolume",
                                                                    "cinder",
                                                                    "cephfs",
                                                                    "flocker",
                                                                    "downwardAPI",
                                                                    "fc",
                                                                    "azureFile",
                                                                    "configMap",
                                                                    "vsphereVolume",
                                                                    "quobyte",
                                                                    "azureDisk",
                                                                    "photonPersistentDisk",
                                                                    "projected",
                                                                    "portworxVolume",
                                                                    "scaleIO",
                                                                    "storageos",
                                                                    "csi",
                                                                    "ephemeral",
                                                                    "image"};

void default_downward_api_items(json& downward_api) {
  for_each_object(downward_api, "items", [](json& item) { default_field_selector(item); });
}

void default_projected(json& projected) {
  default_member(projected, "defaultMode", file_mode_default);
  for_each_object(projected, "sources", [](json& source) {
    if (json* downward_api = object_member(source, "downwardAPI"))
      default_downward_api_items(*downward_api);
    if (json* token = object_member(source, "serviceAccountToken"))
      default_member(*token, "expirationSeconds", token_expiration_seconds_default);
  });
}

void default_pod_only_sources(json& volume) {
  for (const char* key : {"secret", "configMap"})
    if (json* source = object_member(volume, key))
      default_member(*source, "defaultMode", file_mode_default);
  if (json* downward_api = object_member(volume, "downwardAPI")) {
    default_member(*downward_api, "defaultMode", file_mode_default);
    default_downward_api_items(*downward_api);
  }
  if (json* projected = object_member(volume, "projected")) default_projected(*projected);
  if (json* ephemeral = object_member(volume, "ephemeral"))
    if (json* claim_template = object_member(*ephemeral, "volumeClaimTemplate"))
      if (json* spec = ensure_object_member(*claim_template, "spec")) default_claim_spec(*spec);
}

}  // namespace

void default_shared_sources(json& sources) {
  if (json* host_path = object_member(sources, "hostPath")) default_member(*host_path, "type", "");
  if (json* iscsi = object_member(sources, "iscsi"))
    default_string(*iscsi, "iscsiInterface", "default");
  if (json* rbd = object_member(sources, "rbd")) {
    default_string(*rbd, "pool", "rbd");
    default_string(*rbd, "user", "admin");
    default_string(*rbd, "keyring", "/etc/ceph/keyring");
  }
  if (json* azure_disk = object_member(sources, "azureDisk")) {
    default_member(*azure_disk, "cachingMode", "ReadWrite");
    default_member(*azure_disk, "fsType", "ext4");
    default_member(*azure_disk, "readOnly", false);
    default_member(*azure_disk, "kind", "Shared");
  }
  if (json* scale_io = object_member(sources, "scaleIO")) {
    default_string(*scale_io, "storageMode", "ThinProvisioned");
    default_string(*scale_io, "fsType", "xfs");
  }
}

void default_volume(json& volume) {
  bool has_source = std::any_of(volume_source_members.begin(), volume_source_members.end(),
                                [&](std::string_view key) { return is_set(volume, key); });
  if (!has_source) volume["emptyDir"] = json::object();
  default_shared_sources(volume);
  default_pod_only_sources(volume);
}

}  // namespace troupe::api::defaults
