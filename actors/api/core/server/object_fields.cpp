#include "actors/api/core/server/object_fields.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "actors/api/core/server/object_meta.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

// Per kind (group/kind), the fields beyond metadata.name/namespace.
const std::map<std::string, std::vector<std::string>>& extra_fields() {
  static const std::map<std::string, std::vector<std::string>> fields{
      {"/Pod",
       {"spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
        "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"}},
      {"/Node", {"spec.unschedulable"}},
      {"/Namespace", {"status.phase"}},
      {"/Secret", {"type"}},
      {"/Event",
       {"involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
        "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
        "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"}},
      {"apps/ReplicaSet", {"status.replicas"}},
      {"batch/Job", {"status.successful"}},
  };
  return fields;
}

std::string key_of(const resource_info& resource) {
  return resource.group + "/" + resource.kind;
}

// The value at a dotted path, as kube's field sets print it.
std::string text_at(const json& object, const std::string& path) {
  const json* current = &object;
  std::string_view rest = path;
  while (current) {
    auto dot = rest.find('.');
    current = member(*current, rest.substr(0, dot));
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  if (!current) return "";
  if (current->is_string()) return current->get<std::string>();
  if (current->is_boolean()) return current->get<bool>() ? "true" : "false";
  if (current->is_number()) return current->dump();
  return "";
}

}  // namespace

const std::vector<std::string>& selectable_fields(const resource_info& resource) {
  static std::map<std::string, std::vector<std::string>> cache = [] {
    std::map<std::string, std::vector<std::string>> built;
    for (const auto& each : builtin_resources()) {
      std::vector<std::string> fields{"metadata.name"};
      if (each.namespaced) fields.push_back("metadata.namespace");
      auto extra = extra_fields().find(key_of(each));
      if (extra != extra_fields().end())
        fields.insert(fields.end(), extra->second.begin(), extra->second.end());
      std::sort(fields.begin(), fields.end());
      built.emplace(key_of(each), std::move(fields));
    }
    return built;
  }();
  return cache.at(key_of(resource));
}

std::map<std::string, std::string> field_values(const json& object, const resource_info& resource) {
  std::map<std::string, std::string> values;
  for (const auto& field : selectable_fields(resource)) {
    auto value = text_at(object, field);
    // An event's source is an object; kube selects events by source.component.
    if (field == "source" && value.empty()) value = text_at(object, "source.component");
    values.emplace(field, std::move(value));
  }
  if (resource.kind == "Node" && values["spec.unschedulable"].empty())
    values["spec.unschedulable"] = "false";
  if (resource.kind == "Pod" && values["spec.hostNetwork"].empty())
    values["spec.hostNetwork"] = "false";
  return values;
}

}  // namespace troupe::api
