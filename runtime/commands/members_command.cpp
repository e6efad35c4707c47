#include <caf/all.hpp>
#include <caf/io/all.hpp>

#include <iomanip>
#include <iostream>

#include "messages/interfaces/membership_actor.hpp"
#include "runtime/actor_system_setup.hpp"
#include "runtime/commands/commands.hpp"
#include "runtime/config_loader.hpp"

namespace troupe::runtime {

namespace {

void print_table(const std::vector<member_info>& members) {
  std::cout << std::left << std::setw(24) << "NAME" << std::setw(24) << "ADDRESS" << std::setw(22)
            << "ROLES" << std::setw(12) << "LAST-HEARD"
            << "ACTORS\n";
  for (const auto& member : members) {
    std::string actors;
    for (const auto& actor : member.published) actors += (actors.empty() ? "" : ",") + actor;
    auto heard =
        member.self ? std::string("self") : std::to_string(member.last_heard_ms_ago) + "ms";
    std::cout << std::setw(24) << member.summary.name << std::setw(24) << member.summary.address()
              << std::setw(22) << to_string(member.summary.roles) << std::setw(12) << heard
              << actors << "\n";
  }
  std::cout << std::flush;
}

}  // namespace

int run_members(const parsed_command& command) {
  auto connect = command.flags.find("connect");
  if (connect == command.flags.end()) {
    std::cerr << "troupe members: flag --connect is required" << std::endl;
    return exit_usage;
  }
  auto endpoint = net::parse_endpoint(connect->second);
  if (auto* error = std::get_if<std::string>(&endpoint)) {
    std::cerr << "troupe members: --connect: " << *error << std::endl;
    return exit_usage;
  }
  auto timeout = std::chrono::milliseconds(5000);
  if (auto flag = command.flags.find("timeout-ms"); flag != command.flags.end()) {
    auto value = std::atoll(flag->second.c_str());
    if (value <= 0 || value > 600000) {
      std::cerr << "troupe members: --timeout-ms: expected 1-600000, got \"" << flag->second << "\""
                << std::endl;
      return exit_usage;
    }
    timeout = std::chrono::milliseconds(value);
  }
  tls_files tls;
  if (auto file = command.flags.find("config"); file != command.flags.end()) {
    node_config defaults;
    defaults.name = "members";
    auto loaded = load_config_file(file->second, defaults);
    if (auto* error = std::get_if<std::string>(&loaded)) {
      std::cerr << "troupe members: " << *error << std::endl;
      return exit_usage;
    }
    tls = std::get<node_config>(loaded).tls;
    if (auto error = check_tls_files(tls)) {
      std::cerr << "troupe members: " << *error << std::endl;
      return exit_usage;
    }
  }
  caf::actor_system_config config;
  configure_actor_system(config, tls);
  caf::actor_system system{config};
  caf::scoped_actor self{system};
  auto [host, port] = std::get<net::endpoint>(endpoint);
  int code = exit_failure;
  self->request(network_of(system), timeout, caf::connect_atom::value, host, port)
      .receive(
          [&](caf::node_id&, caf::strong_actor_ptr& handle, std::set<std::string>& interface) {
            if (!handle || interface != system.message_types<membership_actor>()) {
              std::cerr << "troupe members: " << connect->second
                        << " is not a troupe node's actor network" << std::endl;
              return;
            }
            self->request(caf::actor_cast<membership_actor>(handle), timeout, members_atom::value)
                .receive(
                    [&](std::vector<member_info>& members) {
                      print_table(members);
                      code = exit_ok;
                    },
                    [&](caf::error& error) {
                      std::cerr << "troupe members: " << system.render(error) << std::endl;
                    });
          },
          [&](caf::error& error) {
            std::cerr << "troupe members: cannot connect to " << connect->second << ": "
                      << system.render(error) << std::endl;
          });
  return code;
}

}  // namespace troupe::runtime
