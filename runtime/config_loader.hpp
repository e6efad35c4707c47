// Reads a config file from disk and checks what only the file system can tell
// (TLS files exist and are readable). Parsing rules: core/config_file.hpp.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "runtime/core/node_config.hpp"

namespace troupe::runtime {

// Errors start with the path, e.g. "local.yaml: workers: must be ...".
std::variant<node_config, std::string> load_config_file(const std::string& path,
                                                        node_config defaults = {});

// Names the TLS field whose file cannot be read.
std::optional<std::string> check_tls_files(const tls_files& tls);

}  // namespace troupe::runtime
