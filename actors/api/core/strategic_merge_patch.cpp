#include "actors/api/core/strategic_merge_patch.hpp"

#include <set>
#include <string>
#include <utility>

#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/strategic_merge_list.hpp"

namespace troupe::api {
namespace smp {
namespace {

// "<prefix>/<field>" -> field; nothing when the slash or the field is missing.
std::optional<std::string> directive_field(const std::string& key, std::string_view prefix) {
  if (key.size() <= prefix.size() + 1 || key[prefix.size()] != '/') return std::nullopt;
  return key.substr(prefix.size() + 1);
}

bool same_json_type(const json& left, const json& right) {
  return (left.is_number() && right.is_number()) || left.type() == right.type();
}

bool names_key(const json& list, const std::string& key) {
  for (const auto& name : list) {
    if (name.is_string() && name.get_ref<const std::string&>() == key) return true;
  }
  return false;
}

// kube's applyRetainKeysDirective.
step apply_retain_keys(json& original, const json& patch, const json& retained,
                       const position& where) {
  if (!retained.is_array()) {
    return where.error(patch_error_kind::bad_request, "$retainKeys needs a list of field names");
  }
  for (const auto& [key, value] : patch.items()) {
    if (value.is_null() || key == retain_keys_directive ||
        key.starts_with(delete_from_primitive_list_prefix) ||
        key.starts_with(set_element_order_prefix)) {
      continue;
    }
    if (!names_key(retained, key)) {
      return where.error(patch_error_kind::unprocessable,
                         "\"" + key + "\" is in the patch but not in its $retainKeys list");
    }
  }
  for (auto it = original.begin(); it != original.end();) {
    it = names_key(retained, it.key()) ? std::next(it) : original.erase(it);
  }
  return std::nullopt;
}

// Stores `value` where nothing live can be merged with it.
void store_fresh(json& original, const std::string& name, const json& value) {
  json fresh = value;
  if (strip_directives(fresh)) {
    original[name] = std::move(fresh);
  } else {
    original.erase(name);
  }
}

step merge_member(json& original, const std::string& name, const json& value, bool deletion,
                  const position& where) {
  if (value.is_null()) {
    original.erase(name);
    return std::nullopt;
  }
  auto live = original.find(name);
  if (live == original.end() || !same_json_type(*live, value)) {
    if (!deletion) store_fresh(original, name, value);
    return std::nullopt;
  }
  const field_patch_meta* meta = where.field(name);
  position here = where.member(name, meta);
  bool merge_strategy = meta && meta->strategy == patch_strategy::merge;
  if (deletion) {
    if (!live->is_array() || !merge_strategy) {
      return here.error(patch_error_kind::bad_request,
                        "$deleteFromPrimitiveList applies only to lists with merge strategy");
    }
    return delete_from_primitive_list(*live, value, here);
  }
  if (live->is_object()) {
    if (meta && meta->strategy == patch_strategy::replace) {
      json replacement = value;
      replacement.erase(std::string(patch_directive));
      strip_directives(replacement);
      *live = std::move(replacement);
      return std::nullopt;
    }
    return merge_map(*live, value, here);
  }
  if (live->is_array() && merge_strategy) return merge_list(*live, value, here, meta->merge_key);
  store_fresh(original, name, value);
  return std::nullopt;
}

step apply_map_directive(json& original, const json& patch, const json& directive,
                         const position& where) {
  if (directive == "replace") {
    json replacement = patch;
    replacement.erase(std::string(patch_directive));
    strip_directives(replacement);
    original = std::move(replacement);
    return std::nullopt;
  }
  if (directive == "delete") {
    original = json::object();
    return std::nullopt;
  }
  return where.error(patch_error_kind::bad_request,
                     "unknown patch type " + directive.dump() +
                         " in a map (only \"replace\" and \"delete\" are accepted)");
}

}  // namespace

// kube's mergeMap: $patch, then $retainKeys, then $setElementOrder lists,
// then every other member (nlohmann orders members by name, so
// "$deleteFromPrimitiveList/x" is applied before additions to "x").
step merge_map(json& original, const json& patch, const position& where) {
  if (auto directive = patch.find(patch_directive); directive != patch.end()) {
    return apply_map_directive(original, patch, *directive, where);
  }
  if (auto retained = patch.find(retain_keys_directive); retained != patch.end()) {
    if (auto error = apply_retain_keys(original, patch, *retained, where)) return error;
  }
  std::set<std::string> ordered_lists;
  for (const auto& [key, value] : patch.items()) {
    if (!key.starts_with(set_element_order_prefix)) continue;
    auto name = directive_field(key, set_element_order_prefix);
    if (!name) return where.error(patch_error_kind::bad_request, "malformed directive " + key);
    if (auto error = apply_set_element_order(original, patch, *name, value, where)) return error;
    ordered_lists.insert(*name);
  }
  for (const auto& [key, value] : patch.items()) {
    if (key == retain_keys_directive || key.starts_with(set_element_order_prefix)) continue;
    bool deletion = key.starts_with(delete_from_primitive_list_prefix);
    std::string name = key;
    if (deletion) {
      auto field = directive_field(key, delete_from_primitive_list_prefix);
      if (!field) return where.error(patch_error_kind::bad_request, "malformed directive " + key);
      name = *field;
    } else if (ordered_lists.contains(name)) {
      continue;
    }
    if (auto error = merge_member(original, name, value, deletion, where)) return error;
  }
  return std::nullopt;
}

}  // namespace smp

patch_result<nlohmann::json> apply_strategic_merge_patch(const nlohmann::json& original,
                                                         const nlohmann::json& patch,
                                                         const patch_schema& schema) {
  if (!original.is_object()) {
    return patch_error{patch_error_kind::bad_request, "the object to patch must be a JSON object"};
  }
  if (!patch.is_object()) {
    return patch_error{patch_error_kind::bad_request,
                       "a strategic merge patch must be a JSON object"};
  }
  if (auto error = check_depth(original, "the object")) return *error;
  if (auto error = check_depth(patch, "the patch")) return *error;
  try {
    nlohmann::json result = original;
    smp::position root{&schema, patch_schema::root, ""};
    if (auto error = smp::merge_map(result, patch, root)) return *error;
    return result;
  } catch (const std::exception& error) {
    return patch_error{patch_error_kind::unprocessable, error.what()};
  }
}

patch_result<nlohmann::json> apply_strategic_merge_patch(const nlohmann::json& original,
                                                         const nlohmann::json& patch,
                                                         std::string_view api_version,
                                                         std::string_view kind) {
  const patch_schema* schema = find_builtin_patch_schema(api_version, kind);
  if (schema == nullptr) {
    return patch_error{patch_error_kind::unsupported_media_type,
                       "strategic merge patch is not supported for " + std::string(kind)};
  }
  return apply_strategic_merge_patch(original, patch, *schema);
}

}  // namespace troupe::api
