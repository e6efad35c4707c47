// Manifests the server tests send (the smallest valid object of each kind
// they use) and the request helpers they share: create an object through
// the api and require success, read it back from the store.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "operation_harness.hpp"

namespace troupe::api::testing {

using labels_map = std::map<std::string, std::string>;

// A Pod with one container "web" (nginx:1.27) in no particular namespace.
json pod_manifest(std::string_view name, const labels_map& labels = {});
// An apps/v1 Deployment of `replicas` pods labelled app=<name>.
json deployment_manifest(std::string_view name, int replicas = 2);
json namespace_manifest(std::string_view name);
json configmap_manifest(std::string_view name, const json& data = json::object());
json secret_manifest(std::string_view name);
json node_manifest(std::string_view name);
// A policy/v1 PodDisruptionBudget selecting `selector` with minAvailable 1.
json budget_manifest(std::string_view name, const labels_map& selector);
// An autoscaling/v2 HorizontalPodAutoscaler of deployment `target` at 60% cpu.
json autoscaler_v2_manifest(std::string_view name, std::string_view target);

// POSTs `object` to `collection` and requires 201; the created object.
json create(operation_harness& harness, std::string_view collection, const json& object);
// The object at `path` by GET (200 required).
json get(operation_harness& harness, std::string_view path);

// A Failure Status as kube sends it: kind, apiVersion, empty metadata,
// message, reason, details (when given) and code.
json failure_status(int code, std::string_view reason, const std::string& message,
                    json details = nullptr);

// The store key of an object of the resource at group/version/plural.
std::string key_of(std::string_view group, std::string_view version, std::string_view plural,
                   std::string_view namespace_name, std::string_view name);
std::string pod_key(std::string_view namespace_name, std::string_view name);

}  // namespace troupe::api::testing
