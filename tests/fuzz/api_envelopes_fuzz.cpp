// The API server's envelopes around untrusted data, each fed the whole
// input: a list's `continue` token as a client sends it back
// (continue_token.hpp; also the input's URL-safe base64, so that mutations
// reach the JSON inside a token), and a stored object's Cap'n Proto
// envelope as read from the store (stored_object.hpp). Proves that decoding
// never crashes; that a decoded token stays inside its list and encodes to
// a token that decodes to the same position; that a decoded envelope
// encodes to one that decodes the same, and gets its resource version
// inserted just at its offset. An input that parses as a JSON object with a
// metadata object also goes the store's way (make, encode, decode, insert
// the version) and must come back as itself with that resourceVersion.
#include <kj/encoding.h>

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/server/continue_token.hpp"
#include "actors/api/core/server/stored_object.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

using troupe::api::stored_object;

void check_continue_token(std::string_view text) {
  auto decoded = troupe::api::decode_continue_token(text);
  if (auto* error = std::get_if<std::string>(&decoded)) {
    if (!error->starts_with("continue key is not valid: ")) std::abort();
    return;
  }
  const auto& position = std::get<troupe::api::continue_position>(decoded);
  if (position.revision <= 0 || position.start.empty() || position.start.front() == '/' ||
      position.start.find("..") != std::string::npos)
    std::abort();
  auto again = troupe::api::decode_continue_token(troupe::api::encode_continue_token(position));
  const auto* same = std::get_if<troupe::api::continue_position>(&again);
  if (!same || same->revision != position.revision || same->start != position.start) std::abort();
}

// An envelope encode_stored_object wrote must decode.
stored_object decoded_envelope(const std::string& bytes) {
  auto decoded = troupe::api::decode_stored_object(bytes);
  auto* object = std::get_if<stored_object>(&decoded);
  if (!object) std::abort();
  return std::move(*object);
}

void check_inserted(const stored_object& object, std::int64_t resource_version) {
  auto text = troupe::api::with_resource_version(object, resource_version);
  const auto offset = object.resource_version_offset;
  const std::string member = "\"resourceVersion\":\"" + std::to_string(resource_version) + "\"";
  const auto separator = object.json[offset] == '}' ? std::string() : std::string(",");
  if (text != object.json.substr(0, offset) + member + separator + object.json.substr(offset))
    std::abort();
}

void check_envelope(std::string_view bytes) {
  auto decoded = troupe::api::decode_stored_object(bytes);
  const auto* object = std::get_if<stored_object>(&decoded);
  if (!object) return;
  const auto offset = object->resource_version_offset;
  if (offset == 0 || offset >= object->json.size() || object->json[offset - 1] != '{') std::abort();
  auto again = decoded_envelope(troupe::api::encode_stored_object(*object));
  if (again.json != object->json || again.resource_version_offset != offset) std::abort();
  check_inserted(*object, 1);
  check_inserted(*object, std::numeric_limits<std::int64_t>::max());
}

void check_store_round_trip(std::string_view text) {
  auto original = troupe::fuzz::parse_json(text);
  // The server stores only objects it decoded, never deeper than this.
  if (!original || !original->is_object() ||
      troupe::api::json_depth(*original) > troupe::api::json_depth_max)
    return;
  auto metadata = original->find("metadata");
  if (metadata == original->end() || !metadata->is_object()) return;
  auto decoded = decoded_envelope(
      troupe::api::encode_stored_object(troupe::api::make_stored_object(*original)));
  auto read = troupe::fuzz::parse_json(troupe::api::with_resource_version(decoded, 7));
  (*metadata)["resourceVersion"] = "7";
  if (!read || *read != *original) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  check_continue_token(input);
  auto encoded = kj::encodeBase64Url(kj::arrayPtr(data, size));
  check_continue_token(std::string_view(encoded.cStr(), encoded.size()));
  check_envelope(input);
  check_store_round_trip(input);
  return 0;
}
