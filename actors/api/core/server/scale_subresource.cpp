#include "actors/api/core/server/scale_subresource.hpp"

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/object_meta.hpp"
#include "messages/core/label_selector.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

std::string selector_text(const json& object) {
  const auto* selector = value_at(object, {"spec", "selector"});
  if (!selector) return "";
  auto parsed = label_selector::from_json(*selector);
  if (auto* valid = std::get_if<label_selector>(&parsed)) return valid->to_string();
  return "";
}

}  // namespace

json scale_of(const json& object) {
  json metadata = json::object();
  if (const auto* source = member(object, "metadata"))
    for (const char* key : {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"})
      if (const auto* value = member(*source, key)) metadata[key] = *value;
  auto replicas = [&](std::initializer_list<std::string_view> path) {
    const auto* value = value_at(object, path);
    return value && value->is_number_integer() ? value->get<std::int64_t>() : 0;
  };
  return json{
      {"kind", "Scale"},
      {"apiVersion", "autoscaling/v1"},
      {"metadata", metadata},
      {"spec", {{"replicas", replicas({"spec", "replicas"})}}},
      {"status",
       {{"replicas", replicas({"status", "replicas"})}, {"selector", selector_text(object)}}}};
}

api_result<json> apply_scale(json object, const json& scale, const std::string& name) {
  const auto* replicas = value_at(scale, {"spec", "replicas"});
  std::int64_t value = 0;
  if (replicas && replicas->is_number_integer()) value = replicas->get<std::int64_t>();
  if (replicas && !replicas->is_null() && !replicas->is_number_integer())
    return api_failure{
        bad_request("Scale in version \"v1\" cannot be handled as a Scale: json: "
                    "cannot unmarshal " +
                    std::string(replicas->type_name()) +
                    " into Go struct field ScaleSpec.spec.replicas of type int32")};
  if (value < 0 || value > 2147483647)
    return api_failure{invalid(resource_name{"autoscaling", "scale", "Scale", name},
                               {{field_error::kind::invalid, "spec.replicas", std::to_string(value),
                                 "must be greater than or equal to 0"}})};
  object["spec"]["replicas"] = value;
  if (auto version = string_at(scale, {"metadata", "resourceVersion"}); !version.empty())
    metadata_of(object)["resourceVersion"] = version;
  return object;
}

}  // namespace troupe::api
