// The error codes of messages/core/error_codes.hpp as CAF errors (category
// atom + code). Register the categories with `register_message_types`
// (type_registry.hpp) so they render as text.
#pragma once

#include <caf/atom.hpp>
#include <caf/error.hpp>

#include "messages/core/error_codes.hpp"

namespace troupe {

caf::error make_error(membership_error value);
caf::error make_error(store_error value);
caf::error make_error(api_error value);

using membership_error_category = caf::atom_constant<caf::atom("membership")>;
using store_error_category = caf::atom_constant<caf::atom("store")>;
using api_error_category = caf::atom_constant<caf::atom("api")>;

}  // namespace troupe
