// Kube's ValidatePodSpec and ValidatePodTemplateSpec for the JSON PodSpec
// of pods and of every workload template: volumes, the three container
// lists, host network rules, restart and DNS policies, node selector,
// security context, affinity, DNS config, gates, topology spread, names of
// the service account, node, host and subdomain, active deadline,
// tolerations, host aliases, priority and runtime classes, preemption,
// overhead and OS. Paths follow kube's internal types (e.g.
// spec.securityContext.shareProcessNamespace).
// Pure; never throws.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

struct pod_spec_options {
  // The spec belongs to a Pod, not a template (opts.ResourceIsPod).
  bool resource_is_pod = false;
  // The pod's name, for generic ephemeral volume claims ("" for templates).
  std::string pod_name;
};

error_list validate_pod_spec(const nlohmann::json& spec, const field_path& path,
                             const pod_spec_options& options);

// ValidatePodSpecificAnnotations: the mirror-pod annotation needs a node
// name, pod-deletion-cost is a 32-bit integer.
error_list pod_specific_annotations(const nlohmann::json& annotations, const nlohmann::json& spec,
                                    const field_path& path);

// ValidatePodTemplateSpec of `template_spec` at `path` ("spec.template"):
// labels and annotations (at path.labels and path.annotations, as kube
// reports them), the pod spec, no ephemeral containers.
error_list validate_pod_template_spec(const nlohmann::json& template_spec, const field_path& path);

}  // namespace troupe::api::validation
