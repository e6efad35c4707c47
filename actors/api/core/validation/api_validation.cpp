#include "actors/api/core/validation/api_validation.hpp"

#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/validation/batch_validation.hpp"
#include "actors/api/core/validation/cluster_validation.hpp"
#include "actors/api/core/validation/config_validation.hpp"
#include "actors/api/core/validation/network_validation.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/pod_validation.hpp"
#include "actors/api/core/validation/policy_validation.hpp"
#include "actors/api/core/validation/rbac_validation.hpp"
#include "actors/api/core/validation/storage_validation.hpp"
#include "actors/api/core/validation/workloads_validation.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;
using validation::error_list;

// One kind's validators; a missing status rule means metadata rules only.
struct kind_rules {
  error_list (*create)(const json& object, std::string_view api_version);
  error_list (*update)(const json& object, const json& old, std::string_view api_version);
  error_list (*status)(const json& object, const json& old, std::string_view api_version) = nullptr;
};

using create_rule = error_list (*)(const json&);
using update_rule = error_list (*)(const json&, const json&);

// The rules of a kind whose validators do not depend on the API version.
template <create_rule create, update_rule update>
kind_rules versionless() {
  return {
      [](const json& object, std::string_view) { return create(object); },
      [](const json& object, const json& old, std::string_view) { return update(object, old); }};
}

template <create_rule create, update_rule update, update_rule status>
kind_rules versionless_with_status() {
  kind_rules rules = versionless<create, update>();
  rules.status = [](const json& object, const json& old, std::string_view) {
    return status(object, old);
  };
  return rules;
}

// Adapters where kube's update rule is the create rule, or one function
// serves several kinds.
error_list event_update(const json& object, const json&) {
  return validation::validate_event(object);
}
error_list budget_update(const json& object, const json&) {
  return validation::validate_pod_disruption_budget(object);
}
error_list role(const json& object) {
  return validation::validate_role(object, false);
}
error_list cluster_role(const json& object) {
  return validation::validate_role(object, true);
}
error_list role_update(const json& object, const json& old) {
  return validation::validate_role_update(object, old, false);
}
error_list cluster_role_update(const json& object, const json& old) {
  return validation::validate_role_update(object, old, true);
}
error_list role_binding(const json& object) {
  return validation::validate_role_binding(object, false);
}
error_list cluster_role_binding(const json& object) {
  return validation::validate_role_binding(object, true);
}
error_list role_binding_update(const json& object, const json& old) {
  return validation::validate_role_binding_update(object, old, false);
}
error_list cluster_role_binding_update(const json& object, const json& old) {
  return validation::validate_role_binding_update(object, old, true);
}

const std::map<std::pair<std::string, std::string>, kind_rules>& kinds() {
  using namespace validation;
  static const std::map<std::pair<std::string, std::string>, kind_rules> table{
      {{"", "Pod"},
       versionless_with_status<validate_pod_create, validate_pod_update,
                               validate_pod_status_update>()},
      {{"", "Namespace"},
       versionless_with_status<validate_namespace, validate_namespace_update,
                               validate_namespace_status_update>()},
      {{"", "Node"},
       versionless_with_status<validate_node, validate_node_update, validate_node_update>()},
      {{"", "Service"},
       versionless_with_status<validate_service, validate_service_update,
                               validate_service_status_update>()},
      {{"", "Endpoints"}, versionless<validate_endpoints, validate_endpoints_update>()},
      {{"", "ConfigMap"}, versionless<validate_config_map, validate_config_map_update>()},
      {{"", "Secret"}, versionless<validate_secret, validate_secret_update>()},
      {{"", "Event"}, versionless<validate_event, event_update>()},
      {{"", "ServiceAccount"},
       versionless<validate_service_account, validate_service_account_update>()},
      {{"", "PersistentVolume"},
       versionless_with_status<validate_persistent_volume, validate_persistent_volume_update,
                               validate_persistent_volume_status_update>()},
      {{"", "PersistentVolumeClaim"},
       versionless_with_status<validate_claim, validate_claim_update,
                               validate_claim_status_update>()},
      {{"apps", "Deployment"},
       versionless_with_status<validate_deployment, validate_deployment_update,
                               validate_deployment_status_update>()},
      {{"apps", "ReplicaSet"},
       versionless_with_status<validate_replica_set, validate_replica_set_update,
                               validate_replica_set_status_update>()},
      {{"apps", "StatefulSet"},
       versionless_with_status<validate_stateful_set, validate_stateful_set_update,
                               validate_stateful_set_status_update>()},
      {{"apps", "DaemonSet"},
       versionless_with_status<validate_daemon_set, validate_daemon_set_update,
                               validate_daemon_set_status_update>()},
      {{"batch", "Job"},
       versionless_with_status<validate_job, validate_job_update, validate_job_status_update>()},
      {{"batch", "CronJob"},
       versionless_with_status<validate_cron_job, validate_cron_job_update,
                               validate_cron_job_status_update>()},
      {{"autoscaling", "HorizontalPodAutoscaler"},
       kind_rules{[](const json& object, std::string_view version) {
                    return validate_autoscaler(object, version);
                  },
                  [](const json& object, const json& old, std::string_view version) {
                    return validate_autoscaler_update(object, old, version);
                  },
                  [](const json& object, const json& old, std::string_view) {
                    return validate_autoscaler_status_update(object, old);
                  }}},
      {{"coordination.k8s.io", "Lease"}, versionless<validate_lease, validate_lease_update>()},
      {{"discovery.k8s.io", "EndpointSlice"},
       versionless<validate_endpoint_slice, validate_endpoint_slice_update>()},
      {{"policy", "PodDisruptionBudget"},
       versionless_with_status<validate_pod_disruption_budget, budget_update,
                               validate_pod_disruption_budget_status_update>()},
      {{"rbac.authorization.k8s.io", "Role"}, versionless<role, role_update>()},
      {{"rbac.authorization.k8s.io", "ClusterRole"},
       versionless<cluster_role, cluster_role_update>()},
      {{"rbac.authorization.k8s.io", "RoleBinding"},
       versionless<role_binding, role_binding_update>()},
      {{"rbac.authorization.k8s.io", "ClusterRoleBinding"},
       versionless<cluster_role_binding, cluster_role_binding_update>()},
  };
  return table;
}

