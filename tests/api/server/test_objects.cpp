#include "test_objects.hpp"

#include <catch2/catch.hpp>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/object_keys.hpp"

namespace troupe::api::testing {

namespace {

json metadata_with(std::string_view name, const labels_map& labels) {
  json metadata{{"name", name}};
  if (!labels.empty()) metadata["labels"] = labels;
  return metadata;
}

}  // namespace

json pod_manifest(std::string_view name, const labels_map& labels) {
  return {{"apiVersion", "v1"},
          {"kind", "Pod"},
          {"metadata", metadata_with(name, labels)},
          {"spec", {{"containers", json::array({{{"name", "web"}, {"image", "nginx:1.27"}}})}}}};
}

json deployment_manifest(std::string_view name, int replicas) {
  json labels{{"app", name}};
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata", {{"name", name}}},
          {"spec",
           {{"replicas", replicas},
            {"selector", {{"matchLabels", labels}}},
            {"template",
             {{"metadata", {{"labels", labels}}},
              {"spec",
               {{"containers",
                 json::array({{{"name", "web"},
                               {"image", "nginx:1.27"},
                               {"ports", json::array({{{"containerPort", 80}}})}}})}}}}}}}};
}

json namespace_manifest(std::string_view name) {
  return {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
}

json configmap_manifest(std::string_view name, const json& data) {
  return {
      {"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", name}}}, {"data", data}};
}

json secret_manifest(std::string_view name) {
  return {{"apiVersion", "v1"}, {"kind", "Secret"}, {"metadata", {{"name", name}}}};
}

json node_manifest(std::string_view name) {
  return {{"apiVersion", "v1"}, {"kind", "Node"}, {"metadata", {{"name", name}}}};
}

json budget_manifest(std::string_view name, const labels_map& selector) {
  return {{"apiVersion", "policy/v1"},
          {"kind", "PodDisruptionBudget"},
          {"metadata", {{"name", name}}},
          {"spec", {{"minAvailable", 1}, {"selector", {{"matchLabels", selector}}}}}};
}

json autoscaler_v2_manifest(std::string_view name, std::string_view target) {
  return {
      {"apiVersion", "autoscaling/v2"},
      {"kind", "HorizontalPodAutoscaler"},
      {"metadata", {{"name", name}}},
      {"spec",
       {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", target}}},
        {"minReplicas", 1},
        {"maxReplicas", 5},
        {"metrics",
         json::array({{{"type", "Resource"},
                       {"resource",
                        {{"name", "cpu"},
                         {"target", {{"type", "Utilization"}, {"averageUtilization", 60}}}}}}})}}}};
}

json create(operation_harness& harness, std::string_view collection, const json& object) {
  auto response = harness.run(make_request("create", collection, object));
  INFO(response.body);
  REQUIRE(response.code == 201);
  return body_of(response);
}

json get(operation_harness& harness, std::string_view path) {
  auto response = harness.run(make_request("get", path));
  INFO(response.body);
  REQUIRE(response.code == 200);
  return body_of(response);
}

std::string key_of(std::string_view group, std::string_view version, std::string_view plural,
                   std::string_view namespace_name, std::string_view name) {
  const auto* resource = find_resource(group, version, plural);
  REQUIRE(resource);
  return object_key(storage_resource(*resource), namespace_name, name);
}

std::string pod_key(std::string_view namespace_name, std::string_view name) {
  return key_of("", "v1", "pods", namespace_name, name);
}

json failure_status(int code, std::string_view reason, const std::string& message, json details) {
  json status{{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", json::object()},
              {"status", "Failure"}, {"message", message}, {"reason", reason}};
  if (!details.is_null()) status["details"] = std::move(details);
  status["code"] = code;
  return status;
}

}  // namespace troupe::api::testing
