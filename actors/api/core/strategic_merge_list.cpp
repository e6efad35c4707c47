#include "actors/api/core/strategic_merge_list.hpp"

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

namespace troupe::api::smp {

const field_patch_meta* position::field(std::string_view name) const {
  if (schema == nullptr || !node) return nullptr;
  return schema->find_field(*node, name);
}

position position::member(std::string_view name, const field_patch_meta* meta) const {
  std::string child = path.empty() ? std::string(name) : path + "." + std::string(name);
  return {schema, meta ? meta->node : std::nullopt, std::move(child)};
}

patch_error position::error(patch_error_kind kind, std::string_view message) const {
  if (path.empty()) return {kind, std::string(message)};
  return {kind, path + ": " + std::string(message)};
}

namespace {

bool is_directive_key(std::string_view key) {
  return key == patch_directive || key == retain_keys_directive ||
         key.starts_with(set_element_order_prefix) ||
         key.starts_with(delete_from_primitive_list_prefix);
}

// A short rendering of a value for error messages.
std::string shown(const json& value) {
  constexpr std::size_t shown_chars_max = 120;
  std::string text = value.dump();
  if (text.size() > shown_chars_max) text = text.substr(0, shown_chars_max) + "...";
  return text;
}

// Go's reflect types as kube compares them: all JSON numbers are float64.
int type_class(const json& value) {
  return value.is_number() ? static_cast<int>(json::value_t::number_float)
                           : static_cast<int>(value.type());
}

step check_element_types(const json& first, const json& second, const position& where) {
  std::optional<int> seen;
  for (const json* list : {&first, &second}) {
    for (const auto& item : *list) {
      if (item.is_array())
        return where.error(patch_error_kind::bad_request, "lists of lists are not supported");
      int item_class = type_class(item);
      if (seen && *seen != item_class) {
        return where.error(patch_error_kind::unprocessable,
                           "list elements are not all of one type");
      }
      seen = item_class;
    }
  }
  return std::nullopt;
}

bool holds_objects(const json& first, const json& second) {
  if (!first.empty()) return first.front().is_object();
  return !second.empty() && second.front().is_object();
}

// What identifies a list item: its merge key's value, or the scalar itself.
const json* identity(const json& item, const std::string& merge_key) {
  if (merge_key.empty()) return &item;
  if (!item.is_object()) return nullptr;
  auto found = item.find(merge_key);
  return found == item.end() ? nullptr : &*found;
}

std::optional<std::size_t> index_of(const json& list, const json& item,
                                    const std::string& merge_key) {
  const json* wanted = identity(item, merge_key);
  if (wanted == nullptr) return std::nullopt;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json* candidate = identity(list[i], merge_key);
    if (candidate != nullptr && *candidate == *wanted) return i;
  }
  return std::nullopt;
}

step require_merge_key(const json& list, const std::string& merge_key, const position& where) {
  for (const auto& item : list) {
    if (identity(item, merge_key) == nullptr) {
      return where.error(
          patch_error_kind::unprocessable,
          "element " + shown(item) + " does not contain the merge key \"" + merge_key + "\"");
    }
  }
  return std::nullopt;
}

position element_position(const position& list, const json& item, const std::string& merge_key) {
  const json* key = identity(item, merge_key);
  std::string label = key == nullptr     ? shown(item)
                      : key->is_string() ? key->get<std::string>()
                                         : key->dump();
  return {list.schema, list.node, list.path + "[" + merge_key + "=" + label + "]"};
}

// kube's normalizeSliceOrder: a stable sort by position in `order`.
void sort_by(std::vector<json>& items, const json& order, const std::string& merge_key) {
  std::vector<std::pair<long, std::size_t>> keys;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto at = index_of(order, items[i], merge_key);
    keys.emplace_back(at ? static_cast<long>(*at) : -1L, i);
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& left, const auto& right) { return left.first < right.first; });
  std::vector<json> sorted;
  sorted.reserve(items.size());
  for (const auto& key : keys) sorted.push_back(std::move(items[key.second]));
  items = std::move(sorted);
}

