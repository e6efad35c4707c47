// Parses our schema text (the format below) into a schema_model. The
// built-in kinds are written in this format (schema_text_*.cpp); it is ours,
// not Kubernetes'.
//
// Format, line by line ('#' starts a comment line; blank lines are skipped):
//   package <key> <openapi-prefix> <go-package> <api-version|->
//       declares a package and makes it current; "package <key>" makes an
//       already declared one current again.
//   struct <Name>: <description>     a Go struct
//   kind <Name>: <description>       a top-level object: apiVersion, kind and
//                                    metadata (ObjectMeta) come first
//   typed <Name>: <description>      a struct with apiVersion and kind first
//   alias <Name> <type>: <description>        a named Go type over <type>
//   special <Name> <semantics>: <description> a self-decoding type; semantics
//       is quantity, int-or-string, time, micro-time or any
//   "  <field>[!] <type>[: <description>]"    a field of the struct above,
//       indented by two spaces; '!' marks it required
//   "  inline <Struct>"              copies the fields of <Struct> here, as Go
//       flattens an embedded struct
// Types: string, int32, int64, bool, bytes, []<type>, map[<key>]<type>
// (key: string or an alias of string), <Name> (the current package first,
// else the one type of that name in any package) or <package>.<Name>.
//
// Contract: on success the model satisfies schema_model's invariants; else
// `errors` names each problem as "<source>:<line>: <what>". Nothing throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/api/core/schema/schema_model.hpp"

namespace troupe::api::schema {

struct schema_source {
  std::string_view name;  // for error messages
  std::string_view text;
};

struct schema_parse_result {
  std::optional<schema_model> model;  // set when errors is empty
  std::vector<std::string> errors;
};

schema_parse_result parse_schema(const std::vector<schema_source>& sources);

}  // namespace troupe::api::schema
