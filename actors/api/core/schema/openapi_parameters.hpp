// The query and path parameters of kube-apiserver's operations, as OpenAPI
// v3 parameter objects with our own short descriptions. Pure.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api::schema {

// pretty, and the path parameters {name} and {namespace}.
nlohmann::json pretty_parameter();
nlohmann::json name_parameter(std::string_view kind);
nlohmann::json namespace_parameter();

// The operation parameters, by operation.
nlohmann::json list_parameters();               // list and watch
nlohmann::json write_parameters();              // create, replace
nlohmann::json patch_parameters();              // write_parameters and force
nlohmann::json delete_parameters();             // delete one object
nlohmann::json delete_collection_parameters();  // delete a selection
nlohmann::json log_parameters();                // pods/log

}  // namespace troupe::api::schema
