// PersistentVolume (SetDefaults_PersistentVolume and its inline sources) and
// PersistentVolumeClaim (claim_defaults.hpp). A PV gets status.phase
// "Pending", spec.persistentVolumeReclaimPolicy "Retain", spec.volumeMode
// "Filesystem", its capacity rounded and its sources' defaults
// (volume_defaults.hpp).
#include "actors/api/core/defaults/claim_defaults.hpp"
#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/kind_defaults.hpp"
#include "actors/api/core/defaults/resource_list.hpp"
#include "actors/api/core/defaults/volume_defaults.hpp"

namespace troupe::api::defaults {

void default_persistent_volume(json& volume) {
  if (json* status = ensure_object_member(volume, "status"))
    default_string(*status, "phase", "Pending");
  json* spec = ensure_object_member(volume, "spec");
  if (spec == nullptr) return;
  default_string(*spec, "persistentVolumeReclaimPolicy", "Retain");
  default_member(*spec, "volumeMode", "Filesystem");
  if (json* capacity = object_member(*spec, "capacity")) round_resource_list(*capacity);
  default_shared_sources(*spec);
}

void default_persistent_volume_claim(json& claim) {
  default_claim(claim);
}

}  // namespace troupe::api::defaults
