#include "actors/api/core/validation/pod_scheduling.hpp"

#include <map>
#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/selector_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/labels.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

error_list toleration(const json& entry, const field_path& path) {
  error_list errors;
  auto key = text(entry, "key");
  auto op = text(entry, "operator");
  auto value = text(entry, "value");
  auto effect = text(entry, "effect");
  if (!key.empty()) append(errors, qualified_name(key, path.child("key")));
  if (key.empty() && op != "Exists")
    errors.push_back(
        invalid(path.child("operator"), go_quote(op),
                "operator must be Exists when `key` is empty, which means \"match all values "
                "and all keys\""));
  if (present(entry, "tolerationSeconds") && effect != "NoExecute")
    errors.push_back(invalid(path.child("effect"), go_quote(effect),
                             "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  if (op == "Equal" || op.empty()) {
    auto messages = validate_label_value(value);
    if (!messages.empty())
      errors.push_back(
          invalid(path.child("operator"), go_quote(value), join_messages(messages, ";")));
  } else if (op == "Exists") {
    if (!value.empty())
      errors.push_back(invalid(path.child("operator"), go_quote(value),
                               "value must be empty when `operator` is 'Exists'"));
  } else {
    errors.push_back(not_supported(path.child("operator"), go_quote(op), {"Equal", "Exists"}));
  }
  if (!effect.empty()) append(errors, taint_effect(effect, true, path.child("effect")));
  return errors;
}

error_list node_requirement(const json& requirement, bool allow_invalid_values,
                            const field_path& path) {
  error_list errors;
  auto op = text(requirement, "operator");
  const json& values = list(requirement, "values");
  if (op == "In" || op == "NotIn") {
    if (values.empty())
      errors.push_back(
          required(path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (op == "Exists" || op == "DoesNotExist") {
    if (!values.empty())
      errors.push_back(
          forbidden(path.child("values"),
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else if (op == "Gt" || op == "Lt") {
    if (values.size() != 1)
      errors.push_back(required(path.child("values"),
                                "must be specified single value when `operator` is 'Lt' or 'Gt'"));
  } else {
    errors.push_back(
        invalid(path.child("operator"), go_quote(op), "not a valid selector operator"));
  }
  append(errors, qualified_name(text(requirement, "key"), path.child("key")));
  if (allow_invalid_values) return errors;
  for (std::size_t i = 0; i < values.size(); ++i)
    append_invalid(errors, path.child("values").index(i), go_quote(text_at(values, i)),
                   validate_label_value(text_at(values, i)));
  return errors;
}

error_list node_field_requirement(const json& requirement, const field_path& path) {
  error_list errors;
  auto op = text(requirement, "operator");
  const json& values = list(requirement, "values");
  if (op == "In" || op == "NotIn") {
    if (values.size() != 1)
      errors.push_back(required(
          path.child("values"),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errors.push_back(
        invalid(path.child("operator"), go_quote(op), "not a valid selector operator"));
  }
  auto key = text(requirement, "key");
  if (key != "metadata.name") {
    errors.push_back(invalid(path.child("key"), go_quote(key), "not a valid field selector key"));
    return errors;
  }
  for (std::size_t i = 0; i < values.size(); ++i)
    append_invalid(errors, path.child("values").index(i), go_quote(text_at(values, i)),
                   dns_subdomain_name_errors(text_at(values, i), name_form::name));
  return errors;
}

error_list node_selector_term(const json& term, bool allow_invalid_values, const field_path& path) {
  error_list errors;
  const json& expressions = list(term, "matchExpressions");
  for (std::size_t i = 0; i < expressions.size(); ++i)
    append(errors, node_requirement(expressions[i], allow_invalid_values,
                                    path.child("matchExpressions").index(i)));
  const json& fields = list(term, "matchFields");
  for (std::size_t i = 0; i < fields.size(); ++i)
    append(errors, node_field_requirement(fields[i], path.child("matchFields").index(i)));
  return errors;
}

error_list weight(const json& entry, const field_path& path) {
  auto value = integer_or_zero(entry, "weight");
  if (value > 0 && value <= 100) return {};
  return {invalid(path.child("weight"), std::to_string(value), "must be in the range 1-100")};
}

error_list label_keys(const json& keys, const json* selector, const field_path& path) {
  if (!keys.is_array() || keys.empty()) return {};
  if (selector == nullptr)
    return {forbidden(path, "must not be specified when labelSelector is not set")};
  error_list errors;
  for (std::size_t i = 0; i < keys.size(); ++i)
    append(errors, qualified_name(text_at(keys, i), path.index(i)));
  return errors;
}

error_list pod_affinity_term(const json& term, const field_path& path) {
  const json* selector = member(term, "labelSelector");
  error_list errors = label_selector(selector, path.child("labelSelector"));
  append(errors,
         label_selector(member(term, "namespaceSelector"), path.child("namespaceSelector")));
  for (const auto& name : list(term, "namespaces")) {
    auto text_name = name.is_string() ? name.get<std::string>() : std::string();
    append_invalid(errors, path.child("namespace"), go_quote(text_name),
                   namespace_name_messages(text_name));
  }
  const json& match_keys = list(term, "matchLabelKeys");
  const json& mismatch_keys = list(term, "mismatchLabelKeys");
  append(errors, label_keys(match_keys, selector, path.child("matchLabelKeys")));
  append(errors, label_keys(mismatch_keys, selector, path.child("mismatchLabelKeys")));
  std::set<std::string> mismatch;
  for (std::size_t i = 0; i < mismatch_keys.size(); ++i) mismatch.insert(text_at(mismatch_keys, i));
  for (std::size_t i = 0; i < match_keys.size(); ++i)
    if (mismatch.count(text_at(match_keys, i)) != 0)
      errors.push_back(invalid(path.child("matchLabelKeys").index(i),
                               go_quote(text_at(match_keys, i)),
                               "exists in both matchLabelKeys and mismatchLabelKeys"));
  auto topology_key = text(term, "topologyKey");
  if (topology_key.empty())
    errors.push_back(required(path.child("topologyKey"), "can not be empty"));
  append(errors, qualified_name(topology_key, path.child("topologyKey")));
  return errors;
}

error_list pod_affinity(const json& value, const field_path& path) {
  error_list errors;
  const json& hard = list(value, "requiredDuringSchedulingIgnoredDuringExecution");
  for (std::size_t i = 0; i < hard.size(); ++i)
    append(errors,
           pod_affinity_term(
               hard[i], path.child("requiredDuringSchedulingIgnoredDuringExecution").index(i)));
  const json& soft = list(value, "preferredDuringSchedulingIgnoredDuringExecution");
  for (std::size_t i = 0; i < soft.size(); ++i) {
    auto at = path.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
    append(errors, weight(soft[i], at));
    append(errors,
           pod_affinity_term(dictionary(soft[i], "podAffinityTerm"), at.child("podAffinityTerm")));
  }
  return errors;
}

error_list node_affinity(const json& value, const field_path& path) {
  error_list errors;
  if (const json* hard = member(value, "requiredDuringSchedulingIgnoredDuringExecution"))
    append(errors, node_selector(*hard, false,
                                 path.child("requiredDuringSchedulingIgnoredDuringExecution")));
  const json& soft = list(value, "preferredDuringSchedulingIgnoredDuringExecution");
  for (std::size_t i = 0; i < soft.size(); ++i) {
    auto at = path.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
    append(errors, weight(soft[i], at));
    append(errors,
           node_selector_term(dictionary(soft[i], "preference"), true, at.child("preference")));
  }
  return errors;
}

}  // namespace

error_list tolerations(const json& entries, const field_path& path) {
  error_list errors;
  for (std::size_t i = 0; entries.is_array() && i < entries.size(); ++i)
    append(errors, toleration(entries[i], path.index(i)));
  return errors;
}

error_list taint_effect(const std::string& effect, bool allow_empty, const field_path& path) {
  if (!allow_empty && effect.empty()) return {required(path)};
  if (effect == "NoSchedule" || effect == "PreferNoSchedule" || effect == "NoExecute") return {};
  return {not_supported(path, go_quote(effect), {"NoSchedule", "PreferNoSchedule", "NoExecute"})};
}

error_list node_selector(const json& selector, bool allow_invalid_values, const field_path& path) {
  const json& terms = list(selector, "nodeSelectorTerms");
  auto terms_path = path.child("nodeSelectorTerms");
  if (terms.empty()) return {required(terms_path, "must have at least one node selector term")};
  error_list errors;
  for (std::size_t i = 0; i < terms.size(); ++i)
    append(errors, node_selector_term(terms[i], allow_invalid_values, terms_path.index(i)));
  return errors;
}

error_list affinity(const json* value, const field_path& path) {
  if (value == nullptr) return {};
  error_list errors;
  if (const json* node = member(*value, "nodeAffinity"))
    append(errors, node_affinity(*node, path.child("nodeAffinity")));
  if (const json* pod = member(*value, "podAffinity"))
    append(errors, pod_affinity(*pod, path.child("podAffinity")));
  if (const json* anti = member(*value, "podAntiAffinity"))
    append(errors, pod_affinity(*anti, path.child("podAntiAffinity")));
  return errors;
}

}  // namespace troupe::api::validation
