#include "messages/errors.hpp"

namespace troupe {

caf::error make_error(membership_error value) {
  return {static_cast<std::uint8_t>(value), membership_error_category::value};
}

caf::error make_error(store_error value) {
  return {static_cast<std::uint8_t>(value), store_error_category::value};
}

caf::error make_error(api_error value) {
  return {static_cast<std::uint8_t>(value), api_error_category::value};
}

}  // namespace troupe
