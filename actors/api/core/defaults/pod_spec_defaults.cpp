#include "actors/api/core/defaults/pod_spec_defaults.hpp"

#include "actors/api/core/defaults/container_defaults.hpp"
#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/resource_list.hpp"
#include "actors/api/core/defaults/volume_defaults.hpp"

namespace troupe::api::defaults {

namespace {

// kube's DefaultTerminationGracePeriodSeconds.
constexpr int termination_grace_period_seconds_default = 30;

}  // namespace

void default_pod_spec(json& spec) {
  default_string(spec, "dnsPolicy", "ClusterFirst");
  default_string(spec, "restartPolicy", "Always");
  default_member(spec, "securityContext", json::object());
  default_member(spec, "terminationGracePeriodSeconds", termination_grace_period_seconds_default);
  default_string(spec, "schedulerName", "default-scheduler");
  for_each_object(spec, "volumes", default_volume);
  for (const char* list : {"initContainers", "containers", "ephemeralContainers"})
    for_each_object(spec, list, default_container);
  if (json* overhead = object_member(spec, "overhead")) round_resource_list(*overhead);
}

void default_pod_template(json& holder) {
  json* pod_template = ensure_object_member(holder, "template");
  if (pod_template == nullptr) return;
  if (json* spec = ensure_object_member(*pod_template, "spec")) default_pod_spec(*spec);
}

}  // namespace troupe::api::defaults
