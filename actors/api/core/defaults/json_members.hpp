// Reading and defaulting members of JSON objects the way Kubernetes' Go
// defaulters see a decoded struct: a member that is absent or null is a nil
// pointer (or a zero value), "" is an unset string and 0 an unset integer.
//
// Contract: every function accepts any JSON value and never throws. A member
// of an unexpected JSON type is never changed (validation reports it), and a
// parent that is not an object is left as it is.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api::defaults {

using json = nlohmann::json;

// The member `key` of `object` when it is an object; nullptr otherwise.
json* object_member(json& object, std::string_view key);

// The member `key` as an object, created as {} when absent or null (a Go
// struct value, or a pointer the defaulter allocates); nullptr when `object`
// is not an object or the member has another type.
json* ensure_object_member(json& object, std::string_view key);

// The string `key` of `object`: "" when absent or null, nothing when the
// member (or `object`) has another type.
std::optional<std::string_view> string_member(const json& object, std::string_view key);

// Whether `object` is an object whose member `key` is absent or null.
bool is_unset(const json& object, std::string_view key);

// Whether `object` is an object whose member `key` is present and not null.
bool is_set(const json& object, std::string_view key);

// Sets `key` to `value` when it is absent, null or "" (an unset Go string).
void default_string(json& object, std::string_view key, std::string_view value);

// Sets `key` to `value` when it is absent or null (an unset Go pointer).
void default_member(json& object, std::string_view key, const json& value);

// Sets `key` to `value` when it is absent, null or 0 (an unset Go integer).
void default_integer(json& object, std::string_view key, std::int64_t value);

// Calls `visit` with every element of the array `key` of `object` that is an
// object; other elements are skipped.
template <typename Visit>
void for_each_object(json& object, std::string_view key, Visit&& visit) {
  if (!object.is_object()) return;
  auto member = object.find(key);
  if (member == object.end() || !member->is_array()) return;
  for (auto& element : *member)
    if (element.is_object()) visit(element);
}

}  // namespace troupe::api::defaults
