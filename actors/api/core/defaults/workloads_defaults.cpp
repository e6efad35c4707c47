// apps/v1 workloads (pkg/apis/apps/v1/defaults.go), each with its pod
// template (pod_spec_defaults.hpp):
//   - Deployment: replicas 1; strategy.type "RollingUpdate" and, for a
//     rolling update only, rollingUpdate maxUnavailable and maxSurge "25%";
//     revisionHistoryLimit 10; progressDeadlineSeconds 600.
//   - ReplicaSet: replicas 1.
//   - StatefulSet: podManagementPolicy "OrderedReady"; an updateStrategy
//     without type becomes "RollingUpdate" with rollingUpdate {}, and a
//     rolling update with rollingUpdate gets partition 0;
//     persistentVolumeClaimRetentionPolicy whenDeleted and whenScaled
//     "Retain"; replicas 1; revisionHistoryLimit 10; each volumeClaimTemplate
//     the claim defaults (claim_defaults.hpp).
//   - DaemonSet: updateStrategy.type "RollingUpdate" and, for a rolling
//     update only, rollingUpdate maxUnavailable 1 and maxSurge 0;
//     revisionHistoryLimit 10.
#include "actors/api/core/defaults/claim_defaults.hpp"
#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/kind_defaults.hpp"
#include "actors/api/core/defaults/pod_spec_defaults.hpp"

namespace troupe::api::defaults {

namespace {

constexpr int revision_history_limit_default = 10;
constexpr int progress_deadline_seconds_default = 600;

// `strategy_key` of `spec` gets type "RollingUpdate" when it has none; a
// rolling update then gets `max_unavailable` and `max_surge` where unset.
void default_rolling_update(json& spec, std::string_view strategy_key, const json& max_unavailable,
                            const json& max_surge) {
  json* strategy = ensure_object_member(spec, strategy_key);
  if (strategy == nullptr) return;
  default_string(*strategy, "type", "RollingUpdate");
  if (string_member(*strategy, "type") != "RollingUpdate") return;
  json* rolling_update = ensure_object_member(*strategy, "rollingUpdate");
  if (rolling_update == nullptr) return;
  default_member(*rolling_update, "maxUnavailable", max_unavailable);
  default_member(*rolling_update, "maxSurge", max_surge);
}

void default_stateful_set_update_strategy(json& spec) {
  json* strategy = ensure_object_member(spec, "updateStrategy");
  if (strategy == nullptr) return;
  if (string_member(*strategy, "type") == "") {
    (*strategy)["type"] = "RollingUpdate";
    default_member(*strategy, "rollingUpdate", json::object());
  }
  json* rolling_update = object_member(*strategy, "rollingUpdate");
  if (string_member(*strategy, "type") == "RollingUpdate" && rolling_update != nullptr)
    default_member(*rolling_update, "partition", 0);
}

}  // namespace

void default_deployment(json& deployment) {
  json* spec = ensure_object_member(deployment, "spec");
  if (spec == nullptr) return;
  default_member(*spec, "replicas", 1);
  default_rolling_update(*spec, "strategy", "25%", "25%");
  default_member(*spec, "revisionHistoryLimit", revision_history_limit_default);
  default_member(*spec, "progressDeadlineSeconds", progress_deadline_seconds_default);
  default_pod_template(*spec);
}

void default_replica_set(json& replica_set) {
  json* spec = ensure_object_member(replica_set, "spec");
  if (spec == nullptr) return;
  default_member(*spec, "replicas", 1);
  default_pod_template(*spec);
}

void default_stateful_set(json& stateful_set) {
  json* spec = ensure_object_member(stateful_set, "spec");
  if (spec == nullptr) return;
  default_string(*spec, "podManagementPolicy", "OrderedReady");
  default_stateful_set_update_strategy(*spec);
  if (json* retention = ensure_object_member(*spec, "persistentVolumeClaimRetentionPolicy")) {
    default_string(*retention, "whenDeleted", "Retain");
    default_string(*retention, "whenScaled", "Retain");
  }
  default_member(*spec, "replicas", 1);
  default_member(*spec, "revisionHistoryLimit", revision_history_limit_default);
  default_pod_template(*spec);
  for_each_object(*spec, "volumeClaimTemplates", default_claim);
}

void default_daemon_set(json& daemon_set) {
  json* spec = ensure_object_member(daemon_set, "spec");
  if (spec == nullptr) return;
  default_rolling_update(*spec, "updateStrategy", 1, 0);
  default_member(*spec, "revisionHistoryLimit", revision_history_limit_default);
  default_pod_template(*spec);
}

}  // namespace troupe::api::defaults
