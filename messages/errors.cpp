#include "messages/errors.hpp"

#include <caf/make_message.hpp>

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

caf::error make_error(store_error value, const std::string& detail) {
  return {static_cast<std::uint8_t>(value), store_error_category::value, caf::make_message(detail)};
}

std::optional<store_error> store_error_of(const caf::error& error) {
  if (error.category() != store_error_category::value || error.code() == 0) return std::nullopt;
  return static_cast<store_error>(error.code());
}

std::string error_detail(const caf::error& error) {
  const auto& context = error.context();
  if (context.size() == 1 && context.match_element<std::string>(0))
    return context.get_as<std::string>(0);
  return {};
}

}  // namespace troupe
