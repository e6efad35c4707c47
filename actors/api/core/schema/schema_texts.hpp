// The schema of the built-in kinds of Kubernetes 1.32, in our schema text
// format (schema_text_parser.hpp), one text per area. Field names and types
// follow the Go types of k8s.io/api and k8s.io/apimachinery at v0.32; the
// descriptions are our own. No field is deliberately left out.
#pragma once

#include <string_view>

namespace troupe::api::schema {

std::string_view meta_schema_text();      // ObjectMeta, LabelSelector, DeleteOptions, Status, ...
std::string_view core_pod_schema_text();  // Pod, PodSpec, affinity, tolerations, PodStatus
std::string_view core_container_schema_text();  // Container, probes, env, security contexts
std::string_view core_volume_schema_text();     // Volume and every volume source
std::string_view core_storage_schema_text();    // PersistentVolume(Claim) and their sources
std::string_view core_objects_schema_text();    // Service, Endpoints, ConfigMap, Secret, Event, ...
std::string_view core_node_schema_text();       // Node, Namespace
std::string_view apps_schema_text();            // Deployment, ReplicaSet, StatefulSet, DaemonSet
std::string_view batch_schema_text();           // Job, CronJob
std::string_view autoscaling_schema_text();     // HorizontalPodAutoscaler v1 and v2, Scale
std::string_view cluster_schema_text();         // Lease, EndpointSlice, PDB, Eviction, RBAC

}  // namespace troupe::api::schema
