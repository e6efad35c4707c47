// RFC 6902 JSON Patch: apply a list of add / remove / replace / move / copy /
// test operations addressed by RFC 6901 JSON Pointers ("~1" is "/", "~0" is
// "~", "-" names the position after the last array element for "add").
//
// Contract (pure; errors are returned, never thrown):
//   - The patch is applied atomically: the result is either the fully patched
//     copy of `document` or an error, never a partial result.
//   - Operations run in order; each sees the effect of the previous ones.
//   - Array indices are decimal without leading zeros; "add" accepts an index
//     equal to the array size (append), the others need an existing element.
//   - "move" into a child of its own "from" location is refused; moving a
//     location to itself changes nothing. Removing the root is refused.
//   - "test" compares by JSON value; numbers compare by numeric value.
// Errors: bad_request for a malformed patch (not an array, an operation that
// is not an object, an unknown "op", a missing or mistyped member, a pointer
// that does not start with "/" or has a bad "~" escape); unprocessable when a
// location does not exist or a "test" fails; too_large past the limits of
// json_limits.hpp (operation count, copied values, nesting depth). Messages
// start with "operation <index> (<op> <path>)".
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/patch_error.hpp"

namespace troupe::api {

patch_result<nlohmann::json> apply_json_patch(const nlohmann::json& document,
                                              const nlohmann::json& patch);

}  // namespace troupe::api
