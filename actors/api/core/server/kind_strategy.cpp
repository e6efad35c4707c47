#include "actors/api/core/server/kind_strategy.hpp"

#include <optional>
#include <set>

#include "messages/core/quantity.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

bool is(const resource_info& resource, std::string_view group, std::string_view kind) {
  return resource.group == group && resource.kind == kind;
}

std::optional<quantity> quantity_at(const json& map, std::string_view name) {
  const auto* value = member(map, name);
  if (!value) return std::nullopt;
  std::string text = value->is_string()   ? value->get<std::string>()
                     : value->is_number() ? value->dump()
                                          : std::string();
  auto parsed = parse_quantity(text);
  if (auto* amount = std::get_if<quantity>(&parsed)) return *amount;
  return std::nullopt;
}

// Kubernetes' Job selector and template labels (pkg/registry/batch/job
// generateSelector), unless the user manages the selector.
void generate_job_selector(json& job) {
  auto& spec = job["spec"];
  if (!spec.is_object()) return;
  if (const auto* manual = member(spec, "manualSelector");
      manual && manual->is_boolean() && manual->get<bool>())
    return;
  auto uid = object_uid(job);
  auto name = object_name(job);
  auto& template_metadata = spec["template"]["metadata"];
  if (!template_metadata.is_object()) template_metadata = json::object();
  auto& labels = template_metadata["labels"];
  if (!labels.is_object()) labels = json::object();
  for (auto [key, value] : {std::pair{"batch.kubernetes.io/controller-uid", uid},
                            std::pair{"batch.kubernetes.io/job-name", name},
                            std::pair{"controller-uid", uid}, std::pair{"job-name", name}})
    if (!labels.contains(key)) labels[key] = value;
  if (!spec.contains("selector") || spec["selector"].is_null())
    spec["selector"] = json{{"matchLabels", {{"batch.kubernetes.io/controller-uid", uid}}}};
}

// What kube's admission plugins add to every new pod: the ServiceAccount
// plugin's service account name (not the token volume: no tokens are
// issued yet), DefaultTolerationSeconds' not-ready/unreachable tolerations
// and the Priority plugin's priority and preemption policy.
void admit_pod(json& pod) {
  auto& spec = pod["spec"];
  if (!spec.is_object()) return;
  if (string_member(spec, "serviceAccountName").empty()) spec["serviceAccountName"] = "default";
  spec["serviceAccount"] = spec["serviceAccountName"];
  auto& tolerations = spec["tolerations"];
  if (!tolerations.is_array()) tolerations = json::array();
  for (const char* taint : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
    bool present = false;
    for (const auto& toleration : tolerations)
      present = present || (string_member(toleration, "key") == taint &&
                            (string_member(toleration, "effect").empty() ||
                             string_member(toleration, "effect") == "NoExecute"));
    if (!present)
      tolerations.push_back({{"key", taint},
                             {"operator", "Exists"},
                             {"effect", "NoExecute"},
                             {"tolerationSeconds", 300}});
  }
  if (!member(spec, "priority") && string_member(spec, "priorityClassName").empty())
    spec["priority"] = 0;
  if (!member(spec, "preemptionPolicy")) spec["preemptionPolicy"] = "PreemptLowerPriority";
}

void prepare_kind_for_create(json& object, const resource_info& resource,
                             api_clock::time_point now) {
  if (is(resource, "", "Pod")) {
    admit_pod(object);
    object["status"] = json{{"phase", "Pending"},
                            {"qosClass", pod_qos_class(object.value("spec", json::object()))}};
  } else if (is(resource, "", "Namespace")) {
    object["status"] = json{{"phase", "Active"}};
    auto& finalizers = object["spec"]["finalizers"];
    if (!finalizers.is_array()) finalizers = json::array();
    if (std::find(finalizers.begin(), finalizers.end(), "kubernetes") == finalizers.end())
      finalizers.push_back("kubernetes");
  } else if (is(resource, "", "PersistentVolume")) {
    object["status"] =
        json{{"phase", "Pending"}, {"lastPhaseTransitionTime", format_timestamp(now)}};
  } else if (is(resource, "", "PersistentVolumeClaim")) {
    object["status"] = json{{"phase", "Pending"}};
  } else if (is(resource, "batch", "Job")) {
    generate_job_selector(object);
  }
}

bool changed(const json& object, const json& old, std::string_view key) {
  const auto* now = member(object, key);
  const auto* before = member(old, key);
  if (!now || !before) return (now == nullptr) != (before == nullptr);
  return *now != *before;
}

}  // namespace

