#include "actors/gateway/core/response_format.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

namespace troupe::gateway {

namespace {

using nlohmann::json;

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return std::string(text);
}

struct media_range {
  std::string type;
  std::map<std::string, std::string> parameters;
};

std::vector<media_range> media_ranges(std::string_view accept) {
  std::vector<media_range> ranges;
  std::size_t start = 0;
  while (start <= accept.size()) {
    auto end = accept.find(',', start);
    auto item = accept.substr(start, end == std::string_view::npos ? accept.npos : end - start);
    media_range range;
    std::size_t part_start = 0;
    bool first = true;
    while (part_start <= item.size()) {
      auto part_end = item.find(';', part_start);
      auto part = trimmed(item.substr(
          part_start, part_end == std::string_view::npos ? item.npos : part_end - part_start));
      if (first) {
        std::transform(part.begin(), part.end(), part.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        range.type = part;
        first = false;
      } else if (auto equals = part.find('='); equals != std::string::npos) {
        range.parameters[trimmed(part.substr(0, equals))] = trimmed(part.substr(equals + 1));
      }
      if (part_end == std::string_view::npos) break;
      part_start = part_end + 1;
    }
    if (!range.type.empty()) ranges.push_back(std::move(range));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return ranges;
}

// A member's text, or "" when it is missing or not a string (json::value()
// would throw on a member of another type).
std::string string_member(const json& object, const char* name) {
  auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

api::table_include_object include_of(const api::query_parameters& query) {
  auto value = api::query_value(query, "includeObject").value_or("");
  if (value == "None") return api::table_include_object::none;
  if (value == "Object") return api::table_include_object::object;
  return api::table_include_object::metadata;
}

// `api_version` must outlive the request (it holds a view of it).
api::table_request table_request_for(const api::resource_info& served,
                                     const std::string& api_version, const response_format& format,
                                     bool column_definitions,
                                     std::chrono::system_clock::time_point now) {
  api::table_request request;
  request.api_version = api_version;
  request.kind = served.kind;
  request.include_object = format.include_object;
  request.column_definitions = column_definitions;
  request.now = now;
  return request;
}

}  // namespace

response_format negotiate(std::string_view accept, const api::query_parameters& query) {
  response_format format;
  format.include_object = include_of(query);
  for (const auto& range : media_ranges(accept)) {
    auto as = range.parameters.find("as");
    if (range.type == "application/json" && as != range.parameters.end()) {
      auto group = range.parameters.find("g");
      auto version = range.parameters.find("v");
      bool table = as->second == "Table" && group != range.parameters.end() &&
                   group->second == "meta.k8s.io" && version != range.parameters.end() &&
                   (version->second == "v1" || version->second == "v1beta1");
      if (table) {
        format.table = true;
        return format;
      }
      continue;
    }
    if (range.type == "application/json" || range.type == "*/*" || range.type == "application/*")
      return format;
  }
  return format;
}

bool renders_table(const response_format& format, const api_response& response) {
  return format.table && response.code >= 200 && response.code < 300;
}

api_response format_response(api_response response, const api::resource_info& served,
                             const response_format& format,
                             std::chrono::system_clock::time_point now) {
  if (!renders_table(format, response)) return response;
  auto body = json::parse(response.body, nullptr, false);
  if (!body.is_object()) return response;
  auto kind = string_member(body, "kind");
  std::vector<json> objects;
  api::table_list_meta meta;
  if (kind == served.kind + "List") {
    if (auto items = body.find("items"); items != body.end() && items->is_array())
      objects.assign(items->begin(), items->end());
    if (auto metadata = body.find("metadata"); metadata != body.end() && metadata->is_object()) {
      meta.resource_version = string_member(*metadata, "resourceVersion");
      meta.continue_token = string_member(*metadata, "continue");
      if (auto count = metadata->find("remainingItemCount");
          count != metadata->end() && count->is_number_integer())
        meta.remaining_item_count = count->get<std::int64_t>();
    }
  } else if (kind == served.kind) {
    // kube gives a one-object Table the object's resource version.
    if (auto metadata = body.find("metadata"); metadata != body.end() && metadata->is_object())
      meta.resource_version = string_member(*metadata, "resourceVersion");
    objects.push_back(std::move(body));
  } else {
    return response;
  }
  const auto api_version = served.api_version();
  auto table =
      api::make_table(table_request_for(served, api_version, format, true, now), objects, meta);
  response.body = table.dump();
  response.content_type = std::string(table_content_type);
  return response;
}

std::string watch_line(const api_watch_event& event, const api::resource_info& served,
                       const response_format& format, bool first,
                       std::chrono::system_clock::time_point now) {
  std::string line = "{\"type\":\"" + event.type + "\",\"object\":";
  bool changed = event.type == "ADDED" || event.type == "MODIFIED" || event.type == "DELETED";
  if (format.table && changed) {
    auto object = json::parse(event.object_json, nullptr, false);
    api::table_list_meta meta;
    meta.resource_version = std::to_string(event.resource_version);
    const auto api_version = served.api_version();
    auto table = api::make_table(table_request_for(served, api_version, format, first, now),
                                 {std::move(object)}, meta);
    line += table.dump();
  } else {
    line += event.object_json;
  }
  line += "}\n";
  return line;
}

}  // namespace troupe::gateway
