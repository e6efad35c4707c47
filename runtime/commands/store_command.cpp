// `troupe store`: the consensus store's replicas as an operator sees them
// (status) and changes to them (add-learner, promote, remove), sent through
// the store client of a short-lived actor system connected to a node.
#include <caf/all.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <random>

#include "actors/store/store_client.hpp"
#include "messages/errors.hpp"
#include "messages/interfaces/store_replica_actor.hpp"
#include "runtime/commands/commands.hpp"
#include "runtime/commands/remote_node.hpp"

namespace troupe::runtime {

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string result;
  for (const auto& name : names) result += (result.empty() ? "" : ", ") + name;
  return result.empty() ? "(none)" : result;
}

int print_status(caf::actor_system& system, caf::scoped_actor& self,
                 const membership_actor& membership, std::chrono::milliseconds timeout) {
  std::vector<published_actor> replicas;
  bool found = false;
  self->request(membership, timeout, find_atom::value, component_kind::store_replica)
      .receive(
          [&](std::vector<published_actor>& published) {
            replicas = std::move(published);
            found = true;
          },
          [&](caf::error& error) {
            std::cerr << "troupe store: " << system.render(error) << std::endl;
          });
  if (!found) return exit_failure;
  if (replicas.empty()) {
    std::cerr << "troupe store: no store replica is alive in this cluster" << std::endl;
    return exit_failure;
  }
  std::sort(replicas.begin(), replicas.end(),
            [](const auto& first, const auto& second) { return first.node < second.node; });
  std::cout << std::left << std::setw(24) << "REPLICA"
            << "STATUS\n";
  for (const auto& replica : replicas) {
    std::string detail;
    self->request(caf::actor_cast<store_replica_actor>(replica.handle), timeout, status_atom::value)
        .receive([&](component_status& status) { detail = status.detail; },
                 [&](caf::error& error) { detail = "unreachable: " + system.render(error); });
    std::cout << std::setw(24) << replica.node << detail << "\n";
  }
  std::cout << std::flush;
  return exit_ok;
}

int change_replicas(caf::actor_system& system, caf::scoped_actor& self,
                    const membership_actor& membership, std::chrono::milliseconds timeout,
                    const replica_change& change) {
  store::client_config config;
  config.membership = membership;
  // Unique per invocation (randomness is an input the runtime provides).
  std::random_device entropy;
  config.client_id = ((std::uint64_t{entropy()} << 32) | entropy()) | 1;
  config.timeout = timeout;
  auto client = store::spawn_store_client(system, config);
  int code = exit_failure;
  self->request(client, caf::infinite, change_atom::value, change)
      .receive(
          [&](store_members& members) {
            std::cout << "voters: " << joined(members.voters) << "\n"
                      << "learners: " << joined(members.learners) << std::endl;
            code = exit_ok;
          },
          [&](caf::error& error) {
            std::cerr << "troupe store: " << system.render(error) << std::endl;
          });
  self->send_exit(client, caf::exit_reason::user_shutdown);
  return code;
}

}  // namespace

int run_store(const parsed_command& command) {
  const auto& arguments = command.positionals;
  auto usage_error = [](const std::string& why) {
    std::cerr << "troupe store: " << why << " (see troupe store --help)" << std::endl;
    return exit_usage;
  };
  if (arguments.empty())
    return usage_error("an action is required: status, add-learner, promote or remove");
  const auto& action = arguments.front();
  replica_change change;
  if (action == "status") {
    if (arguments.size() != 1) return usage_error("status takes no replica name");
  } else {
    if (action == "add-learner")
      change.type = replica_change::kind::add_learner;
    else if (action == "promote")
      change.type = replica_change::kind::add_voter;
    else if (action == "remove")
      change.type = replica_change::kind::remove;
    else
      return usage_error("unknown action \"" + action +
                         "\": expected status, add-learner, promote or remove");
    if (arguments.size() != 2) return usage_error(action + " needs the replica's node name");
    change.replica = arguments[1];
  }
  return run_with_membership(
      command, [&](caf::actor_system& system, caf::scoped_actor& self,
                   const membership_actor& membership, std::chrono::milliseconds timeout) {
        if (action == "status") return print_status(system, self, membership, timeout);
        return change_replicas(system, self, membership, timeout, change);
      });
}

}  // namespace troupe::runtime
