#include "actors/api/core/tables/table_formats.hpp"

#include <variant>

#include "actors/api/core/tables/table_fields.hpp"
#include "messages/core/label_selector.hpp"
#include "messages/core/quantity.hpp"

namespace troupe::api::tables {

namespace {

std::string joined_member(const nlohmann::json& containers, std::string_view key) {
  std::vector<std::string> parts;
  if (containers.is_array())
    for (const auto& container : containers) parts.push_back(text_member(container, key));
  return join(parts, ",");
}

}  // namespace

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += separator;
    text += parts[i];
  }
  return text;
}

std::string format_labels(const nlohmann::json& labels) {
  // A JSON object iterates its keys sorted, as labels.Set.String() sorts.
  std::vector<std::string> pairs;
  if (labels.is_object())
    for (const auto& [key, value] : labels.items())
      pairs.push_back(key + "=" + (value.is_string() ? value.get<std::string>() : ""));
  auto text = join(pairs, ",");
  return text.empty() ? "<none>" : text;
}

std::string format_label_selector(const nlohmann::json& selector) {
  auto parsed = label_selector::from_json(selector);
  if (std::holds_alternative<label_selector_error>(parsed)) return "<error>";
  auto text = std::get<label_selector>(parsed).to_string();
  return text.empty() ? "<none>" : text;
}

std::string selector_text(const nlohmann::json& selector) {
  auto parsed = label_selector::from_json(selector);
  if (std::holds_alternative<label_selector_error>(parsed)) return "<invalid>";
  return std::get<label_selector>(parsed).to_string();
}

std::string container_names(const nlohmann::json& containers) {
  return joined_member(containers, "name");
}

std::string container_images(const nlohmann::json& containers) {
  return joined_member(containers, "image");
}

std::string quantity_text(const nlohmann::json& quantity) {
  std::string written;
  if (quantity.is_string())
    written = quantity.get<std::string>();
  else if (quantity.is_number())
    written = quantity.dump();  // kube also accepts a bare JSON number
  else
    return "0";
  auto parsed = parse_quantity(written);
  if (auto* value = std::get_if<troupe::quantity>(&parsed)) return value->to_string();
  return written;
}

std::string int_or_string_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  return "0";
}

}  // namespace troupe::api::tables
