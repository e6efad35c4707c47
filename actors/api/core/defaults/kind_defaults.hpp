// One defaulting function per built-in kind that kube defaults, each taking
// the whole object (apiVersion, kind, metadata, spec, status) and doing what
// that kind's generated SetObjectDefaults_* does in Kubernetes 1.32. Kinds
// kube does not default (ConfigMap, Event, ServiceAccount, Lease,
// PodDisruptionBudget, Role, ClusterRole) have none. api_defaults.cpp picks
// the function by apiVersion and kind.
//
// Contract of every function: it accepts any JSON value, never throws,
// never overwrites a member the user set (except where kube itself does, as
// documented at the function), leaves members of unexpected JSON types and
// unknown members alone, and is idempotent.
#pragma once

#include <nlohmann/json.hpp>

namespace troupe::api::defaults {

// core/v1 (pod_defaults.cpp, service_defaults.cpp, storage_defaults.cpp,
// core_object_defaults.cpp)
void default_pod(nlohmann::json& pod);
// Kube clears spec.sessionAffinityConfig when sessionAffinity is None.
void default_service(nlohmann::json& service);
void default_endpoints(nlohmann::json& endpoints);
void default_persistent_volume(nlohmann::json& volume);
void default_persistent_volume_claim(nlohmann::json& claim);
// Kube sets the label kubernetes.io/metadata.name to the name, replacing
// any other value.
void default_namespace(nlohmann::json& namespace_object);
void default_node(nlohmann::json& node);
void default_secret(nlohmann::json& secret);

// discovery.k8s.io/v1 (service_defaults.cpp)
void default_endpoint_slice(nlohmann::json& slice);

// apps/v1 (workloads_defaults.cpp)
void default_deployment(nlohmann::json& deployment);
void default_replica_set(nlohmann::json& replica_set);
void default_stateful_set(nlohmann::json& stateful_set);
void default_daemon_set(nlohmann::json& daemon_set);

// batch/v1 (batch_defaults.cpp)
void default_job(nlohmann::json& job);
void default_cron_job(nlohmann::json& cron_job);

// autoscaling/v1 and v2 (autoscaling_defaults.cpp)
void default_horizontal_pod_autoscaler_v1(nlohmann::json& autoscaler);
void default_horizontal_pod_autoscaler_v2(nlohmann::json& autoscaler);

// rbac.authorization.k8s.io/v1 (rbac_defaults.cpp): RoleBinding and
// ClusterRoleBinding alike.
void default_role_binding(nlohmann::json& binding);

}  // namespace troupe::api::defaults