std::string group_of(std::string_view api_version) {
  auto slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string()
                                         : std::string(api_version.substr(0, slash));
}

const kind_rules* rules_of(std::string_view api_version, std::string_view kind) {
  auto found = kinds().find({group_of(api_version), std::string(kind)});
  return found == kinds().end() ? nullptr : &found->second;
}

// The rules rest.BeforeCreate/BeforeUpdate apply to every kind: metadata
// with the lax path-segment name rule, in the kind's scope.
validation::meta_rules generic_rules(std::string_view api_version, std::string_view kind) {
  const resource_info* resource = find_kind(api_version, kind);
  return {resource == nullptr || resource->namespaced, &path_segment_name_errors, false};
}

std::optional<error_list> too_deep(const json& object, const json* old) {
  bool deep =
      json_depth(object) > json_depth_max || (old != nullptr && json_depth(*old) > json_depth_max);
  if (!deep) return std::nullopt;
  return error_list{validation::forbidden(
      validation::field_path(""),
      "object nests deeper than " + std::to_string(json_depth_max) + " levels")};
}

// Kube's message lists each distinct cause once (ErrorList.ToAggregate);
// the first occurrence keeps its place.
error_list distinct(error_list errors) {
  error_list kept;
  std::set<std::tuple<int, std::string, std::string, std::string>> seen;
  for (auto& error : errors) {
    if (seen.emplace(static_cast<int>(error.type), error.field, error.value, error.detail).second)
      kept.push_back(std::move(error));
  }
  return kept;
}

error_list common_update(const json& object, const json& old, std::string_view api_version,
                         std::string_view kind) {
  auto rules = generic_rules(api_version, kind);
  error_list errors = validation::validate_object_meta(object, rules);
  validation::append(errors, validation::validate_object_meta_update(object, old, rules));
  return errors;
}

}  // namespace

std::vector<field_error> validate_create(const json& object, std::string_view api_version,
                                         std::string_view kind) {
  if (auto refused = too_deep(object, nullptr)) return *refused;
  const kind_rules* rules = rules_of(api_version, kind);
  error_list errors = rules != nullptr ? rules->create(object, api_version) : error_list{};
  if (errors.empty())
    errors = validation::validate_object_meta(object, generic_rules(api_version, kind));
  return distinct(std::move(errors));
}

std::vector<field_error> validate_update(const json& object, const json& old,
                                         std::string_view api_version, std::string_view kind) {
  if (auto refused = too_deep(object, &old)) return *refused;
  error_list errors = common_update(object, old, api_version, kind);
  if (const kind_rules* rules = rules_of(api_version, kind))
    validation::append(errors, rules->update(object, old, api_version));
  return distinct(std::move(errors));
}

std::vector<field_error> validate_status_update(const json& object, const json& old,
                                                std::string_view api_version,
                                                std::string_view kind) {
  if (auto refused = too_deep(object, &old)) return *refused;
  error_list errors = common_update(object, old, api_version, kind);
  const kind_rules* rules = rules_of(api_version, kind);
  if (rules != nullptr && rules->status != nullptr)
    validation::append(errors, rules->status(object, old, api_version));
  return distinct(std::move(errors));
}

}  // namespace troupe::api
