#include "actors/api/core/validation/semantic_equal.hpp"

#include <set>
#include <string_view>
#include <variant>

#include "actors/api/core/json_limits.hpp"
#include "messages/core/quantity.hpp"

namespace troupe::api::validation {

namespace {

using nlohmann::json;

bool resource_list_key(std::string_view key) {
  return key == "requests" || key == "limits" || key == "capacity" || key == "overhead" ||
         key == "hard" || key == "used" || key == "allocatable" || key == "allocatedResources";
}

bool zero(const json& value) {
  if (value.is_null()) return true;
  if (value.is_string()) return value.get_ref<const std::string&>().empty();
  if (value.is_boolean()) return !value.get<bool>();
  if (value.is_number()) return value == 0;
  return value.empty();
}

std::optional<troupe::quantity> as_quantity(const json& value) {
  std::string text = value.is_string()   ? value.get<std::string>()
                     : value.is_number() ? value.dump()
                                         : "";
  auto parsed = troupe::parse_quantity(text);
  if (auto* amount = std::get_if<troupe::quantity>(&parsed)) return *amount;
  return std::nullopt;
}

const json& member_or_null(const json& object, const std::string& key) {
  static const json null_value;
  auto found = object.find(key);
  return found == object.end() ? null_value : *found;
}

std::set<std::string> keys_of(const json& a, const json& b) {
  std::set<std::string> keys;
  for (auto it = a.begin(); it != a.end(); ++it) keys.insert(it.key());
  for (auto it = b.begin(); it != b.end(); ++it) keys.insert(it.key());
  return keys;
}

// `quantity`: the values are members of a resource list; `quantity_members`:
// they are resource lists themselves (their members are quantities).
bool equal(const json& a, const json& b, std::size_t depth, bool quantity, bool quantity_members);

bool equal_objects(const json& a, const json& b, std::size_t depth, bool quantity_members) {
  for (const auto& key : keys_of(a, b)) {
    if (!equal(member_or_null(a, key), member_or_null(b, key), depth + 1, quantity_members,
               resource_list_key(key)))
      return false;
  }
  return true;
}

bool equal(const json& a, const json& b, std::size_t depth, bool quantity, bool quantity_members) {
  if (depth > json_depth_max) return false;
  if (zero(a) && zero(b)) return true;
  if (a.is_object() && b.is_object()) return equal_objects(a, b, depth, quantity_members);
  if (a.is_array() && b.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!equal(a[i], b[i], depth + 1, false, false)) return false;
    return true;
  }
  if (quantity && !a.is_structured() && !b.is_structured()) {
    auto left = as_quantity(a);
    auto right = as_quantity(b);
    if (left && right) return *left == *right;
  }
  if (a.is_structured() || b.is_structured()) return false;
  return a == b;
}

struct collect_context {
  std::size_t limit;
  std::vector<difference>& found;
};

void collect(const json& a, const json& b, const std::string& path, std::size_t depth,
             bool quantity, bool quantity_members, collect_context& context) {
  if (context.found.size() >= context.limit || equal(a, b, depth, quantity, quantity_members))
    return;
  if (depth <= json_depth_max && a.is_object() && b.is_object()) {
    for (const auto& key : keys_of(a, b))
      collect(member_or_null(a, key), member_or_null(b, key), path + "." + key, depth + 1,
              quantity_members, resource_list_key(key), context);
    return;
  }
  if (depth <= json_depth_max && a.is_array() && b.is_array() && a.size() == b.size()) {
    for (std::size_t i = 0; i < a.size(); ++i)
      collect(a[i], b[i], path + "[" + std::to_string(i) + "]", depth + 1, false, false, context);
    return;
  }
  auto& found = context.found;
  found.push_back({path, a.is_null() ? "null" : a.dump(), b.is_null() ? "null" : b.dump()});
}

}  // namespace

bool semantically_equal(const json& a, const json& b) {
  return equal(a, b, 0, false, false);
}

std::vector<difference> differences(const json& a, const json& b, const std::string& root,
                                    std::size_t limit) {
  std::vector<difference> found;
  collect_context context{limit, found};
  collect(a, b, root, 0, false, false, context);
  return found;
}

std::string describe_differences(const std::vector<difference>& found) {
  std::string text;
  for (const auto& change : found)
    text += "- " + change.path + ": " + change.before + "\n+ " + change.path + ": " + change.after +
            "\n";
  return text;
}

}  // namespace troupe::api::validation
