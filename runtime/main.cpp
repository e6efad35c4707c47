// The `troupe` binary: parses the command line and runs a subcommand.
#include <iostream>

#include "runtime/commands/commands.hpp"
#include "runtime/signals.hpp"

namespace {

using namespace troupe::runtime;

int run_help(const parsed_command& command) {
  if (command.positionals.empty()) {
    std::cout << overview();
    return exit_ok;
  }
  for (const auto& spec : commands()) {
    if (spec.name == command.positionals.front()) {
      std::cout << usage(spec);
      return exit_ok;
    }
  }
  std::cerr << "troupe help: unknown command \"" << command.positionals.front() << "\""
            << std::endl;
  return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
  block_termination_signals();
  auto parsed = parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
  if (auto* error = std::get_if<std::string>(&parsed)) {
    std::cerr << *error << std::endl;
    return exit_usage;
  }
  const auto& command = std::get<parsed_command>(parsed);
  if (command.help) {
    for (const auto& spec : commands())
      if (spec.name == command.command) std::cout << usage(spec);
    return exit_ok;
  }
  if (command.command == "up") return run_up(command);
  if (command.command == "node") return run_node(command);
  if (command.command == "members") return run_members(command);
  if (command.command == "store") return run_store(command);
  if (command.command == "version") {
    std::cout << "troupe " << TROUPE_VERSION << " (CAF 0.17, Kubernetes API v1.32)" << std::endl;
    return exit_ok;
  }
  return run_help(command);
}
