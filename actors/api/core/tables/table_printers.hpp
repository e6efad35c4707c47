// The printers of the built-in kinds, one per kind (HorizontalPodAutoscaler
// has one per served version, since autoscaling/v1 spells its target
// differently), each defined in the file named for its kinds:
//   pod_table.cpp         Pod
//   node_table.cpp        Node
//   service_tables.cpp    Service, Endpoints, EndpointSlice
//   simple_tables.cpp     Namespace, ConfigMap, Secret, ServiceAccount, Lease
//   event_table.cpp       Event
//   volume_tables.cpp     PersistentVolume, PersistentVolumeClaim
//   workload_tables.cpp   Deployment, ReplicaSet, StatefulSet, DaemonSet
//   batch_tables.cpp      Job, CronJob
//   autoscaler_table.cpp  HorizontalPodAutoscaler (v2 and v1)
//   policy_tables.cpp     PodDisruptionBudget, RoleBinding, ClusterRoleBinding
//   default_table.cpp     everything else (Name, Created At)
// printer_for (table_printer.cpp) picks among them.
#pragma once

#include "actors/api/core/tables/table_printer.hpp"

namespace troupe::api::tables {

extern const table_printer pod_printer;
extern const table_printer node_printer;
extern const table_printer service_printer;
extern const table_printer endpoints_printer;
extern const table_printer endpoint_slice_printer;
extern const table_printer namespace_printer;
extern const table_printer config_map_printer;
extern const table_printer secret_printer;
extern const table_printer service_account_printer;
extern const table_printer lease_printer;
extern const table_printer event_printer;
extern const table_printer persistent_volume_printer;
extern const table_printer persistent_volume_claim_printer;
extern const table_printer deployment_printer;
extern const table_printer replica_set_printer;
extern const table_printer stateful_set_printer;
extern const table_printer daemon_set_printer;
extern const table_printer job_printer;
extern const table_printer cron_job_printer;
extern const table_printer autoscaler_printer;
extern const table_printer autoscaler_v1_printer;
extern const table_printer disruption_budget_printer;
extern const table_printer role_binding_printer;
extern const table_printer cluster_role_binding_printer;
extern const table_printer default_printer;

}  // namespace troupe::api::tables
