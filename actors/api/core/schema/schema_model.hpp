// The schema model: packages, named types and the type expressions of their
// fields, as parsed from our schema text (schema_text_parser.hpp). One model
// serves strict decoding (decoding_check.hpp) and the OpenAPI documents
// (openapi_schemas.hpp).
//
// Invariants (established by the parser):
//   1. Every index (package, type, node) is valid in its vector.
//   2. A map's key node is a string scalar or an alias of one.
//   3. Struct types form no cycle through their fields, so a walk that
//      follows the schema is bounded by the number of types.
// Plain data, immutable once built; nothing throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace troupe::api::schema {

enum class scalar_kind : std::uint8_t { string, int32, int64, boolean, bytes };

// Types whose Go implementation decodes itself (a custom UnmarshalJSON).
enum class special_kind : std::uint8_t {
  quantity,       // resource.Quantity: a string or number that parses as a quantity
  int_or_string,  // intstr.IntOrString: a string or an int32
  time,           // metav1.Time: an RFC 3339 string
  micro_time,     // metav1.MicroTime: an RFC 3339 string with six fraction digits
  any,            // runtime.RawExtension, metav1.FieldsV1: any JSON value
};

enum class node_kind : std::uint8_t { scalar, named, array, map };

// One type expression: "int32", "Container", "[]Container", "map[string]Quantity".
struct type_node {
  node_kind kind = node_kind::scalar;
  scalar_kind scalar = scalar_kind::string;  // kind == scalar
  std::size_t named = 0;                     // kind == named: index into schema_model::types
  std::size_t element = 0;                   // array, map: index into schema_model::nodes
  std::size_t key = 0;                       // map: index into schema_model::nodes
};

enum class type_category : std::uint8_t { structure, alias, special };

struct field_definition {
  std::string name;  // the JSON name, as Go's json tag spells it
  bool required = false;
  std::size_t node = 0;
  std::string description;
};

struct package_definition {
  std::string key;             // "core": how the schema text names it
  std::string openapi_prefix;  // "io.k8s.api.core.v1"
  std::string go_package;      // "v1": the Go package name in Go's type strings
  std::string api_version;     // "v1", "apps/v1"; empty: usable under every version
};

struct type_definition {
  std::size_t package = 0;
  std::string name;  // the Go type name: "PodSpec"
  type_category category = type_category::structure;
  // A top-level object (its fields start with apiVersion and kind).
  bool is_kind = false;
  special_kind special = special_kind::any;  // category == special
  std::size_t underlying = 0;                // category == alias: a node
  std::vector<field_definition> fields;      // category == structure, in declaration order
  std::map<std::string, std::size_t, std::less<>> field_index;  // name -> index into fields
  std::string description;
};

struct schema_model {
  std::vector<package_definition> packages;
  std::vector<type_definition> types;
  std::vector<type_node> nodes;
};

// "io.k8s.api.core.v1.PodSpec": the name of the type's OpenAPI schema.
std::string openapi_name(const schema_model& model, std::size_t type);

// The type as Go's reflect.Type.String() writes it in decoding errors:
// "int32", "[]uint8", "v1.RestartPolicy", "[]v1.Container",
// "map[string]string", "v1.ResourceList".
std::string go_type_name(const schema_model& model, std::size_t node);

// The kind `kind` declared for `api_version`; kinds of a package without an
// api version (DeleteOptions) are found under every version. Nothing when
// no such kind exists.
const type_definition* find_kind(const schema_model& model, std::string_view api_version,
                                 std::string_view kind);

// The index of a type in `model.types`.
std::size_t type_index(const schema_model& model, const type_definition& type);

}  // namespace troupe::api::schema
