// Constructors of validation causes with the wording of kube's
// k8s.io/apimachinery/pkg/util/validation/field (errors.go): each returns
// the field_error kube's function of the same name builds. `value` arguments
// are already formatted as kube prints them (go_format.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/validation/field_path.hpp"

namespace troupe::api::validation {

using error_list = std::vector<field_error>;

field_error required(const field_path& path, std::string detail = {});
field_error invalid(const field_path& path, std::string value, std::string detail);
// field.NotSupported: "supported values: \"a\", \"b\"" in the given order.
field_error not_supported(const field_path& path, std::string value,
                          const std::vector<std::string>& supported);
field_error forbidden(const field_path& path, std::string detail);
field_error duplicate(const field_path& path, std::string value);
field_error not_found(const field_path& path, std::string value);
// field.TooLong: "must have at most N bytes" (the value is never printed).
field_error too_long(const field_path& path, std::size_t bytes_max);
// field.TooMany: "Too many: 1001: must have at most 1000 items".
field_error too_many(const field_path& path, std::size_t actual, std::size_t items_max);

// One Invalid cause per message, all with the same path and value (the
// shape of kube's `for _, msg := range IsX(v) { field.Invalid(...) }`).
void append_invalid(error_list& errors, const field_path& path, const std::string& value,
                    const std::vector<std::string>& messages);

inline void append(error_list& to, error_list from) {
  for (auto& error : from) to.push_back(std::move(error));
}

}  // namespace troupe::api::validation
