// Namespace, Node and Secret.
//   - Namespace (SetDefaults_Namespace, SetDefaults_NamespaceStatus): a
//     named namespace carries the label kubernetes.io/metadata.name = its
//     name; status.phase "Active".
//   - Node (SetDefaults_NodeStatus): status.allocatable is a copy of
//     status.capacity when only capacity is given; both are rounded.
//   - Secret: type "Opaque".
#include <string>

#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/kind_defaults.hpp"
#include "actors/api/core/defaults/resource_list.hpp"

namespace troupe::api::defaults {

void default_namespace(json& namespace_object) {
  if (json* metadata = object_member(namespace_object, "metadata")) {
    std::string name(string_member(*metadata, "name").value_or(""));
    json* labels = name.empty() ? nullptr : ensure_object_member(*metadata, "labels");
    if (labels != nullptr) (*labels)["kubernetes.io/metadata.name"] = name;
  }
  if (json* status = ensure_object_member(namespace_object, "status"))
    default_string(*status, "phase", "Active");
}

void default_node(json& node) {
  json* status = object_member(node, "status");
  if (status == nullptr) return;
  json* capacity = object_member(*status, "capacity");
  if (capacity != nullptr && !capacity->empty()) default_member(*status, "allocatable", *capacity);
  if (capacity != nullptr) round_resource_list(*capacity);
  if (json* allocatable = object_member(*status, "allocatable")) round_resource_list(*allocatable);
}

void default_secret(json& secret) {
  default_string(secret, "type", "Opaque");
}

}  // namespace troupe::api::defaults
