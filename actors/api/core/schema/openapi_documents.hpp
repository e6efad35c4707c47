// The OpenAPI v3 documents of the built-in group-versions, as
// kube-apiserver serves them at /openapi/v3/<path> (api_schema.hpp gives the
// public entry points). Built once on first use with their hashes
// (thread-safe); a document's hash is a hash of its serialized form, so it
// changes whenever the document does. Pure.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "actors/api/core/schema/schema_model.hpp"

namespace troupe::api::schema {

// The document of one group-version ("" and "v1" for the core group).
nlohmann::json build_openapi_document(const schema_model& model, std::string_view group,
                                      std::string_view version);

// 64-bit FNV-1a of `text` as 16 upper-case hex digits.
std::string document_hash(std::string_view text);

}  // namespace troupe::api::schema
