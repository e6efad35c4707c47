// Reads a node_config from YAML (the files of cluster-configs/).
//
// Strict: an unknown key, a value of the wrong type or a YAML syntax error is
// an error naming the key path (and line for syntax errors). Keys absent from
// the file keep their defaults. Does not validate: call node_config::validate.
#pragma once

#include <string>
#include <variant>

#include "runtime/core/node_config.hpp"

namespace troupe::runtime {

std::variant<node_config, std::string> parse_config_yaml(const std::string& text,
                                                         node_config defaults = {});

}  // namespace troupe::runtime
