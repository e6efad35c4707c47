// The defaults of persistent volume claims wherever kube applies them:
//   - a claim spec (PersistentVolumeClaimSpec: a PVC's spec, a StatefulSet
//     volumeClaimTemplate's spec, an ephemeral volume's claim template
//     spec): volumeMode "Filesystem", resources.limits and requests rounded;
//   - a whole claim (a PVC object or a StatefulSet volumeClaimTemplate): its
//     spec as above, status.phase "Pending", status.capacity and
//     status.allocatedResources rounded.
// Pure; never throws; members of unexpected types are left alone.
#pragma once

#include <nlohmann/json.hpp>

namespace troupe::api::defaults {

void default_claim_spec(nlohmann::json& spec);

void default_claim(nlohmann::json& claim);

}  // namespace troupe::api::defaults
