#include "runtime/commands/remote_node.hpp"

#include <caf/io/all.hpp>

#include <cstdlib>
#include <iostream>

#include "runtime/actor_system_setup.hpp"
#include "runtime/commands/commands.hpp"
#include "runtime/config_loader.hpp"

namespace troupe::runtime {

std::optional<remote_options> parse_remote_options(const parsed_command& command) {
  auto fail = [&](const std::string& why) {
    std::cerr << "troupe " << command.command << ": " << why << std::endl;
    return std::nullopt;
  };
  auto connect = command.flags.find("connect");
  if (connect == command.flags.end()) return fail("flag --connect is required");
  auto endpoint = net::parse_endpoint(connect->second);
  if (auto* error = std::get_if<std::string>(&endpoint)) return fail("--connect: " + *error);
  remote_options options;
  options.address = connect->second;
  options.endpoint = std::get<net::endpoint>(endpoint);
  if (auto flag = command.flags.find("timeout-ms"); flag != command.flags.end()) {
    auto value = std::atoll(flag->second.c_str());
    if (value <= 0 || value > 600000)
      return fail("--timeout-ms: expected 1-600000, got \"" + flag->second + "\"");
    options.timeout = std::chrono::milliseconds(value);
  }
  if (auto file = command.flags.find("config"); file != command.flags.end()) {
    node_config defaults;
    defaults.name = command.command;
    auto loaded = load_config_file(file->second, defaults);
    if (auto* error = std::get_if<std::string>(&loaded)) return fail(*error);
    options.tls = std::get<node_config>(loaded).tls;
    if (auto error = check_tls_files(options.tls)) return fail(*error);
  }
  return options;
}

namespace {

std::optional<membership_actor> connect_membership(caf::actor_system& system,
                                                   caf::scoped_actor& self,
                                                   const remote_options& options,
                                                   const std::string& command) {
  std::optional<membership_actor> result;
  auto [host, port] = options.endpoint;
  self->request(network_of(system), options.timeout, caf::connect_atom::value, host, port)
      .receive(
          [&](caf::node_id&, caf::strong_actor_ptr& handle, std::set<std::string>& interface) {
            if (!handle || interface != system.message_types<membership_actor>()) {
              std::cerr << "troupe " << command << ": " << options.address
                        << " is not a troupe node's actor network" << std::endl;
              return;
            }
            result = caf::actor_cast<membership_actor>(handle);
          },
          [&](caf::error& error) {
            std::cerr << "troupe " << command << ": cannot connect to " << options.address << ": "
                      << system.render(error) << std::endl;
          });
  return result;
}

}  // namespace

int run_with_membership(const parsed_command& command, const remote_action& action) {
  auto options = parse_remote_options(command);
  if (!options) return exit_usage;
  caf::actor_system_config config;
  configure_actor_system(config, options->tls);
  caf::actor_system system{config};
  caf::scoped_actor self{system};
  auto membership = connect_membership(system, self, *options, command.command);
  if (!membership) return exit_failure;
  return action(system, self, *membership, options->timeout);
}

}  // namespace troupe::runtime