// kube's mergeSortedSlice: interleaves server-only items into patch items by
// their positions in the live list; an item absent from it wins at once.
json interleave(std::vector<json>& server_only, std::vector<json>& patch_items,
                const json& server_order, const std::string& merge_key) {
  json merged = json::array();
  std::size_t left = 0, right = 0;
  while (left < server_only.size() || right < patch_items.size()) {
    bool take_left = right >= patch_items.size();
    if (!take_left && left < server_only.size()) {
      auto left_at = index_of(server_order, server_only[left], merge_key);
      auto right_at = index_of(server_order, patch_items[right], merge_key);
      take_left = left_at && right_at && *left_at < *right_at;
    }
    merged.push_back(std::move(take_left ? server_only[left++] : patch_items[right++]));
  }
  return merged;
}

// kube's partition + normalizeElementOrder.
json ordered(json merged, const json& patch_order, const json& server_order,
             const std::string& merge_key) {
  std::vector<json> patch_items, server_only;
  for (auto& item : merged) {
    auto& side = index_of(patch_order, item, merge_key) ? patch_items : server_only;
    side.push_back(std::move(item));
  }
  sort_by(patch_items, patch_order, merge_key);
  sort_by(server_only, server_order, merge_key);
  return interleave(server_only, patch_items, server_order, merge_key);
}

json merged_scalars(const json& original, const json& patch) {
  json merged = json::array();
  for (const json* list : {&original, &patch}) {
    for (const auto& item : *list) {
      if (!index_of(merged, item, "")) merged.push_back(item);
    }
  }
  return ordered(std::move(merged), patch, original, "");
}

// Applies "$patch" elements to `working`; the others go to `plain`.
step apply_list_directives(json& working, json& plain, const json& patch, const position& where,
                           const std::string& merge_key) {
  bool replace = false;
  for (const auto& item : patch) {
    auto directive = item.find(patch_directive);
    if (directive == item.end()) {
      plain.push_back(item);
    } else if (*directive == "delete") {
      const json* key = identity(item, merge_key);
      if (key == nullptr) {
        return where.error(patch_error_kind::unprocessable,
                           "a $patch: delete element needs the merge key \"" + merge_key + "\"");
      }
      json kept = json::array();
      for (auto& live : working) {
        const json* live_key = identity(live, merge_key);
        if (live_key == nullptr || *live_key != *key) kept.push_back(std::move(live));
      }
      working = std::move(kept);
    } else if (*directive == "replace") {
      replace = true;
    } else if (*directive == "merge") {
      return where.error(patch_error_kind::bad_request,
                         "merging lists cannot yet be specified in the patch");
    } else {
      return where.error(patch_error_kind::bad_request,
                         "unknown patch type " + shown(*directive) + " in a list");
    }
  }
  if (replace) {
    working = json::array();
    for (auto& item : plain) {
      if (strip_directives(item)) working.push_back(std::move(item));
    }
    plain = json::array();
  }
  return std::nullopt;
}

step merge_object_list(json& original, const json& patch, const position& where,
                       const std::string& merge_key) {
  if (merge_key.empty()) {
    return where.error(patch_error_kind::unprocessable,
                       "cannot merge a list of objects without a merge key");
  }
  json plain = json::array();
  if (auto error = apply_list_directives(original, plain, patch, where, merge_key)) return error;
  if (auto error = require_merge_key(plain, merge_key, where)) return error;
  json server_order = original;
  for (const auto& item : plain) {
    if (auto at = index_of(original, item, merge_key)) {
      if (auto error = merge_map(original[*at], item, element_position(where, item, merge_key))) {
        return error;
      }
    } else {
      json added = item;
      if (strip_directives(added)) original.push_back(std::move(added));
    }
  }
  if (auto error = require_merge_key(original, merge_key, where)) return error;
  if (auto error = require_merge_key(server_order, merge_key, where)) return error;
  original = ordered(std::move(original), plain, server_order, merge_key);
  return std::nullopt;
}

