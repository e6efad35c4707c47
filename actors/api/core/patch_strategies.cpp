#include "actors/api/core/patch_strategies.hpp"

#include <cassert>
#include <utility>

namespace troupe::api {

patch_schema::node_index patch_schema::add_node() {
  nodes_.emplace_back();
  return nodes_.size() - 1;
}

void patch_schema::set_field(node_index node, std::string name, field_patch_meta meta) {
  assert(node < nodes_.size());
  assert(!meta.node || *meta.node < nodes_.size());
  nodes_[node].insert_or_assign(std::move(name), std::move(meta));
}

const std::map<std::string, field_patch_meta, std::less<>>& patch_schema::fields(
    node_index node) const {
  assert(node < nodes_.size());
  return nodes_[node];
}

const field_patch_meta* patch_schema::find_field(node_index node, std::string_view name) const {
  assert(node < nodes_.size());
  auto found = nodes_[node].find(name);
  return found == nodes_[node].end() ? nullptr : &found->second;
}

namespace {

// The struct tags below follow k8s.io/api (core/v1, apps/v1, batch/v1, ...).
using node_index = patch_schema::node_index;

field_patch_meta merge_by(std::string key, std::optional<node_index> node = std::nullopt) {
  return {patch_strategy::merge, false, std::move(key), node};
}
field_patch_meta merge_retaining_keys_by(std::string key) {
  return {patch_strategy::merge, true, std::move(key), std::nullopt};
}
field_patch_meta merge_scalars() {
  return {patch_strategy::merge, false, "", std::nullopt};
}
field_patch_meta object(node_index node) {
  return {patch_strategy::none, false, "", node};
}

// ObjectMeta: finalizers (set of strings), ownerReferences by uid.
node_index object_meta(patch_schema& schema) {
  node_index meta = schema.add_node();
  schema.set_field(meta, "finalizers", merge_scalars());
  schema.set_field(meta, "ownerReferences", merge_by("uid"));
  return meta;
}

// Container and EphemeralContainer share these tags; envFrom, resizePolicy
// and command/args have none (replaced whole).
node_index container(patch_schema& schema) {
  node_index node = schema.add_node();
  schema.set_field(node, "ports", merge_by("containerPort"));
  schema.set_field(node, "env", merge_by("name"));
  schema.set_field(node, "volumeMounts", merge_by("mountPath"));
  schema.set_field(node, "volumeDevices", merge_by("devicePath"));
  return node;
}

// PodSpec; tolerations, readinessGates and dnsConfig have no strategy.
node_index pod_spec(patch_schema& schema) {
  node_index spec = schema.add_node();
  node_index containers = container(schema);
  schema.set_field(spec, "volumes", merge_retaining_keys_by("name"));
  schema.set_field(spec, "initContainers", merge_by("name", containers));
  schema.set_field(spec, "containers", merge_by("name", containers));
  schema.set_field(spec, "ephemeralContainers", merge_by("name", containers));
  schema.set_field(spec, "imagePullSecrets", merge_by("name"));
  schema.set_field(spec, "hostAliases", merge_by("ip"));
  schema.set_field(spec, "topologySpreadConstraints", merge_by("topologyKey"));
  schema.set_field(spec, "schedulingGates", merge_by("name"));
  schema.set_field(spec, "resourceClaims", merge_retaining_keys_by("name"));
  return spec;
}

node_index pod_template_spec(patch_schema& schema) {
  node_index tpl = schema.add_node();
  schema.set_field(tpl, "metadata", object(object_meta(schema)));
  schema.set_field(tpl, "spec", object(pod_spec(schema)));
  return tpl;
}

// A status whose conditions merge by type (most kinds' status).
node_index status_with_conditions(patch_schema& schema) {
  node_index status = schema.add_node();
  schema.set_field(status, "conditions", merge_by("type"));
  return status;
}

// A spec that holds a pod template (workload controllers).
node_index spec_with_template(patch_schema& schema) {
  node_index spec = schema.add_node();
  schema.set_field(spec, "template", object(pod_template_spec(schema)));
  return spec;
}

patch_schema with_metadata() {
  patch_schema schema;
  schema.set_field(patch_schema::root, "metadata", object(object_meta(schema)));
  return schema;
}

patch_schema pod() {
  patch_schema schema = with_metadata();
  schema.set_field(patch_schema::root, "spec", object(pod_spec(schema)));
  node_index status = status_with_conditions(schema);
  schema.set_field(status, "podIPs", merge_by("ip"));
  schema.set_field(status, "hostIPs", merge_by("ip"));
  schema.set_field(patch_schema::root, "status", object(status));
  return schema;
}

// Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, ReplicationController.
patch_schema workload(bool retain_strategy_keys) {
  patch_schema schema = with_metadata();
  node_index spec = spec_with_template(schema);
  if (retain_strategy_keys) {
    schema.set_field(spec, "strategy", {patch_strategy::none, true, "", std::nullopt});
  }
  schema.set_field(patch_schema::root, "spec", object(spec));
  schema.set_field(patch_schema::root, "status", object(status_with_conditions(schema)));
  return schema;
}

patch_schema cron_job() {
  patch_schema schema = with_metadata();
  node_index job_template = schema.add_node();
  schema.set_field(job_template, "metadata", object(object_meta(schema)));
  schema.set_field(job_template, "spec", object(spec_with_template(schema)));
  node_index spec = schema.add_node();
  schema.set_field(spec, "jobTemplate", object(job_template));
  schema.set_field(patch_schema::root, "spec", object(spec));
  return schema;
}

patch_schema pod_template() {
  patch_schema schema = with_metadata();
  schema.set_field(patch_schema::root, "template", object(pod_template_spec(schema)));
  return schema;
}

patch_schema service() {
  patch_schema schema = with_metadata();
  node_index spec = schema.add_node();
  schema.set_field(spec, "ports", merge_by("port"));
  schema.set_field(patch_schema::root, "spec", object(spec));
  schema.set_field(patch_schema::root, "status", object(status_with_conditions(schema)));
  return schema;
}

patch_schema node() {
  patch_schema schema = with_metadata();
  node_index spec = schema.add_node();
  schema.set_field(spec, "podCIDRs", merge_scalars());
  node_index status = status_with_conditions(schema);
  schema.set_field(status, "addresses", merge_by("type"));
  schema.set_field(patch_schema::root, "spec", object(spec));
  schema.set_field(patch_schema::root, "status", object(status));
  return schema;
}

// Namespace, PersistentVolumeClaim, PodDisruptionBudget, HPA (autoscaling/v2).
patch_schema with_status_conditions() {
  patch_schema schema = with_metadata();
  schema.set_field(patch_schema::root, "status", object(status_with_conditions(schema)));
  return schema;
}

patch_schema service_account() {
  patch_schema schema = with_metadata();
  schema.set_field(patch_schema::root, "secrets", merge_by("name"));
  return schema;
}

using registry = std::map<std::string, patch_schema, std::less<>>;

registry build_registry() {
  registry kinds;
  kinds.emplace("/Pod", pod());
  kinds.emplace("/PodTemplate", pod_template());
  kinds.emplace("/ReplicationController", workload(false));
  kinds.emplace("/Service", service());
  kinds.emplace("/Node", node());
  kinds.emplace("/Namespace", with_status_conditions());
  kinds.emplace("/PersistentVolumeClaim", with_status_conditions());
  kinds.emplace("/ServiceAccount", service_account());
  for (const char* plain : {"/ConfigMap", "/Secret", "/Endpoints", "/Event", "/LimitRange",
                            "/ResourceQuota", "/PersistentVolume"}) {
    kinds.emplace(plain, with_metadata());
  }
  kinds.emplace("apps/Deployment", workload(true));
  for (const char* name : {"apps/ReplicaSet", "apps/StatefulSet", "apps/DaemonSet", "batch/Job"}) {
    kinds.emplace(name, workload(false));
  }
  kinds.emplace("apps/ControllerRevision", with_metadata());
  kinds.emplace("batch/CronJob", cron_job());
  kinds.emplace("policy/PodDisruptionBudget", with_status_conditions());
  kinds.emplace("autoscaling/HorizontalPodAutoscaler", with_status_conditions());
  for (const char* plain :
       {"discovery.k8s.io/EndpointSlice", "coordination.k8s.io/Lease", "networking.k8s.io/Ingress",
        "networking.k8s.io/IngressClass", "networking.k8s.io/NetworkPolicy",
        "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole",
        "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding",
        "storage.k8s.io/StorageClass", "scheduling.k8s.io/PriorityClass"}) {
    kinds.emplace(plain, with_metadata());
  }
  return kinds;
}

}  // namespace

const patch_schema* find_builtin_patch_schema(std::string_view api_version, std::string_view kind) {
  static const registry kinds = build_registry();
  auto slash = api_version.find('/');
  std::string_view group = slash == std::string_view::npos ? "" : api_version.substr(0, slash);
  std::string key;
  key.reserve(group.size() + 1 + kind.size());
  key.append(group).append("/").append(kind);
  auto found = kinds.find(key);
  return found == kinds.end() ? nullptr : &found->second;
}

}  // namespace troupe::api
