#include "actors/api/core/server/list_body.hpp"

#include <nlohmann/json.hpp>

namespace troupe::api {

std::string list_body(const resource_info& resource, const std::vector<std::string>& items,
                      const list_meta& meta) {
  nlohmann::json metadata{{"resourceVersion", std::to_string(meta.resource_version)}};
  if (!meta.continue_token.empty()) metadata["continue"] = meta.continue_token;
  if (meta.remaining_item_count >= 0) metadata["remainingItemCount"] = meta.remaining_item_count;
  std::size_t size = 128;
  for (const auto& item : items) size += item.size() + 1;
  std::string body;
  body.reserve(size);
  body += "{\"apiVersion\":";
  body += nlohmann::json(resource.api_version()).dump();
  body += ",\"items\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) body.push_back(',');
    body += items[i];
  }
  body += "],\"kind\":";
  body += nlohmann::json(resource.kind + "List").dump();
  body += ",\"metadata\":";
  body += metadata.dump();
  body.push_back('}');
  return body;
}

}  // namespace troupe::api
