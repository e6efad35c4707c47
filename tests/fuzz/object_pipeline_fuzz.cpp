// An object of any built-in kind through what the API server does to a body
// once parsed: the first byte picks the resource (modulo
// builtin_resources()), the rest is JSON whose apiVersion and kind are set
// to the resource's (so every input explores that kind's schema). The
// object is checked against the schema (api_schema.hpp check_decoding),
// defaulted (api_defaults.hpp) and validated (api_validation.hpp, on create
// and, against itself, on update and status update). Proves that none of
// them throws or crashes on any JSON; that the reports and the 422 Status
// built from the validation errors can be sent; and that defaulting an
// object that decodes (no type error, as kube defaults only decoded
// objects) is idempotent and keeps its apiVersion and kind.
#include <cstdlib>
#include <string_view>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/defaults/api_defaults.hpp"
#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/schema/api_schema.hpp"
#include "actors/api/core/validation/api_validation.hpp"
#include "tests/fuzz/api_fuzz_checks.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

using nlohmann::json;
using troupe::api::field_error;
using troupe::api::resource_info;

void check_invalid_status(const resource_info& resource, const json& object,
                          const std::vector<field_error>& errors) {
  if (errors.empty()) return;
  std::string name;
  if (auto metadata = object.find("metadata"); metadata != object.end() && metadata->is_object())
    if (auto found = metadata->find("name"); found != metadata->end() && found->is_string())
      name = found->get<std::string>();
  troupe::api::resource_name named{resource.group, resource.plural, resource.kind, name};
  troupe::fuzz::check_status({troupe::api::invalid(named, errors)}, {422});
}

bool decodes(const json& object, const resource_info& resource) {
  auto report = troupe::api::check_decoding(object, resource.api_version(), resource.kind);
  for (const auto& field : report.unknown_fields) troupe::fuzz::check_serializes(field);
  if (report.type_error) troupe::fuzz::check_serializes(*report.type_error);
  return !report.type_error;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& resources = troupe::api::builtin_resources();
  const auto& resource = resources[data[0] % resources.size()];
  auto parsed =
      troupe::fuzz::parse_json(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  // The server refuses deeper bodies before decoding them (body_decoding.hpp).
  if (!parsed || !parsed->is_object() ||
      troupe::api::json_depth(*parsed) > troupe::api::json_depth_max)
    return 0;
  auto& object = *parsed;
  const auto api_version = resource.api_version();
  object["apiVersion"] = api_version;
  object["kind"] = resource.kind;
  const bool decoded = decodes(object, resource);
  troupe::api::apply_defaults(object, api_version, resource.kind);
  if (decoded) {
    auto again = object;
    troupe::api::apply_defaults(again, api_version, resource.kind);
    if (again != object || object["apiVersion"] != api_version || object["kind"] != resource.kind)
      std::abort();
  }
  troupe::fuzz::check_serializes(object);
  check_invalid_status(resource, object,
                       troupe::api::validate_create(object, api_version, resource.kind));
  check_invalid_status(resource, object,
                       troupe::api::validate_update(object, object, api_version, resource.kind));
  check_invalid_status(
      resource, object,
      troupe::api::validate_status_update(object, object, api_version, resource.kind));
  return 0;
}
