#include <filesystem>
#include <iostream>

#include "runtime/commands/commands.hpp"
#include "runtime/config_loader.hpp"

namespace troupe::runtime {

void print_event(const std::string& line) {
  std::cerr << line << std::endl;
}

std::optional<node_config> resolve_config(const parsed_command& command, node_config defaults) {
  auto fail = [&](const std::string& message) {
    std::cerr << "troupe " << command.command << ": " << message << std::endl;
    return std::nullopt;
  };
  auto config = std::move(defaults);
  if (auto file = command.flags.find("config"); file != command.flags.end()) {
    auto loaded = load_config_file(file->second, config);
    if (auto* error = std::get_if<std::string>(&loaded)) return fail(*error);
    config = std::get<node_config>(loaded);
  }
  auto overridden = apply_flags(std::move(config), command.flags);
  if (auto* error = std::get_if<std::string>(&overridden)) return fail(*error);
  config = std::get<node_config>(overridden);
  if (auto error = config.validate()) return fail(*error);
  if (auto error = check_tls_files(config.tls)) return fail(*error);
  std::error_code ignored;
  std::filesystem::create_directories(config.data_dir, ignored);
  if (!std::filesystem::is_directory(config.data_dir))
    return fail("data-dir: cannot create \"" + config.data_dir + "\"");
  return config;
}

}  // namespace troupe::runtime
