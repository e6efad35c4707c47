#include "actors/api/core/server/api_responses.hpp"

namespace troupe::api {

api_response json_response(std::uint16_t code, const nlohmann::json& body,
                           std::vector<std::string> warnings) {
  return json_text_response(code, body.dump(), std::move(warnings));
}

api_response json_text_response(std::uint16_t code, std::string body,
                                std::vector<std::string> warnings) {
  api_response response;
  response.code = code;
  response.content_type = std::string(json_content_type);
  response.body = std::move(body);
  response.warnings = std::move(warnings);
  return response;
}

api_response failure_response(const api_failure& failure) {
  return json_response(static_cast<std::uint16_t>(failure.code()), failure.status);
}

resource_name name_of(const resource_info& resource, std::string name) {
  return resource_name{resource.group, resource.plural, resource.kind, std::move(name)};
}

api_failure store_failure(store_error error, const std::string& detail) {
  auto because = detail.empty() ? to_string(error) : to_string(error) + ": " + detail;
  switch (error) {
    case store_error::not_leader:
    case store_error::no_leader:
      return {service_unavailable("the store has no leader (" + because + "); retry later")};
    case store_error::queue_full:
      return {too_many_requests(1)};
    case store_error::timeout:
      return {status_body(
          504, "Timeout",
          "Timeout: request did not complete within the store's deadline (" + because + ")")};
    case store_error::value_too_large:
      return {request_entity_too_large(1536 * 1024)};
    case store_error::compacted:
      return {status_body(410, "Expired", "The resourceVersion for the provided list is too old.")};
    case store_error::future_revision:
      return {status_body(504, "Timeout", "Too large resource version")};
    default:
      return {internal_error("store: " + because)};
  }
}

api_failure corrupt_object(const std::string& key, const std::string& why) {
  return {internal_error("the stored object at " + key + " cannot be decoded: " + why)};
}

}  // namespace troupe::api
