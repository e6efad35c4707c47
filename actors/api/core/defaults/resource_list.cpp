#include "actors/api/core/defaults/resource_list.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <variant>

#include "messages/core/quantity.hpp"

namespace troupe::api::defaults {

namespace {

// The text kube parses: a string's content, or a JSON number as written
// (kube's Quantity accepts both).
std::optional<std::string> quantity_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) return value.dump();
  return std::nullopt;
}

// The rounded quantity's canonical text when rounding changes the value.
std::optional<std::string> rounded_text(const std::string& text) {
  auto parsed = parse_quantity(text);
  const auto* value = std::get_if<quantity>(&parsed);
  if (value == nullptr) return std::nullopt;
  auto milli = value->milli_value();
  if (!milli || *milli == std::numeric_limits<std::int64_t>::min()) return std::nullopt;
  auto rounded = quantity::from_milli(*milli, value->format());
  if (rounded == *value) return std::nullopt;
  return rounded.to_string();
}

}  // namespace

void round_resource_list(nlohmann::json& list) {
  if (!list.is_object()) return;
  for (auto& value : list) {
    auto text = quantity_text(value);
    if (!text) continue;
    if (auto rounded = rounded_text(*text)) value = *rounded;
  }
}

}  // namespace troupe::api::defaults
