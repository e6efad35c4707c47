#include "actors/api/core/defaults/api_defaults.hpp"

#include <array>

#include "actors/api/core/defaults/kind_defaults.hpp"

namespace troupe::api {

namespace {

struct kind_defaulter {
  std::string_view api_version;
  std::string_view kind;
  void (*apply)(nlohmann::json& object);
};

// Every built-in kind kube defaults; the others of resource_registry.cpp
// (ConfigMap, Event, ServiceAccount, Lease, PodDisruptionBudget, Role,
// ClusterRole) have no defaults in Kubernetes 1.32.
constexpr std::array<kind_defaulter, 19> defaulters{{
    {"v1", "Pod", defaults::default_pod},
    {"v1", "Service", defaults::default_service},
    {"v1", "Endpoints", defaults::default_endpoints},
    {"v1", "Namespace", defaults::default_namespace},
    {"v1", "Node", defaults::default_node},
    {"v1", "Secret", defaults::default_secret},
    {"v1", "PersistentVolume", defaults::default_persistent_volume},
    {"v1", "PersistentVolumeClaim", defaults::default_persistent_volume_claim},
    {"apps/v1", "Deployment", defaults::default_deployment},
    {"apps/v1", "ReplicaSet", defaults::default_replica_set},
    {"apps/v1", "StatefulSet", defaults::default_stateful_set},
    {"apps/v1", "DaemonSet", defaults::default_daemon_set},
    {"batch/v1", "Job", defaults::default_job},
    {"batch/v1", "CronJob", defaults::default_cron_job},
    {"autoscaling/v1", "HorizontalPodAutoscaler", defaults::default_horizontal_pod_autoscaler_v1},
    {"autoscaling/v2", "HorizontalPodAutoscaler", defaults::default_horizontal_pod_autoscaler_v2},
    {"discovery.k8s.io/v1", "EndpointSlice", defaults::default_endpoint_slice},
    {"rbac.authorization.k8s.io/v1", "RoleBinding", defaults::default_role_binding},
    {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding", defaults::default_role_binding},
}};

}  // namespace

void apply_defaults(nlohmann::json& object, std::string_view api_version, std::string_view kind) {
  if (!object.is_object()) return;
  for (const auto& defaulter : defaulters)
    if (defaulter.api_version == api_version && defaulter.kind == kind) {
      defaulter.apply(object);
      return;
    }
}

}  // namespace troupe::api
