// Topology spread constraints, DNS config, host aliases, readiness and
// scheduling gates, and node taints (the rest of pod_scheduling.hpp).
#include <map>
#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_scheduling.hpp"
#include "actors/api/core/validation/selector_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/labels.hpp"

namespace troupe::api::validation {

namespace {

constexpr std::size_t dns_nameservers_max = 3;
constexpr std::size_t dns_search_paths_max = 32;
constexpr std::size_t dns_search_list_bytes_max = 2048;

error_list node_inclusion_policy(const json& constraint, const char* key, const field_path& path) {
  const json* policy = member(constraint, key);
  if (policy == nullptr) return {};
  auto value = policy->is_string() ? policy->get<std::string>() : std::string();
  if (value == "Honor" || value == "Ignore") return {};
  return {not_supported(path.child(key), go_quote(value), {"Honor", "Ignore"})};
}

error_list spread_match_label_keys(const json& constraint, const field_path& path) {
  const json& keys = list(constraint, "matchLabelKeys");
  if (keys.empty()) return {};
  const json* selector = member(constraint, "labelSelector");
  error_list errors;
  std::set<std::string> selector_keys;
  if (selector == nullptr)
    errors.push_back(forbidden(path, "must not be specified when labelSelector is not set"));
  else {
    for (const auto& [key, value] : string_map(dictionary(*selector, "matchLabels")))
      selector_keys.insert(key);
    for (const auto& expression : list(*selector, "matchExpressions"))
      selector_keys.insert(text(expression, "key"));
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    append(errors, qualified_name(text_at(keys, i), path.index(i)));
    if (selector_keys.count(text_at(keys, i)) != 0)
      errors.push_back(invalid(path.index(i), go_quote(text_at(keys, i)),
                               "exists in both matchLabelKeys and labelSelector"));
  }
  return errors;
}

error_list spread_constraint(const json& constraints, std::size_t index, const field_path& path) {
  const json& constraint = constraints[index];
  error_list errors;
  auto max_skew = integer_or_zero(constraint, "maxSkew");
  if (max_skew <= 0)
    errors.push_back(
        invalid(path.child("maxSkew"), std::to_string(max_skew), "must be greater than zero"));
  auto topology_key = text(constraint, "topologyKey");
  if (topology_key.empty())
    errors.push_back(required(path.child("topologyKey"), "can not be empty"));
  auto action = text(constraint, "whenUnsatisfiable");
  if (action != "DoNotSchedule" && action != "ScheduleAnyway")
    errors.push_back(not_supported(path.child("whenUnsatisfiable"), go_quote(action),
                                   {"DoNotSchedule", "ScheduleAnyway"}));
  for (std::size_t later = index + 1; later < constraints.size(); ++later) {
    if (text(constraints[later], "topologyKey") != topology_key ||
        text(constraints[later], "whenUnsatisfiable") != action)
      continue;
    errors.push_back(duplicate(path.child("{topologyKey, whenUnsatisfiable}"),
                               go_quote("{" + topology_key + ", " + action + "}")));
    break;
  }
  if (auto min_domains = integer_member(constraint, "minDomains")) {
    if (*min_domains <= 0)
      errors.push_back(invalid(path.child("minDomains"), std::to_string(*min_domains),
                               "must be greater than zero"));
    if (action != "DoNotSchedule")
      errors.push_back(
          invalid(path.child("minDomains"), std::to_string(*min_domains),
                  "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + action));
  }
  append(errors, node_inclusion_policy(constraint, "nodeAffinityPolicy", path));
  append(errors, node_inclusion_policy(constraint, "nodeTaintsPolicy", path));
  append(errors, spread_match_label_keys(constraint, path.child("matchLabelKeys")));
  append(errors, label_selector(member(constraint, "labelSelector"), path.child("labelSelector")));
  return errors;
}

}  // namespace

error_list topology_spread_constraints(const json& constraints, const field_path& path) {
  error_list errors;
  for (std::size_t i = 0; constraints.is_array() && i < constraints.size(); ++i)
    append(errors, spread_constraint(constraints, i, path.index(i)));
  return errors;
}

error_list dns_config(const json* config, const std::string& dns_policy, const field_path& path) {
  if (dns_policy == "None") {
    if (config == nullptr)
      return {required(path, "must provide `dnsConfig` when `dnsPolicy` is None")};
    if (!non_empty(*config, "nameservers"))
      return {required(path.child("nameservers"),
                       "must provide at least one DNS nameserver when `dnsPolicy` is None")};
  }
  if (config == nullptr) return {};
  error_list errors;
  const json& nameservers = list(*config, "nameservers");
  if (nameservers.size() > dns_nameservers_max)
    errors.push_back(invalid(path.child("nameservers"), go_string_slice(nameservers),
                             "must not have more than 3 nameservers"));
  for (std::size_t i = 0; i < nameservers.size(); ++i)
    append(errors, ip_errors(text_at(nameservers, i), path.child("nameservers").index(i)));
  const json& searches = list(*config, "searches");
  if (searches.size() > dns_search_paths_max)
    errors.push_back(invalid(path.child("searches"), go_string_slice(searches),
                             "must not have more than 32 search paths"));
  std::size_t joined_bytes = searches.empty() ? 0 : searches.size() - 1;
  for (std::size_t i = 0; i < searches.size(); ++i) joined_bytes += text_at(searches, i).size();
  if (joined_bytes > dns_search_list_bytes_max)
    errors.push_back(
        invalid(path.child("searches"), go_string_slice(searches),
                "must not have more than 2048 characters (including spaces) in the search list"));
  for (std::size_t i = 0; i < searches.size(); ++i) {
    auto search = text_at(searches, i);
    if (!search.empty() && search.back() == '.') search.pop_back();
    append(errors, dns1123_subdomain(search, path.child("searches").index(i)));
  }
  const json& options = list(*config, "options");
  for (std::size_t i = 0; i < options.size(); ++i)
    if (text(options[i], "name").empty())
      errors.push_back(required(path.child("options").index(i), "must not be empty"));
  return errors;
}

error_list host_aliases(const json& aliases, const field_path& path) {
  error_list errors;
  for (std::size_t i = 0; aliases.is_array() && i < aliases.size(); ++i) {
    append(errors, ip_errors(text(aliases[i], "ip"), path.index(i).child("ip")));
    const json& names = list(aliases[i], "hostnames");
    for (std::size_t j = 0; j < names.size(); ++j)
      append(errors,
             dns1123_subdomain(text_at(names, j), path.index(i).child("hostnames").index(j)));
  }
  return errors;
}

error_list readiness_gates(const json& gates, const field_path& path) {
  error_list errors;
  for (std::size_t i = 0; gates.is_array() && i < gates.size(); ++i)
    append(errors,
           qualified_name(text(gates[i], "conditionType"), path.index(i).child("conditionType")));
  return errors;
}

error_list scheduling_gates(const json& gates, const field_path& path) {
  error_list errors;
  std::set<std::string> seen;
  for (std::size_t i = 0; gates.is_array() && i < gates.size(); ++i) {
    auto name = text(gates[i], "name");
    append(errors, qualified_name(name, path.index(i)));
    if (!seen.insert(name).second) errors.push_back(duplicate(path.index(i), go_quote(name)));
  }
  return errors;
}

error_list node_taints(const json& taints, const field_path& path) {
  error_list errors;
  std::map<std::string, std::set<std::string>> unique;
  for (std::size_t i = 0; taints.is_array() && i < taints.size(); ++i) {
    const json& taint = taints[i];
    auto at = path.index(i);
    auto key = text(taint, "key");
    auto value = text(taint, "value");
    auto effect = text(taint, "effect");
    append(errors, qualified_name(key, at.child("key")));
    auto messages = validate_label_value(value);
    if (!messages.empty())
      errors.push_back(invalid(at.child("value"), go_quote(value), join_messages(messages, ";")));
    append(errors, taint_effect(effect, false, at.child("effect")));
    if (!unique[effect].insert(key).second) {
      // Go prints the pointer's address for a set timeAdded; its time is shown.
      const json* added = member(taint, "timeAdded");
      auto time_added =
          added == nullptr ? std::string("(*v1.Time)(nil)") : "(*v1.Time)(" + go_time(*added) + ")";
      auto error =
          duplicate(at, "core.Taint{Key:" + go_quote(key) + ", Value:" + go_quote(value) +
                            ", Effect:" + go_quote(effect) + ", TimeAdded:" + time_added + "}");
      error.detail = "taints must be unique by key and effect pair";
      errors.push_back(error);
    }
  }
  return errors;
}

}  // namespace troupe::api::validation
