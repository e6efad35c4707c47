#include "actors/api/core/defaults/container_defaults.hpp"

#include "actors/api/core/defaults/image_pull_policy.hpp"
#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/resource_list.hpp"

namespace troupe::api::defaults {

namespace {

void default_http_get(json& handler) {
  json* http_get = object_member(handler, "httpGet");
  if (http_get == nullptr) return;
  default_string(*http_get, "path", "/");
  default_string(*http_get, "scheme", "HTTP");
}

void default_probe(json& container, std::string_view key) {
  json* probe = object_member(container, key);
  if (probe == nullptr) return;
  default_integer(*probe, "timeoutSeconds", 1);
  default_integer(*probe, "periodSeconds", 10);
  default_integer(*probe, "successThreshold", 1);
  default_integer(*probe, "failureThreshold", 3);
  default_http_get(*probe);
  if (json* grpc = object_member(*probe, "grpc")) default_member(*grpc, "service", "");
}

void default_lifecycle(json& container) {
  json* lifecycle = object_member(container, "lifecycle");
  if (lifecycle == nullptr) return;
  for (const char* hook : {"postStart", "preStop"})
    if (json* handler = object_member(*lifecycle, hook)) default_http_get(*handler);
}

void default_image_and_termination(json& container) {
  auto image = string_member(container, "image");
  if (image) default_string(container, "imagePullPolicy", default_image_pull_policy(*image));
  default_string(container, "terminationMessagePath", "/dev/termination-log");
  default_string(container, "terminationMessagePolicy", "File");
}

}  // namespace

void default_field_selector(json& holder) {
  if (json* field_ref = object_member(holder, "fieldRef"))
    default_string(*field_ref, "apiVersion", "v1");
}

void default_container(json& container) {
  default_image_and_termination(container);
  for_each_object(container, "ports", [](json& port) { default_string(port, "protocol", "TCP"); });
  for_each_object(container, "env", [](json& variable) {
    if (json* value_from = object_member(variable, "valueFrom"))
      default_field_selector(*value_from);
  });
  if (json* resources = object_member(container, "resources")) {
    if (json* limits = object_member(*resources, "limits")) round_resource_list(*limits);
    if (json* requests = object_member(*resources, "requests")) round_resource_list(*requests);
  }
  for (const char* probe : {"livenessProbe", "readinessProbe", "startupProbe"})
    default_probe(container, probe);
  default_lifecycle(container);
}

}  // namespace troupe::api::defaults
