#include "actors/api/core/validation/json_view.hpp"

#include <cmath>
#include <limits>

namespace troupe::api::validation {

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) return nullptr;
  return &*found;
}

bool present(const json& object, std::string_view key) {
  return member(object, key) != nullptr;
}

std::string text(const json& object, std::string_view key) {
  const json* value = member(object, key);
  if (value == nullptr || !value->is_string()) return {};
  return value->get<std::string>();
}

std::optional<std::int64_t> integer(const json& value) {
  if (value.is_number_unsigned()) {
    auto number = value.get<std::uint64_t>();
    constexpr auto largest = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    return static_cast<std::int64_t>(number > largest ? largest : number);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_number_float()) {
    double number = value.get<double>();
    // 2^63 is the first double outside int64.
    if (!std::isfinite(number) || number >= 9.2233720368547758e18 ||
        number < -9.2233720368547758e18)
      return std::nullopt;
    return static_cast<std::int64_t>(number);
  }
  return std::nullopt;
}

std::optional<std::int64_t> integer_member(const json& object, std::string_view key) {
  const json* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  return integer(*value);
}

std::int64_t integer_or_zero(const json& object, std::string_view key) {
  return integer_member(object, key).value_or(0);
}

bool flag(const json& object, std::string_view key) {
  const json* value = member(object, key);
  return value != nullptr && value->is_boolean() && value->get<bool>();
}

const json& list(const json& object, std::string_view key) {
  static const json empty = json::array();
  const json* value = member(object, key);
  return value != nullptr && value->is_array() ? *value : empty;
}

const json& dictionary(const json& object, std::string_view key) {
  static const json empty = json::object();
  const json* value = member(object, key);
  return value != nullptr && value->is_object() ? *value : empty;
}

std::map<std::string, std::string> string_map(const json& object) {
  std::map<std::string, std::string> result;
  if (!object.is_object()) return result;
  for (auto it = object.begin(); it != object.end(); ++it)
    result[it.key()] = it.value().is_string() ? it.value().get<std::string>() : std::string();
  return result;
}

std::string text_at(const json& list, std::size_t index) {
  if (!list.is_array() || index >= list.size() || !list[index].is_string()) return {};
  return list[index].get<std::string>();
}

bool non_empty(const json& object, std::string_view key) {
  const json* value = member(object, key);
  return value != nullptr && value->is_structured() && !value->empty();
}

}  // namespace troupe::api::validation
