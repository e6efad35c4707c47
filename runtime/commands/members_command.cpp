#include <caf/all.hpp>
#include <caf/io/all.hpp>

#include <iomanip>
#include <iostream>

#include "messages/interfaces/membership_actor.hpp"
#include "runtime/commands/commands.hpp"
#include "runtime/commands/remote_node.hpp"

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
  return run_with_membership(
      command, [](caf::actor_system& system, caf::scoped_actor& self,
                  const membership_actor& membership, std::chrono::milliseconds timeout) {
        int code = exit_failure;
        self->request(membership, timeout, members_atom::value)
            .receive(
                [&](std::vector<member_info>& members) {
                  print_table(members);
                  code = exit_ok;
                },
                [&](caf::error& error) {
                  std::cerr << "troupe members: " << system.render(error) << std::endl;
                });
        return code;
      });
}

}  // namespace troupe::runtime
