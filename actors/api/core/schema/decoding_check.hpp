// Strict decoding of a JSON body against a type of a schema model, reporting
// what kube-apiserver's decoder (sigs.k8s.io/json over Go's encoding/json)
// reports for the same body:
//   - unknown fields, with sigs.k8s.io/json's paths: struct fields and map
//     keys joined by '.', array elements as "[i]"; at most 100, as there;
//   - the decoding error, in Go's wording. Go records the first mismatch of
//     a JSON type and goes on; an error from a self-decoding type
//     (Quantity, IntOrString, Time) ends decoding at once and wins. Its
//     context is Go's: the innermost struct type and the JSON names of the
//     struct fields on the way (array indices and map keys are not named).
// Members are visited in the iteration order of the JSON object. Nothing
// throws; recursion follows the schema, which has no cycles, so any input
// depth is safe.
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "actors/api/core/schema/api_schema.hpp"
#include "actors/api/core/schema/schema_model.hpp"

namespace troupe::api::schema {

// sigs.k8s.io/json stops collecting strict errors at this many.
constexpr std::size_t unknown_fields_max = 100;

decoding_report check_decoding_with(const schema_model& model, std::size_t root_type,
                                    const nlohmann::json& object);

}  // namespace troupe::api::schema
