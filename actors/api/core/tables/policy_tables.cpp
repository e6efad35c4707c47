// PodDisruptionBudgets (NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED
// DISRUPTIONS AGE), RoleBindings and ClusterRoleBindings (NAME ROLE AGE,
// wide USERS GROUPS SERVICEACCOUNTS), as kube's printPodDisruptionBudget,
// printRoleBinding and printClusterRoleBinding compute them.
#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_formats.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr table_column disruption_budget_columns[] = {
    name_column,
    {"Min Available", "string", "", "The minimum number of pods that must be available.", 0},
    {"Max Unavailable", "string", "", "The maximum number of pods that may be unavailable.", 0},
    {"Allowed Disruptions", "integer", "",
     "Calculated number of pods that may be disrupted at this time.", 0},
    age_column,
};

constexpr table_column role_binding_columns[] = {
    name_column,
    {"Role", "string", "",
     "RoleRef can reference a Role in the current namespace or a ClusterRole in the global "
     "namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.",
     0},
    age_column,
    {"Users", "string", "", "Users in the roleBinding", 1},
    {"Groups", "string", "", "Groups in the roleBinding", 1},
    {"ServiceAccounts", "string", "", "ServiceAccounts in the roleBinding", 1},
};

constexpr table_column cluster_role_binding_columns[] = {
    name_column,
    {"Role", "string", "",
     "RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be "
     "resolved, the Authorizer must return an error.",
     0},
    age_column,
    {"Users", "string", "", "Users in the clusterRoleBinding", 1},
    {"Groups", "string", "", "Groups in the clusterRoleBinding", 1},
    {"ServiceAccounts", "string", "", "ServiceAccounts in the clusterRoleBinding", 1},
};

std::string budget_value(const json& spec, std::string_view key) {
  return has_member(spec, key) ? int_or_string_text(member(spec, key)) : "N/A";
}

table_row print_disruption_budget(const json& budget, std::chrono::system_clock::time_point now) {
  const auto& spec = member(budget, "spec");
  table_row row;
  row.cells = json::array(
      {name_of(budget), budget_value(spec, "minAvailable"), budget_value(spec, "maxUnavailable"),
       integer_member(member(budget, "status"), "disruptionsAllowed"), age_of(budget, now)});
  return row;
}

// rbac.SubjectsStrings: users and groups by name, service accounts as
// namespace/name (other kinds are not shown).
table_row print_binding(const json& binding, std::chrono::system_clock::time_point now) {
  std::vector<std::string> users;
  std::vector<std::string> groups;
  std::vector<std::string> service_accounts;
  for (const auto& subject : list_member(binding, "subjects")) {
    const auto& kind = text_member(subject, "kind");
    if (kind == "ServiceAccount")
      service_accounts.push_back(text_member(subject, "namespace") + "/" +
                                 text_member(subject, "name"));
    else if (kind == "User")
      users.push_back(text_member(subject, "name"));
    else if (kind == "Group")
      groups.push_back(text_member(subject, "name"));
  }
  const auto& role = member(binding, "roleRef");
  table_row row;
  row.cells = json::array(
      {name_of(binding), text_member(role, "kind") + "/" + text_member(role, "name"),
       age_of(binding, now), join(users, ", "), join(groups, ", "), join(service_accounts, ", ")});
  return row;
}

}  // namespace

const table_printer disruption_budget_printer{disruption_budget_columns, print_disruption_budget};
const table_printer role_binding_printer{role_binding_columns, print_binding};
const table_printer cluster_role_binding_printer{cluster_role_binding_columns, print_binding};

}  // namespace troupe::api::tables
