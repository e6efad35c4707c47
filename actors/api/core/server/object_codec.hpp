// Stored key-values to served objects and back: a stored value decodes to
// the object's JSON with metadata.resourceVersion set to the key's
// mod_revision (stored_object.hpp), and an object encodes to the bytes the
// store keeps. Pure.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/server/api_failure.hpp"
#include "messages/core/store.hpp"

namespace troupe::api {

// The object as JSON text with its resource version.
api_result<std::string> object_text_of(const key_value& stored);
// The same, parsed.
api_result<nlohmann::json> object_of(const key_value& stored);
// What to store for `object` (its resourceVersion is dropped).
std::string encode_object(const nlohmann::json& object);

}  // namespace troupe::api
