#include "runtime/config_loader.hpp"

#include <fstream>
#include <sstream>

#include "runtime/core/config_file.hpp"

namespace troupe::runtime {

std::variant<node_config, std::string> load_config_file(const std::string& path,
                                                        node_config defaults) {
  std::ifstream in(path);
  if (!in) return path + ": cannot read the file";
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto result = parse_config_yaml(buffer.str(), std::move(defaults));
  if (auto* error = std::get_if<std::string>(&result)) return path + ": " + *error;
  return result;
}

std::optional<std::string> check_tls_files(const tls_files& tls) {
  if (!tls.enabled()) return std::nullopt;
  for (auto [field, path] : {std::pair{"tls.certificate", &tls.certificate},
                             std::pair{"tls.key", &tls.key}, std::pair{"tls.ca", &tls.ca}}) {
    if (!std::ifstream(*path)) return std::string(field) + ": cannot read \"" + *path + "\"";
  }
  return std::nullopt;
}

}  // namespace troupe::runtime
