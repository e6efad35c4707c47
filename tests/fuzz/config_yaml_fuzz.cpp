// A node configuration file (YAML), as an operator may write it.
#include <string>

#include "runtime/core/config_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  troupe::runtime::node_config defaults;
  defaults.name = "fuzz";
  (void)troupe::runtime::parse_config_yaml(text, defaults);
  return 0;
}
