// The schema of the built-in kinds: the schema texts of schema_texts.hpp
// parsed once, on first use (thread-safe). A text that does not parse is a
// programmer error and aborts; the tests parse the same texts and print
// every error.
#pragma once

#include <vector>

#include "actors/api/core/schema/schema_model.hpp"
#include "actors/api/core/schema/schema_text_parser.hpp"

namespace troupe::api::schema {

// The texts, in the order they are parsed.
std::vector<schema_source> builtin_schema_sources();

const schema_model& builtin_schema();

}  // namespace troupe::api::schema
