#include "actors/api/core/api_status.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

std::string in_quotes(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

json details_of(const resource_name& resource) {
  json details{{"name", resource.name}, {"kind", resource.resource}};
  if (!resource.group.empty()) details["group"] = resource.group;
  return details;
}

// Messages quote what clients sent, which may be ill-formed UTF-8 (a query
// value, a body that failed to parse). Go's encoding/json writes such bytes
// as U+FFFD; so does a Status here, so that every Status can be sent.
json sendable(json body) {
  try {
    (void)body.dump();
    return body;
  } catch (const json::type_error&) {
    return json::parse(body.dump(-1, ' ', false, json::error_handler_t::replace));
  }
}

}  // namespace

std::string field_error::body() const {
  switch (type) {
    case kind::required:
      return detail.empty() ? "Required value" : "Required value: " + detail;
    case kind::invalid:
      return "Invalid value: " + value + (detail.empty() ? "" : ": " + detail);
    case kind::not_supported:
      return "Unsupported value: " + value + (detail.empty() ? "" : ": " + detail);
    case kind::forbidden:
      return detail.empty() ? "Forbidden" : "Forbidden: " + detail;
    case kind::duplicate:
      return "Duplicate value: " + value + (detail.empty() ? "" : ": " + detail);
    case kind::too_long:
      return "Too long: " + detail;
    case kind::too_many:
      return "Too many: " + value + (detail.empty() ? "" : ": " + detail);
    case kind::not_found:
      return "Not found: " + value + (detail.empty() ? "" : ": " + detail);
  }
  return detail;
}

std::string field_error::reason() const {
  switch (type) {
    case kind::required:
      return "FieldValueRequired";
    case kind::invalid:
      return "FieldValueInvalid";
    case kind::not_supported:
      return "FieldValueNotSupported";
    case kind::forbidden:
      return "FieldValueForbidden";
    case kind::duplicate:
      return "FieldValueDuplicate";
    case kind::too_long:
      return "FieldValueTooLong";
    case kind::too_many:
      return "FieldValueTooMany";
    case kind::not_found:
      return "FieldValueNotFound";
  }
  return "FieldValueInvalid";
}

json status_body(int code, std::string_view reason, std::string_view message, const json& details) {
  json body{{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", json::object()},
            {"status", "Failure"}, {"message", message}, {"reason", reason},
            {"code", code}};
  if (!details.is_null()) body["details"] = details;
  return sendable(std::move(body));
}

json not_found(const resource_name& resource) {
  return status_body(404, "NotFound",
                     resource.qualified() + " " + in_quotes(resource.name) + " not found",
                     details_of(resource));
}

json forbidden(const resource_name& resource, std::string_view why) {
  return status_body(
      403, "Forbidden",
      resource.qualified() + " " + in_quotes(resource.name) + " is forbidden: " + std::string(why),
      details_of(resource));
}

json already_exists(const resource_name& resource) {
  return status_body(409, "AlreadyExists",
                     resource.qualified() + " " + in_quotes(resource.name) + " already exists",
                     details_of(resource));
}

json conflict(const resource_name& resource) {
  return conflict(resource,
                  "the object has been modified; please apply your changes to the latest "
                  "version and try again");
}

json conflict(const resource_name& resource, std::string_view why) {
  return status_body(409, "Conflict",
                     "Operation cannot be fulfilled on " + resource.qualified() + " " +
                         in_quotes(resource.name) + ": " + std::string(why),
                     details_of(resource));
}

json invalid(const resource_name& resource, const std::vector<field_error>& causes) {
  std::string list;
  json cause_list = json::array();
  for (std::size_t i = 0; i < causes.size(); ++i) {
    const auto& cause = causes[i];
    if (i > 0) list += ", ";
    list += cause.field + ": " + cause.body();
    cause_list.push_back(
        {{"reason", cause.reason()}, {"message", cause.body()}, {"field", cause.field}});
  }
  if (causes.size() > 1) list = "[" + list + "]";
  json details{{"name", resource.name}, {"kind", resource.kind}, {"causes", cause_list}};
  if (!resource.group.empty()) details["group"] = resource.group;
  // kube names the kind qualified by its group (GroupKind.String()).
  auto kind = resource.group.empty() ? resource.kind : resource.kind + "." + resource.group;
  return status_body(422, "Invalid", kind + " " + in_quotes(resource.name) + " is invalid: " + list,
                     details);
}

json bad_request(std::string_view message) {
  return status_body(400, "BadRequest", message);
}

json unsupported_media_type(const std::vector<std::string>& accepted) {
  std::string list;
  for (const auto& type : accepted) list += (list.empty() ? "" : ", ") + type;
  return status_body(415, "UnsupportedMediaType",
                     "the body of the request was in an unknown format - accepted media types "
                     "include: " +
                         list);
}

json request_entity_too_large(std::size_t limit_bytes) {
  return status_body(413, "RequestEntityTooLarge",
                     "Request entity too large: limit is " + std::to_string(limit_bytes));
}

json too_many_requests(int retry_after_seconds) {
  return status_body(429, "TooManyRequests", "Too many requests, please try again later.",
                     json{{"retryAfterSeconds", retry_after_seconds}});
}

json expired(std::int64_t requested, std::int64_t oldest) {
  return status_body(410, "Expired",
                     "too old resource version: " + std::to_string(requested) + " (" +
                         std::to_string(oldest) + ")");
}

json too_large_resource_version(std::int64_t wanted, std::int64_t current) {
  return status_body(
      504, "Timeout",
      "Too large resource version: " + std::to_string(wanted) +
          ", current: " + std::to_string(current),
      json{{"causes", json::array({json{{"reason", "ResourceVersionTooLarge"},
                                        {"message", "Too large resource version"}}})},
           {"retryAfterSeconds", 1}});
}

json method_not_allowed(std::string_view verb, const resource_name& resource) {
  json details{{"kind", resource.resource}};
  if (!resource.group.empty()) details["group"] = resource.group;
  return status_body(405, "MethodNotAllowed",
                     std::string(verb) + " is not supported on resources of kind " +
                         in_quotes(resource.qualified()),
                     details);
}

json internal_error(std::string_view message) {
  return status_body(500, "InternalError", "Internal error occurred: " + std::string(message),
                     json{{"causes", json::array({json{{"message", message}}})}});
}

json service_unavailable(std::string_view message) {
  return status_body(503, "ServiceUnavailable", message);
}

}  // namespace troupe::api
