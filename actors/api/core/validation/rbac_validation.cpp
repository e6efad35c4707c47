#include "actors/api/core/validation/rbac_validation.hpp"

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/selector_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

const char* const rbac_group = "rbac.authorization.k8s.io";

meta_rules rules_for(bool cluster) {
  return {!cluster, &path_segment_name_errors, true};
}

error_list policy_rule(const json& rule, bool namespaced, const field_path& path) {
  error_list errors;
  if (!non_empty(rule, "verbs"))
    errors.push_back(required(path.child("verbs"), "verbs must contain at least one value"));
  const json& urls = list(rule, "nonResourceURLs");
  if (!urls.empty()) {
    if (namespaced)
      errors.push_back(invalid(path.child("nonResourceURLs"), go_string_slice(urls),
                               "namespaced rules cannot apply to non-resource URLs"));
    if (non_empty(rule, "apiGroups") || non_empty(rule, "resources") ||
        non_empty(rule, "resourceNames"))
      errors.push_back(
          invalid(path.child("nonResourceURLs"), go_string_slice(urls),
                  "rules cannot apply to both regular resources and non-resource URLs"));
    return errors;
  }
  if (!non_empty(rule, "apiGroups"))
    errors.push_back(
        required(path.child("apiGroups"), "resource rules must supply at least one api group"));
  if (!non_empty(rule, "resources"))
    errors.push_back(
        required(path.child("resources"), "resource rules must supply at least one resource"));
  if (non_empty(rule, "resourceNames") && list(rule, "resources").size() > 1)
    errors.push_back(
        required(path.child("resourceNames"), "resource names cannot apply to multiple resources"));
  return errors;
}

error_list aggregation_rule(const json& role) {
  const json* rule = member(role, "aggregationRule");
  if (rule == nullptr) return {};
  auto path = field_path("aggregationRule").child("clusterRoleSelectors");
  const json& selectors = list(*rule, "clusterRoleSelectors");
  if (selectors.empty())
    return {
        required(path, "at least one clusterRoleSelector required if aggregationRule is non-nil")};
  error_list errors;
  for (std::size_t i = 0; i < selectors.size(); ++i)
    append(errors, label_selector(&selectors[i], path.index(i)));
  return errors;
}

error_list subject(const json& entry, bool namespaced, const field_path& path) {
  error_list errors;
  auto name = text(entry, "name");
  auto group = text(entry, "apiGroup");
  auto kind = text(entry, "kind");
  if (name.empty()) errors.push_back(required(path.child("name")));
  if (kind == "ServiceAccount") {
    if (!name.empty())
      append_invalid(errors, path.child("name"), go_quote(name),
                     dns_subdomain_name_errors(name, name_form::name));
    if (!group.empty())
      errors.push_back(not_supported(path.child("apiGroup"), go_quote(group), {""}));
    if (!namespaced && text(entry, "namespace").empty())
      errors.push_back(required(path.child("namespace")));
  } else if (kind == "User" || kind == "Group") {
    if (name.empty())
      errors.push_back(
          invalid(path.child("name"), "\"\"",
                  kind == "User" ? "user name cannot be empty" : "group name cannot be empty"));
    if (group != rbac_group)
      errors.push_back(not_supported(path.child("apiGroup"), go_quote(group), {rbac_group}));
  } else {
    errors.push_back(
        not_supported(path.child("kind"), go_quote(kind), {"ServiceAccount", "User", "Group"}));
  }
  return errors;
}

std::string go_role_ref(const json& reference) {
  return "rbac.RoleRef{APIGroup:" + go_quote(text(reference, "apiGroup")) +
         ", Kind:" + go_quote(text(reference, "kind")) +
         ", Name:" + go_quote(text(reference, "name")) + "}";
}

}  // namespace

error_list validate_role(const json& object, bool cluster) {
  error_list errors = validate_object_meta(object, rules_for(cluster));
  const json& rules = list(object, "rules");
  for (std::size_t i = 0; i < rules.size(); ++i)
    append(errors, policy_rule(rules[i], !cluster, field_path("rules").index(i)));
  if (cluster) append(errors, aggregation_rule(object));
  return errors;
}

error_list validate_role_update(const json& object, const json& old, bool cluster) {
  error_list errors = validate_role(object, cluster);
  append(errors, validate_object_meta_update(object, old, rules_for(cluster)));
  return errors;
}

error_list validate_role_binding(const json& object, bool cluster) {
  error_list errors = validate_object_meta(object, rules_for(cluster));
  const json& reference = dictionary(object, "roleRef");
  auto ref_path = field_path("roleRef");
  auto group = text(reference, "apiGroup");
  if (group != rbac_group)
    errors.push_back(not_supported(ref_path.child("apiGroup"), go_quote(group), {rbac_group}));
  auto kind = text(reference, "kind");
  if (cluster && kind != "ClusterRole")
    errors.push_back(not_supported(ref_path.child("kind"), go_quote(kind), {"ClusterRole"}));
  if (!cluster && kind != "Role" && kind != "ClusterRole")
    errors.push_back(
        not_supported(ref_path.child("kind"), go_quote(kind), {"Role", "ClusterRole"}));
  auto name = text(reference, "name");
  if (name.empty())
    errors.push_back(required(ref_path.child("name")));
  else
    append_invalid(errors, ref_path.child("name"), go_quote(name), path_segment_messages(name));
  const json& subjects = list(object, "subjects");
  for (std::size_t i = 0; i < subjects.size(); ++i)
    append(errors, subject(subjects[i], !cluster, field_path("subjects").index(i)));
  return errors;
}

error_list validate_role_binding_update(const json& object, const json& old, bool cluster) {
  error_list errors = validate_role_binding(object, cluster);
  append(errors, validate_object_meta_update(object, old, rules_for(cluster)));
  const json& reference = dictionary(object, "roleRef");
  const json& old_reference = dictionary(old, "roleRef");
  for (const char* key : {"apiGroup", "kind", "name"})
    if (text(reference, key) != text(old_reference, key)) {
      errors.push_back(
          invalid(field_path("roleRef"), go_role_ref(reference), "cannot change roleRef"));
      break;
    }
  return errors;
}

}  // namespace troupe::api::validation
