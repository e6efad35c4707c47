// The defaults of one container of a pod spec (containers, initContainers
// and ephemeralContainers alike), as kube's generated defaulters apply them:
//   - imagePullPolicy from the image (image_pull_policy.hpp),
//     terminationMessagePath "/dev/termination-log",
//     terminationMessagePolicy "File";
//   - ports[].protocol "TCP";
//   - env[].valueFrom.fieldRef.apiVersion "v1";
//   - resources.limits and resources.requests rounded (resource_list.hpp);
//   - liveness, readiness and startup probes: timeoutSeconds 1,
//     periodSeconds 10, successThreshold 1, failureThreshold 3, httpGet path
//     "/" and scheme "HTTP", grpc service "";
//   - lifecycle postStart and preStop httpGet path "/" and scheme "HTTP".
// Requests copied from limits are a Pod-only default (pod_defaults.cpp).
// Pure; never throws; members of unexpected types are left alone.
#pragma once

#include <nlohmann/json.hpp>

namespace troupe::api::defaults {

void default_container(nlohmann::json& container);

// SetDefaults_ObjectFieldSelector on the "fieldRef" of `holder` (an env
// valueFrom, a downward API item): apiVersion "v1".
void default_field_selector(nlohmann::json& holder);

}  // namespace troupe::api::defaults
