#include "actors/api/core/tables/table_fields.hpp"

#include <limits>

namespace troupe::api::tables {

namespace {

const nlohmann::json& null_value() {
  static const nlohmann::json value;
  return value;
}

}  // namespace

const nlohmann::json& member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return null_value();
  auto found = object.find(key);
  return found == object.end() ? null_value() : *found;
}

const std::string& text_member(const nlohmann::json& object, std::string_view key) {
  static const std::string empty;
  const auto& value = member(object, key);
  return value.is_string() ? value.get_ref<const std::string&>() : empty;
}

std::int64_t integer_member(const nlohmann::json& object, std::string_view key) {
  const auto& value = member(object, key);
  if (value.is_number_unsigned()) {
    auto unsigned_value = value.get<std::uint64_t>();
    if (unsigned_value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return 0;
    return static_cast<std::int64_t>(unsigned_value);
  }
  return value.is_number_integer() ? value.get<std::int64_t>() : 0;
}

bool flag_member(const nlohmann::json& object, std::string_view key) {
  const auto& value = member(object, key);
  return value.is_boolean() && value.get<bool>();
}

const nlohmann::json& list_member(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json empty = nlohmann::json::array();
  const auto& value = member(object, key);
  return value.is_array() ? value : empty;
}

std::int64_t count_member(const nlohmann::json& object, std::string_view key) {
  const auto& value = member(object, key);
  if (!value.is_object() && !value.is_array()) return 0;
  return static_cast<std::int64_t>(value.size());
}

bool has_member(const nlohmann::json& object, std::string_view key) {
  return !member(object, key).is_null();
}

}  // namespace troupe::api::tables