bool has_generation(const resource_info& resource) {
  static const std::set<std::pair<std::string, std::string>> kinds{
      {"apps", "Deployment"},
      {"apps", "ReplicaSet"},
      {"apps", "StatefulSet"},
      {"apps", "DaemonSet"},
      {"batch", "Job"},
      {"batch", "CronJob"},
      {"policy", "PodDisruptionBudget"},
      {"discovery.k8s.io", "EndpointSlice"}};
  return kinds.contains({resource.group, resource.kind});
}

bool has_status_subresource(const resource_info& resource) {
  for (const auto& sub : resource.subresources)
    if (sub.name == "status") return true;
  return false;
}

std::string pod_qos_class(const json& pod_spec) {
  bool any = false;
  bool guaranteed = true;
  for (const char* list : {"containers", "initContainers"}) {
    const auto* containers = member(pod_spec, list);
    if (!containers || !containers->is_array()) continue;
    for (const auto& container : *containers) {
      const auto* resources = member(container, "resources");
      auto requests = resources ? resources->value("requests", json::object()) : json::object();
      auto limits = resources ? resources->value("limits", json::object()) : json::object();
      for (const char* name : {"cpu", "memory"}) {
        auto request = quantity_at(requests, name);
        auto limit = quantity_at(limits, name);
        if ((request && !request->is_zero()) || (limit && !limit->is_zero())) any = true;
        if (!limit || limit->is_zero() || (request && *request != *limit)) guaranteed = false;
      }
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

void prepare_for_create(json& object, const resource_info& resource, api_clock::time_point now,
                        api_random& random) {
  auto& metadata = metadata_of(object);
  metadata.erase("deletionTimestamp");
  metadata.erase("deletionGracePeriodSeconds");
  metadata.erase("resourceVersion");
  metadata.erase("selfLink");
  metadata["uid"] = random_uid(random);
  metadata["creationTimestamp"] = format_timestamp(now);
  if (has_generation(resource))
    metadata["generation"] = 1;
  else
    metadata.erase("generation");
  if (!resource.namespaced) metadata.erase("namespace");
  if (has_status_subresource(resource) && !is(resource, "", "Node")) object.erase("status");
  prepare_kind_for_create(object, resource, now);
}

void prepare_for_update(json& object, const json& old, const resource_info& resource) {
  auto& metadata = metadata_of(object);
  const auto& old_metadata = metadata_or_empty(old);
  for (const char* key : {"uid", "creationTimestamp", "deletionTimestamp",
                          "deletionGracePeriodSeconds", "generation"}) {
    if (old_metadata.contains(key))
      metadata[key] = old_metadata[key];
    else
      metadata.erase(key);
  }
  metadata.erase("resourceVersion");
  metadata.erase("selfLink");
  if (has_status_subresource(resource)) {
    if (old.contains("status"))
      object["status"] = old["status"];
    else
      object.erase("status");
  }
  if (is(resource, "", "Namespace")) {
    if (const auto* spec = member(old, "spec"); spec && spec->contains("finalizers"))
      object["spec"]["finalizers"] = (*spec)["finalizers"];
  }
  if (!has_generation(resource)) return;
  bool bump = changed(object, old, "spec");
  if (is(resource, "apps", "Deployment"))
    bump = bump || string_map_member(metadata, "annotations") !=
                       string_map_member(old_metadata, "annotations");
  if (bump) metadata["generation"] = integer_member(old_metadata, "generation").value_or(0) + 1;
}

json prepare_for_status_update(const json& object, const json& old) {
  auto result = old;
  if (object.contains("status"))
    result["status"] = object["status"];
  else
    result.erase("status");
  metadata_of(result).erase("resourceVersion");
  return result;
}

json prepare_for_finalize(const json& object, const json& old) {
  auto result = old;
  auto& spec = result["spec"];
  if (!spec.is_object()) spec = json::object();
  if (const auto* finalizers = value_at(object, {"spec", "finalizers"}))
    spec["finalizers"] = *finalizers;
  else
    spec.erase("finalizers");
  metadata_of(result).erase("resourceVersion");
  return result;
}

bool deletion_complete(const json& object, const resource_info& resource) {
  if (!being_deleted(object)) return false;
  const auto* metadata = member(object, "metadata");
  if (const auto* finalizers = member(*metadata, "finalizers");
      finalizers && finalizers->is_array() && !finalizers->empty())
    return false;
  if (integer_member(*metadata, "deletionGracePeriodSeconds").value_or(0) > 0) return false;
  if (is(resource, "", "Namespace")) {
    const auto* spec = member(object, "spec");
    const auto* finalizers = spec ? member(*spec, "finalizers") : nullptr;
    if (finalizers && finalizers->is_array() && !finalizers->empty()) return false;
  }
  return true;
}

}  // namespace troupe::api
