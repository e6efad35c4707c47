// Nodes: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP
// OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME (kube's printNode).
#include <set>

#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_formats.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr std::string_view addresses_description =
    "List of addresses reachable to the node. Queried from cloud provider, if available. More "
    "info: https://kubernetes.io/docs/concepts/nodes/node/#addresses Note: This field is "
    "declared as mergeable, but the merge key is not sufficiently unique, which can cause data "
    "corruption when it is merged. Callers should instead use a full-replacement patch. See "
    "https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change "
    "during the lifetime of a Node. However, there are some exceptions where this may not be "
    "possible, such as Pods that inherit a Node's address in its own status or consumers of the "
    "downward API (status.hostIP).";

constexpr table_column node_columns[] = {
    name_column,
    {"Status", "string", "", "The status of the node", 0},
    {"Roles", "string", "", "The roles of the node", 0},
    age_column,
    {"Version", "string", "", "Kubelet Version reported by the node.", 0},
    {"Internal-IP", "string", "", addresses_description, 1},
    {"External-IP", "string", "", addresses_description, 1},
    {"OS-Image", "string", "",
     "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1},
    {"Kernel-Version", "string", "",
     "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1},
    {"Container-Runtime", "string", "",
     "ContainerRuntime Version reported by the node through runtime remote API (e.g. "
     "containerd://1.4.2).",
     1},
};

constexpr std::string_view role_label_prefix = "node-role.kubernetes.io/";
constexpr std::string_view role_label = "kubernetes.io/role";

// Only the Ready condition counts; the last one listed wins, as in kube's
// map of conditions by type.
std::string node_status(const json& node) {
  const json* ready = nullptr;
  for (const auto& condition : list_member(member(node, "status"), "conditions"))
    if (text_member(condition, "type") == "Ready") ready = &condition;
  std::string status = "Unknown";
  if (ready != nullptr) status = text_member(*ready, "status") == "True" ? "Ready" : "NotReady";
  if (flag_member(member(node, "spec"), "unschedulable")) status += ",SchedulingDisabled";
  return status;
}

// findNodeRoles: node-role.kubernetes.io/<role> keys and kubernetes.io/role
// values, sorted and without repeats.
std::string node_roles(const json& node) {
  std::set<std::string> roles;
  const auto& labels = member(member(node, "metadata"), "labels");
  if (labels.is_object()) {
    for (const auto& [key, value] : labels.items()) {
      if (key.starts_with(role_label_prefix) && key.size() > role_label_prefix.size())
        roles.insert(key.substr(role_label_prefix.size()));
      else if (key == role_label && value.is_string() && !value.get<std::string>().empty())
        roles.insert(value.get<std::string>());
    }
  }
  auto text = join(std::vector<std::string>(roles.begin(), roles.end()), ",");
  return text.empty() ? "<none>" : text;
}

std::string first_address(const json& node, std::string_view type) {
  for (const auto& address : list_member(member(node, "status"), "addresses"))
    if (text_member(address, "type") == type) return text_member(address, "address");
  return "<none>";
}

std::string or_unknown(const std::string& text) {
  return text.empty() ? "<unknown>" : text;
}

table_row print_node(const json& node, std::chrono::system_clock::time_point now) {
  const auto& info = member(member(node, "status"), "nodeInfo");
  table_row row;
  row.cells =
      json::array({name_of(node), node_status(node), node_roles(node), age_of(node, now),
                   text_member(info, "kubeletVersion"), first_address(node, "InternalIP"),
                   first_address(node, "ExternalIP"), or_unknown(text_member(info, "osImage")),
                   or_unknown(text_member(info, "kernelVersion")),
                   or_unknown(text_member(info, "containerRuntimeVersion"))});
  return row;
}

}  // namespace

const table_printer node_printer{node_columns, print_node};

}  // namespace troupe::api::tables
