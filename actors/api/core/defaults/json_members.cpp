#include "actors/api/core/defaults/json_members.hpp"

#include <string>

namespace troupe::api::defaults {

json* object_member(json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto member = object.find(key);
  if (member == object.end() || !member->is_object()) return nullptr;
  return &*member;
}

json* ensure_object_member(json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto member = object.find(key);
  if (member == object.end()) return &(object[std::string(key)] = json::object());
  if (member->is_null()) *member = json::object();
  return member->is_object() ? &*member : nullptr;
}

std::optional<std::string_view> string_member(const json& object, std::string_view key) {
  if (!object.is_object()) return std::nullopt;
  auto member = object.find(key);
  if (member == object.end() || member->is_null()) return std::string_view{};
  if (!member->is_string()) return std::nullopt;
  return std::string_view(member->get_ref<const std::string&>());
}

bool is_unset(const json& object, std::string_view key) {
  if (!object.is_object()) return false;
  auto member = object.find(key);
  return member == object.end() || member->is_null();
}

bool is_set(const json& object, std::string_view key) {
  if (!object.is_object()) return false;
  auto member = object.find(key);
  return member != object.end() && !member->is_null();
}

void default_string(json& object, std::string_view key, std::string_view value) {
  auto current = string_member(object, key);
  if (current && current->empty()) object[std::string(key)] = value;
}

void default_member(json& object, std::string_view key, const json& value) {
  if (is_unset(object, key)) object[std::string(key)] = value;
}

void default_integer(json& object, std::string_view key, std::int64_t value) {
  if (!object.is_object()) return;
  auto member = object.find(key);
  bool zero =
      member != object.end() && member->is_number_integer() && member->get<std::int64_t>() == 0;
  if (member == object.end() || member->is_null() || zero) object[std::string(key)] = value;
}

}  // namespace troupe::api::defaults
