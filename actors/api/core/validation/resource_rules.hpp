// Resource names and quantities (kube's core helper rules): which names are
// standard, native, extended or huge pages, and the value checks
// ValidateResourceQuantityValue applies. Shared by containers, pod
// overhead, nodes and persistent volumes.
// Pure; never throws.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"
#include "messages/core/quantity.hpp"

namespace troupe::api::validation {

bool native_resource(const std::string& name);
bool huge_page_resource(const std::string& name);
bool extended_resource(const std::string& name);
bool overcommit_allowed(const std::string& name);

// A quantity written as a JSON string or number; nothing when unparseable
// (kube refuses those while decoding; validation reports them Invalid).
std::optional<troupe::quantity> quantity_of(const nlohmann::json& value);

// The quantity as kube prints it in messages (its canonical String()).
std::string quantity_text(const troupe::quantity& amount);

// ValidateResourceQuantityValue: not negative; an integer for integer
// resources (extended resources and object counts). An unparseable value is
// reported Invalid with the quantity syntax message.
error_list resource_quantity(const std::string& resource, const nlohmann::json& value,
                             const field_path& path);

// validateResourceName and validateContainerResourceName.
error_list resource_name(const std::string& name, const field_path& path);
error_list container_resource_name(const std::string& name, const field_path& path);

}  // namespace troupe::api::validation
