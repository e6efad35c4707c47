#include "actors/api/core/server/body_decoding.hpp"

#include <algorithm>
#include <cctype>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/schema/api_schema.hpp"
#include "actors/api/core/server/object_meta.hpp"
#include "messages/core/yaml_documents.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

const std::vector<std::string> accepted_media_types{"application/json", "application/yaml"};

api_failure bad(std::string message) {
  return {bad_request(message)};
}

api_result<json> parse_yaml(std::string_view body) {
  auto loaded = load_yaml_documents(std::string(body), 1);
  if (auto* error = std::get_if<std::string>(&loaded))
    return bad("error converting YAML to JSON: yaml: " + *error);
  const auto& documents = std::get<std::vector<YAML::Node>>(loaded);
  if (documents.empty()) return bad("the request body is empty");
  auto converted = yaml_to_json(documents.front(), json_depth_max);
  if (auto* error = std::get_if<std::string>(&converted))
    return bad("error converting YAML to JSON: yaml: " + *error);
  return std::get<json>(std::move(converted));
}

std::string in_version(const resource_info& resource) {
  return resource.kind + " in version \"" + resource.version + "\" cannot be handled as a " +
         resource.kind + ": ";
}

// The apiVersion and kind of the body against the endpoint's (kube's
// create/update handlers check both after decoding).
std::optional<api_failure> check_kind(const resource_info& resource, const json& object,
                                      std::string_view body) {
  const auto* kind = member(object, "kind");
  if (!kind || !kind->is_string() || kind->get<std::string>().empty()) {
    std::string shown(body.substr(0, 512));
    return bad("Object 'Kind' is missing in '" + shown + "'");
  }
  const auto* version = member(object, "apiVersion");
  auto api_version = version && version->is_string() ? version->get<std::string>() : "";
  if (api_version != resource.api_version())
    return bad("the API version in the data (" + api_version +
               ") does not match the expected API version (" + resource.api_version() + ")");
  if (kind->get<std::string>() != resource.kind)
    return bad("the kind in the data (" + kind->get<std::string>() +
               ") does not match the expected kind (" + resource.kind + ")");
  return std::nullopt;
}

}  // namespace

std::string media_type_of(std::string_view content_type) {
  auto end = content_type.find(';');
  auto type = content_type.substr(0, end);
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back())))
    type.remove_suffix(1);
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.front())))
    type.remove_prefix(1);
  std::string lowered(type);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

api_result<json> parse_body(std::string_view content_type, std::string_view body) {
  if (body.size() > request_body_bytes_max)
    return api_failure{request_entity_too_large(request_body_bytes_max)};
  auto media = media_type_of(content_type);
  if (media == "application/yaml") return parse_yaml(body);
  if (media != "application/json" && !media.empty())
    return api_failure{unsupported_media_type(accepted_media_types)};
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return bad("the request body is empty");
  try {
    auto parsed = json::parse(body);
    if (auto error = check_depth(parsed, "request body")) return bad(error->message);
    return parsed;
  } catch (const json::exception& error) {
    return bad("couldn't get version/kind; json parse error: " + std::string(error.what()));
  }
}

api_result<std::vector<std::string>> check_object_fields(const resource_info& resource,
                                                         const json& object,
                                                         field_validation validation) {
  auto report = check_decoding(object, resource.api_version(), resource.kind);
  if (report.type_error) return bad(in_version(resource) + *report.type_error);
  std::vector<std::string> warnings;
  if (report.unknown_fields.empty() || validation == field_validation::ignore) return warnings;
  if (validation == field_validation::strict) {
    std::string message = in_version(resource) + "strict decoding error: ";
    for (std::size_t i = 0; i < report.unknown_fields.size(); ++i)
      message +=
          (i ? ", " : "") + std::string("unknown field \"") + report.unknown_fields[i] + "\"";
    return bad(message);
  }
  for (const auto& field : report.unknown_fields)
    warnings.push_back("unknown field \"" + field + "\"");
  return warnings;
}

api_result<decoded_object> decode_object(const resource_info& resource,
                                         std::string_view content_type, std::string_view body,
                                         field_validation validation) {
  auto parsed = parse_body(content_type, body);
  if (auto* failure = failure_of(parsed)) return *failure;
  auto& object = std::get<json>(parsed);
  if (!object.is_object())
    return bad("couldn't get version/kind; json parse error: the body is not a JSON object");
  if (auto failure = check_kind(resource, object, body)) return *failure;
  auto checked = check_object_fields(resource, object, validation);
  if (auto* failure = failure_of(checked)) return *failure;
  return decoded_object{std::move(object), std::get<std::vector<std::string>>(std::move(checked))};
}

}  // namespace troupe::api
