// Shared fixtures of the validation tests: realistic, already defaulted
// manifests (as kube's defaulting leaves them) of every kind, and helpers
// that render causes as kube prints them ("field: body") so each test can
// compare the exact list, in order.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/api_status.hpp"

namespace troupe::api::validation_test {

using nlohmann::json;

// "spec.containers[0].image: Required value", one per cause, in order.
std::vector<std::string> rendered(const std::vector<field_error>& causes);

std::vector<std::string> create_causes(const json& object);
std::vector<std::string> update_causes(const json& object, const json& old);
std::vector<std::string> status_causes(const json& object, const json& old);

// A defaulted PodSpec with one container (port, probe, resources, mount).
json pod_spec();
json pod();
// A PodTemplateSpec labelled app=web with pod_spec().
json pod_template();
json deployment();
json replica_set();
json stateful_set();
json daemon_set();
json job();
json cron_job();
json service();
json endpoints();
json endpoint_slice();
json config_map();
json secret();
json namespace_object();
json node();
json event();
json service_account();
json persistent_volume();
json persistent_volume_claim();
json autoscaler_v2();
json autoscaler_v1();
json disruption_budget();
json lease();
json role();
json cluster_role();
json role_binding();
json cluster_role_binding();
// One realistic, defaulted object of every built-in kind (the above).
std::vector<json> every_kind();

// `object` as stored: with a resourceVersion, uid and creationTimestamp.
json stored(json object);

}  // namespace troupe::api::validation_test
