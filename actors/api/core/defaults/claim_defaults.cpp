#include "actors/api/core/defaults/claim_defaults.hpp"

#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/resource_list.hpp"

namespace troupe::api::defaults {

void default_claim_spec(json& spec) {
  default_member(spec, "volumeMode", "Filesystem");
  if (json* resources = object_member(spec, "resources")) {
    if (json* limits = object_member(*resources, "limits")) round_resource_list(*limits);
    if (json* requests = object_member(*resources, "requests")) round_resource_list(*requests);
  }
}

void default_claim(json& claim) {
  if (json* spec = ensure_object_member(claim, "spec")) default_claim_spec(*spec);
  json* status = ensure_object_member(claim, "status");
  if (status == nullptr) return;
  default_string(*status, "phase", "Pending");
  if (json* capacity = object_member(*status, "capacity")) round_resource_list(*capacity);
  if (json* allocated = object_member(*status, "allocatedResources"))
    round_resource_list(*allocated);
}

}  // namespace troupe::api::defaults
