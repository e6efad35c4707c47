#include "actors/api/core/validation/field_errors.hpp"

#include "actors/api/core/validation/go_format.hpp"

namespace troupe::api::validation {

field_error required(const field_path& path, std::string detail) {
  return {field_error::kind::required, path.str(), "", std::move(detail)};
}

field_error invalid(const field_path& path, std::string value, std::string detail) {
  return {field_error::kind::invalid, path.str(), std::move(value), std::move(detail)};
}

field_error not_supported(const field_path& path, std::string value,
                          const std::vector<std::string>& supported) {
  std::string detail;
  for (const auto& choice : supported)
    detail += (detail.empty() ? "supported values: " : ", ") + go_quote(choice);
  return {field_error::kind::not_supported, path.str(), std::move(value), detail};
}

field_error forbidden(const field_path& path, std::string detail) {
  return {field_error::kind::forbidden, path.str(), "", std::move(detail)};
}

field_error duplicate(const field_path& path, std::string value) {
  return {field_error::kind::duplicate, path.str(), std::move(value), ""};
}

field_error not_found(const field_path& path, std::string value) {
  return {field_error::kind::not_found, path.str(), std::move(value), ""};
}

field_error too_long(const field_path& path, std::size_t bytes_max) {
  return {field_error::kind::too_long, path.str(), "",
          "must have at most " + std::to_string(bytes_max) + " bytes"};
}

field_error too_many(const field_path& path, std::size_t actual, std::size_t items_max) {
  return {field_error::kind::too_many, path.str(), std::to_string(actual),
          "must have at most " + std::to_string(items_max) + " items"};
}

void append_invalid(error_list& errors, const field_path& path, const std::string& value,
                    const std::vector<std::string>& messages) {
  for (const auto& message : messages) errors.push_back(invalid(path, value, message));
}

}  // namespace troupe::api::validation
