// Namespaces and Nodes.
#include <set>

#include "actors/api/core/validation/cluster_validation.hpp"
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/pod_scheduling.hpp"
#include "actors/api/core/validation/resource_rules.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/labels.hpp"

namespace troupe::api::validation {

namespace {

const meta_rules namespace_rules{false, &dns_label_name_errors, true};
const meta_rules node_rules{false, &dns_subdomain_name_errors, true};

// ValidateNodeResources: capacity and allocatable quantities, reported at
// status.capacity.<name> (kube uses child paths here).
error_list node_resources(const json& node) {
  error_list errors;
  const json& status = dictionary(node, "status");
  for (const char* group : {"capacity", "allocatable"}) {
    const json& amounts = dictionary(status, group);
    for (auto it = amounts.begin(); it != amounts.end(); ++it)
      append(errors, resource_quantity(it.key(), it.value(),
                                       field_path("status").child(group).child(it.key())));
  }
  return errors;
}

error_list pod_cidrs(const json& spec) {
  error_list errors;
  const json& cidrs = list(spec, "podCIDRs");
  auto path = field_path("spec").child("podCIDRs");
  for (std::size_t i = 0; i < cidrs.size(); ++i)
    append(errors,
           cidr_errors(cidrs[i].is_string() ? cidrs[i].get<std::string>() : "", path.index(i)));
  if (cidrs.size() <= 1) return errors;
  int v4 = 0, v6 = 0;
  for (const auto& cidr : cidrs) {
    auto text_value = cidr.is_string() ? cidr.get<std::string>() : std::string();
    auto address = parse_ip(text_value.substr(0, text_value.find('/')));
    if (address) (address->is_v4 ? v4 : v6)++;
  }
  if (v4 != 1 || v6 != 1)
    errors.push_back(invalid(path, go_string_slice(cidrs),
                             "may specify no more than one CIDR for each IP family"));
  std::set<std::string> seen;
  for (std::size_t i = 0; i < cidrs.size(); ++i) {
    auto value = cidrs[i].is_string() ? cidrs[i].get<std::string>() : std::string();
    if (!seen.insert(value).second) errors.push_back(duplicate(path.index(i), go_quote(value)));
  }
  return errors;
}

}  // namespace

error_list validate_namespace(const json& object) {
  error_list errors = validate_object_meta(object, namespace_rules);
  auto path = field_path("spec").child("finalizers");
  for (const auto& finalizer : list(dictionary(object, "spec"), "finalizers")) {
    auto name = finalizer.is_string() ? finalizer.get<std::string>() : std::string();
    append_invalid(errors, path, go_quote(name), validate_qualified_name(name));
    bool standard = name == "kubernetes" || name == "orphan" || name == "foregroundDeletion";
    if (name.find('/') == std::string::npos && !standard)
      errors.push_back(
          invalid(path, go_quote(name),
                  "name is neither a standard finalizer name nor is it fully qualified"));
  }
  return errors;
}

error_list validate_namespace_update(const json& object, const json& old) {
  return validate_object_meta_update(object, old, namespace_rules);
}

error_list validate_namespace_status_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, namespace_rules);
  auto phase = text(dictionary(object, "status"), "phase");
  auto path = field_path("status").child("Phase");
  bool deleting = present(dictionary(object, "metadata"), "deletionTimestamp");
  if (!deleting && phase != "Active")
    errors.push_back(
        invalid(path, go_quote(phase), "may only be 'Active' if `deletionTimestamp` is empty"));
  if (deleting && phase != "Terminating")
    errors.push_back(invalid(path, go_quote(phase),
                             "may only be 'Terminating' if `deletionTimestamp` is not empty"));
  return errors;
}

error_list validate_node(const json& object) {
  error_list errors = validate_object_meta(object, node_rules);
  const json& spec = dictionary(object, "spec");
  if (non_empty(spec, "taints"))
    append(errors, node_taints(list(spec, "taints"), field_path("metadata").child("taints")));
  append(errors, node_resources(object));
  append(errors, pod_cidrs(spec));
  return errors;
}

error_list validate_node_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, node_rules);
  append(errors, node_resources(object));
  const json& addresses = list(dictionary(object, "status"), "addresses");
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    auto type = text(addresses[i], "type");
    auto address = text(addresses[i], "address");
    if (!seen.insert({type, address}).second)
      errors.push_back(duplicate(
          field_path("status").child("addresses").index(i),
          "core.NodeAddress{Type:" + go_quote(type) + ", Address:" + go_quote(address) + "}"));
  }
  const json& spec = dictionary(object, "spec");
  const json& old_spec = dictionary(old, "spec");
  const json& cidrs = list(spec, "podCIDRs");
  const json& old_cidrs = list(old_spec, "podCIDRs");
  const char* cidr_message = "node updates may not change podCIDR except from \"\" to valid";
  if (!old_cidrs.empty() && old_cidrs.size() != cidrs.size())
    errors.push_back(forbidden(field_path("spec").child("podCIDRs"), cidr_message));
  else if (!old_cidrs.empty())
    for (std::size_t i = 0; i < old_cidrs.size(); ++i)
      if (old_cidrs[i] != cidrs[i])
        errors.push_back(forbidden(field_path("spec").child("podCIDRs"), cidr_message));
  auto provider = text(old_spec, "providerID");
  if (!provider.empty() && provider != text(spec, "providerID"))
    errors.push_back(forbidden(field_path("spec").child("providerID"),
                               "node updates may not change providerID except from \"\" to valid"));
  if (non_empty(spec, "taints"))
    append(errors, node_taints(list(spec, "taints"), field_path("metadata").child("taints")));
  if (text(spec, "externalID") != text(old_spec, "externalID"))
    errors.push_back(forbidden(field_path("spec").child("externalID"), "may not be updated"));
  return errors;
}

}  // namespace troupe::api::validation