// kube's validatePatchWithSetOrderList: the patch's items (deletions and
// directive elements aside) appear in $setElementOrder in the same order.
step check_order_matches(const json* patch_list, const json& order, const std::string& merge_key,
                         const position& where) {
  if (patch_list == nullptr || patch_list->empty() || order.empty()) return std::nullopt;
  std::vector<const json*> kept;
  for (const auto& item : *patch_list) {
    if (!merge_key.empty() && item.is_object() && item.value(patch_directive, json()) == "delete") {
      continue;
    }
    kept.push_back(&item);
  }
  std::size_t patch_index = 0, order_index = 0;
  while (patch_index < kept.size() && order_index < order.size()) {
    const json& item = *kept[patch_index];
    if (item.is_object() && item.contains(patch_directive)) {
      ++patch_index;
      continue;
    }
    const json* item_key = identity(item, merge_key);
    const json* order_key = identity(order[order_index], merge_key);
    if (item_key == nullptr || order_key == nullptr) {
      return where.error(patch_error_kind::unprocessable,
                         "$setElementOrder and the patch list need the merge key \"" + merge_key +
                             "\" in every element");
    }
    if (*item_key == *order_key) ++patch_index;
    ++order_index;
  }
  if (patch_index < kept.size()) {
    return where.error(patch_error_kind::bad_request,
                       "the order in the patch list does not match its $setElementOrder list");
  }
  return std::nullopt;
}

}  // namespace

bool strip_directives(json& value) {
  if (value.is_object()) {
    if (value.contains(patch_directive)) return false;
    for (auto it = value.begin(); it != value.end();) {
      if (it->is_null() || is_directive_key(it.key()) || !strip_directives(*it)) {
        it = value.erase(it);
      } else {
        ++it;
      }
    }
  } else if (value.is_array()) {
    json kept = json::array();
    for (auto& item : value) {
      if (strip_directives(item)) kept.push_back(std::move(item));
    }
    value = std::move(kept);
  }
  return true;
}

step merge_list(json& original, const json& patch, const position& where,
                const std::string& merge_key) {
  if (original.empty() && patch.empty()) return std::nullopt;
  if (auto error = check_element_types(original, patch, where)) return error;
  if (holds_objects(original, patch)) return merge_object_list(original, patch, where, merge_key);
  original = merged_scalars(original, patch);
  return std::nullopt;
}

step delete_from_primitive_list(json& original, const json& values, const position& where) {
  if (!values.is_array()) {
    return where.error(patch_error_kind::bad_request, "$deleteFromPrimitiveList needs a list");
  }
  if (auto error = check_element_types(original, values, where)) return error;
  if (holds_objects(original, values)) {
    return where.error(patch_error_kind::bad_request,
                       "$deleteFromPrimitiveList applies only to lists of scalars");
  }
  json kept = json::array();
  for (const auto& item : original) {
    if (!index_of(values, item, "")) kept.push_back(item);
  }
  original = std::move(kept);
  return std::nullopt;
}

step apply_set_element_order(json& original, const json& patch, std::string_view name,
                             const json& order, const position& where) {
  const field_patch_meta* meta = where.field(name);
  position list = where.member(name, meta);
  if (!order.is_array()) {
    return list.error(patch_error_kind::bad_request, "$setElementOrder needs a list");
  }
  auto live = original.find(name);
  auto patched = patch.find(name);
  const json* live_list = live == original.end() ? nullptr : &*live;
  const json* patch_list = patched == patch.end() ? nullptr : &*patched;
  if ((live_list && !live_list->is_array()) || (patch_list && !patch_list->is_array())) {
    return list.error(patch_error_kind::unprocessable, "$setElementOrder applies only to lists");
  }
  if (!live_list && !patch_list) return std::nullopt;
  json server_order = live_list ? *live_list : json::array();
  json patch_items = patch_list ? *patch_list : json::array();
  if (auto error = check_element_types(server_order, patch_items, list)) return error;
  bool objects = holds_objects(server_order, patch_items);
  std::string merge_key = objects && meta ? meta->merge_key : "";
  if (objects && merge_key.empty()) {
    return list.error(patch_error_kind::unprocessable,
                      "cannot order a list of objects without a merge key");
  }
  if (auto error = check_order_matches(patch_list, order, merge_key, list)) return error;
  json merged = server_order;
  if (patch_list && meta && meta->strategy == patch_strategy::merge) {
    if (auto error = merge_list(merged, *patch_list, list, merge_key)) return error;
  } else if (patch_list) {
    merged = *patch_list;
    strip_directives(merged);
  }
  if (objects) {
    for (const json* each : std::initializer_list<const json*>{&merged, &order, &server_order}) {
      if (auto error = require_merge_key(*each, merge_key, list)) return error;
    }
  }
  original[std::string(name)] = ordered(std::move(merged), order, server_order, merge_key);
  return std::nullopt;
}

}  // namespace troupe::api::smp
