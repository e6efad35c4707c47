// A create or update request body from the network, decoded as the API
// server decodes it (body_decoding.hpp): the first byte picks the media type
// (its two low bits: JSON, YAML, YAML with parameters, protobuf) and the
// resource (the rest, modulo builtin_resources()), the remaining bytes are
// the body, decoded under each fieldValidation mode. Proves that decoding
// never crashes; that an accepted body is a JSON object of the endpoint's
// apiVersion and kind which the server can serialize; that a refusal is a
// sendable 400, 413 or 415 Status (protobuf: 415, or 413 over the size
// limit); and that the modes agree (Ignore and Warn accept the same bodies
// as the same objects, Strict accepts exactly those Warn has no warning for).
#include <array>
#include <cstdlib>
#include <string_view>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/body_decoding.hpp"
#include "tests/fuzz/api_fuzz_checks.hpp"

namespace {

using troupe::api::decoded_object;
using troupe::api::field_validation;

constexpr std::array<std::string_view, 4> content_types{"application/json", "application/yaml",
                                                        "Application/YAML; charset=utf-8",
                                                        "application/vnd.kubernetes.protobuf"};

const decoded_object* check_decoded(const troupe::api::api_result<decoded_object>& result,
                                    const troupe::api::resource_info& resource,
                                    std::string_view content_type) {
  if (const auto* failure = troupe::api::failure_of(result)) {
    if (content_type == content_types.back())
      troupe::fuzz::check_status(*failure, {413, 415});
    else
      troupe::fuzz::check_status(*failure, {400, 413});
    return nullptr;
  }
  const auto& decoded = std::get<decoded_object>(result);
  const auto& object = decoded.object;
  if (!object.is_object() || object.value("apiVersion", "") != resource.api_version() ||
      object.value("kind", "") != resource.kind)
    std::abort();
  troupe::fuzz::check_serializes(object);
  for (const auto& warning : decoded.warnings) troupe::fuzz::check_serializes(warning);
  return &decoded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& resources = troupe::api::builtin_resources();
  const auto content_type = content_types[data[0] % content_types.size()];
  const auto& resource = resources[data[0] / content_types.size() % resources.size()];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto ignore = troupe::api::decode_object(resource, content_type, body, field_validation::ignore);
  auto warn = troupe::api::decode_object(resource, content_type, body, field_validation::warn);
  auto strict = troupe::api::decode_object(resource, content_type, body, field_validation::strict);
  const auto* ignored = check_decoded(ignore, resource, content_type);
  const auto* warned = check_decoded(warn, resource, content_type);
  const auto* strictly = check_decoded(strict, resource, content_type);
  if ((ignored == nullptr) != (warned == nullptr)) std::abort();
  if (!warned) {
    if (strictly) std::abort();
    return 0;
  }
  if (!ignored->warnings.empty() || ignored->object != warned->object) std::abort();
  if ((strictly != nullptr) != warned->warnings.empty()) std::abort();
  if (strictly && (!strictly->warnings.empty() || strictly->object != warned->object)) std::abort();
  return 0;
}
