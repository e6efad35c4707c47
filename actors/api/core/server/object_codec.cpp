#include "actors/api/core/server/object_codec.hpp"

#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/stored_object.hpp"

namespace troupe::api {

api_result<std::string> object_text_of(const key_value& stored) {
  auto decoded = decode_stored_object(stored.value);
  if (auto* error = std::get_if<std::string>(&decoded)) return corrupt_object(stored.key, *error);
  return with_resource_version(std::get<stored_object>(decoded), stored.mod_revision);
}

api_result<nlohmann::json> object_of(const key_value& stored) {
  auto text = object_text_of(stored);
  if (auto* failure = failure_of(text)) return *failure;
  auto parsed = nlohmann::json::parse(std::get<std::string>(text), nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object())
    return corrupt_object(stored.key, "not a JSON object");
  return parsed;
}

std::string encode_object(const nlohmann::json& object) {
  return encode_stored_object(make_stored_object(object));
}

}  // namespace troupe::api
