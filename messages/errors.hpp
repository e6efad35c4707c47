// The error codes of messages/core/error_codes.hpp as CAF errors (category
// atom + code). Register the categories with `register_message_types`
// (type_registry.hpp) so they render as text.
#pragma once

#include <caf/atom.hpp>
#include <caf/error.hpp>

#include <optional>
#include <string>

#include "messages/core/error_codes.hpp"

namespace troupe {

caf::error make_error(membership_error value);
caf::error make_error(store_error value);
caf::error make_error(api_error value);

// A store error with one line of detail in its context (for not_leader: the
// leader's name, when known, so the client retries there).
caf::error make_error(store_error value, const std::string& detail);
// The store error `error` carries, if it is one.
std::optional<store_error> store_error_of(const caf::error& error);
// The detail given to make_error, or "" when there is none.
std::string error_detail(const caf::error& error);

using membership_error_category = caf::atom_constant<caf::atom("membership")>;
using store_error_category = caf::atom_constant<caf::atom("store")>;
using api_error_category = caf::atom_constant<caf::atom("api")>;

}  // namespace troupe
