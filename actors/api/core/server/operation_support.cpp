#include "actors/api/core/server/operation_support.hpp"

#include <kj/encoding.h>

#include "actors/api/core/defaults/api_defaults.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/hpa_conversion.hpp"
#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/object_meta.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

bool converts(const resource_info& served) {
  return &storage_resource(served) != &served;
}

}  // namespace

request_target target_of(const api_request& request, const resource_info& resource) {
  request_target target;
  target.served = &resource;
  target.stored = &storage_resource(resource);
  target.namespace_name = resource.namespaced ? request.namespace_name : std::string();
  target.name = request.name;
  target.key = object_key(*target.stored, target.namespace_name, target.name);
  return target;
}

// kube's v1 Secret conversion: stringData is write-only; its values
// overwrite data's, base64-encoded.
void fold_string_data(json& secret) {
  auto string_data = secret.find("stringData");
  if (string_data == secret.end()) return;
  if (string_data->is_object()) {
    auto& data = secret["data"];
    if (!data.is_object()) data = json::object();
    for (const auto& [key, value] : string_data->items()) {
      if (!value.is_string()) continue;
      const auto& text = value.get_ref<const std::string&>();
      auto encoded = kj::encodeBase64(
          kj::arrayPtr(reinterpret_cast<const kj::byte*>(text.data()), text.size()));
      data[key] = std::string(encoded.cStr(), encoded.size());
    }
  }
  secret.erase("stringData");
}

json to_storage(json object, const resource_info& served) {
  if (served.group.empty() && served.kind == "Secret") fold_string_data(object);
  if (!converts(served)) return object;  // moved, not copied as `?:` would
  return hpa_v1_to_v2(object);
}

json to_served(json object, const resource_info& served) {
  if (!converts(served)) return object;
  return hpa_v2_to_v1(object);
}

api_result<std::string> served_text(const key_value& stored, const resource_info& served) {
  if (!converts(served)) return object_text_of(stored);
  auto object = served_object(stored, served);
  if (auto* failure = failure_of(object)) return *failure;
  return std::get<json>(object).dump();
}

api_result<json> served_object(const key_value& stored, const resource_info& served) {
  auto object = object_of(stored);
  if (auto* failure = failure_of(object)) return *failure;
  return to_served(std::get<json>(std::move(object)), served);
}

json served_with_version(json object, std::int64_t revision, const resource_info& served) {
  metadata_of(object)["resourceVersion"] = std::to_string(revision);
  return to_served(std::move(object), served);
}

std::string served_text_with_version(const stored_object& stored, const json& object,
                                     std::int64_t revision, const resource_info& served) {
  if (!converts(served)) return with_resource_version(stored, revision);
  return served_with_version(object, revision, served).dump();
}

json defaulted_for_storage(json served_object, const resource_info& served) {
  apply_defaults(served_object, served.api_version(), served.kind);
  auto stored = to_storage(std::move(served_object), served);
  if (!converts(served)) return stored;
  const auto& storage = storage_resource(served);
  apply_defaults(stored, storage.api_version(), storage.kind);
  return stored;
}

std::optional<api_failure> invalid_failure(const resource_info& served, const std::string& name,
                                           const std::vector<field_error>& causes) {
  if (causes.empty()) return std::nullopt;
  return api_failure{invalid(name_of(served, name), causes)};
}

std::optional<api_failure> settle_namespace(json& object, const request_target& target) {
  auto& metadata = metadata_of(object);
  if (!target.served->namespaced) {
    metadata.erase("namespace");
    return std::nullopt;
  }
  auto given = string_member(metadata, "namespace");
  if (given.empty()) {
    metadata["namespace"] = target.namespace_name;
    return std::nullopt;
  }
  if (given != target.namespace_name)
    return api_failure{bad_request(
        "the namespace of the provided object does not match the namespace sent on the request")};
  return std::nullopt;
}

// kube's checkName (endpoints/handlers/rest.go): a body without a name is
// refused too, or a PUT would store an object without one.
std::optional<api_failure> check_name_matches(const json& object, const request_target& target) {
  auto name = object_name(object);
  if (name.empty())
    return api_failure{bad_request("the name of the object (" + target.name +
                                   " based on URL) was undeterminable: name must be provided")};
  if (name != target.name)
    return api_failure{bad_request("the name of the object (" + name +
                                   ") does not match the name on the URL (" + target.name + ")")};
  auto given = object_namespace(object);
  if (!target.namespace_name.empty() && !given.empty() && given != target.namespace_name)
    return api_failure{bad_request("the namespace of the object (" + given +
                                   ") does not match the namespace on the request (" +
                                   target.namespace_name + ")")};
  return std::nullopt;
}

}  // namespace troupe::api
