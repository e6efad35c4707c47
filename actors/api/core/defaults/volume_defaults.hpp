// The defaults of volume sources, as kube's generated defaulters apply them.
//
// default_volume (a pod spec's volumes[] entry, SetDefaults_Volume and its
// sources): a volume naming no source gets "emptyDir": {}; secret,
// configMap, downwardAPI and projected get defaultMode 420 (0644); downward
// API items' fieldRef apiVersion "v1"; a projected serviceAccountToken
// expirationSeconds 3600; an ephemeral volume's claim template spec the
// claim spec defaults; and the sources shared with persistent volumes below.
//
// default_shared_sources (a volume, or a PersistentVolume's spec, whose
// sources sit inline): hostPath type "" (no check); iscsi iscsiInterface
// "default"; rbd pool "rbd", user "admin", keyring "/etc/ceph/keyring";
// azureDisk cachingMode "ReadWrite", fsType "ext4", readOnly false, kind
// "Shared"; scaleIO storageMode "ThinProvisioned", fsType "xfs".
// Pure; never throws; members of unexpected types are left alone.
#pragma once

#include <nlohmann/json.hpp>

namespace troupe::api::defaults {

void default_volume(nlohmann::json& volume);

void default_shared_sources(nlohmann::json& sources);

}  // namespace troupe::api::defaults
