#include "actors/api/core/tables/table_printer.hpp"

#include "actors/api/core/tables/table_printers.hpp"

namespace troupe::api::tables {

namespace {

struct printed_kind {
  std::string_view group;
  std::string_view kind;
  const table_printer* printer;
};

// The kinds of the resource registry that kube's AddHandlers prints
// (pkg/printers/internalversion); Role and ClusterRole are not among them.
const printed_kind printed_kinds[] = {
    {"", "Pod", &pod_printer},
    {"", "Node", &node_printer},
    {"", "Namespace", &namespace_printer},
    {"", "Service", &service_printer},
    {"", "Endpoints", &endpoints_printer},
    {"", "ConfigMap", &config_map_printer},
    {"", "Secret", &secret_printer},
    {"", "Event", &event_printer},
    {"", "ServiceAccount", &service_account_printer},
    {"", "PersistentVolume", &persistent_volume_printer},
    {"", "PersistentVolumeClaim", &persistent_volume_claim_printer},
    {"apps", "Deployment", &deployment_printer},
    {"apps", "ReplicaSet", &replica_set_printer},
    {"apps", "StatefulSet", &stateful_set_printer},
    {"apps", "DaemonSet", &daemon_set_printer},
    {"batch", "Job", &job_printer},
    {"batch", "CronJob", &cron_job_printer},
    {"autoscaling", "HorizontalPodAutoscaler", &autoscaler_printer},
    {"coordination.k8s.io", "Lease", &lease_printer},
    {"discovery.k8s.io", "EndpointSlice", &endpoint_slice_printer},
    {"policy", "PodDisruptionBudget", &disruption_budget_printer},
    {"rbac.authorization.k8s.io", "RoleBinding", &role_binding_printer},
    {"rbac.authorization.k8s.io", "ClusterRoleBinding", &cluster_role_binding_printer},
};

}  // namespace

const table_printer& printer_for(std::string_view api_version, std::string_view kind) {
  auto slash = api_version.find('/');
  auto group = slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
  // kube prints the internal object, which autoscaling/v1 reaches by
  // conversion; the other versions share the internal (v2) shape.
  if (api_version == "autoscaling/v1" && kind == "HorizontalPodAutoscaler")
    return autoscaler_v1_printer;
  for (const auto& printed : printed_kinds)
    if (printed.group == group && printed.kind == kind) return *printed.printer;
  return default_printer;
}

}  // namespace troupe::api::tables
