// What the commands that talk to a running node share (`troupe members`,
// `troupe store`): the --connect, --config and --timeout-ms flags, and
// connecting to the node's membership actor over its actor network.
// Failures are printed as "troupe <command>: ..." on stderr.
#pragma once

#include <caf/all.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "messages/interfaces/membership_actor.hpp"
#include "net/core/endpoint.hpp"
#include "runtime/core/command_line.hpp"
#include "runtime/core/node_config.hpp"

namespace troupe::runtime {

struct remote_options {
  std::string address;  // as given to --connect
  net::endpoint endpoint;
  std::chrono::milliseconds timeout{5000};
  tls_files tls;
};

// Nothing (after printing why) when a flag is missing or invalid.
std::optional<remote_options> parse_remote_options(const parsed_command& command);

using remote_action =
    std::function<int(caf::actor_system& system, caf::scoped_actor& self,
                      const membership_actor& membership, std::chrono::milliseconds timeout)>;

// Parses the remote flags of `command`, starts an actor system with their
// TLS files, connects to the node's membership actor and runs `action` with
// it. Returns the action's exit code, or exit_usage for bad flags and
// exit_failure when the node cannot be reached (after printing why).
int run_with_membership(const parsed_command& command, const remote_action& action);

}  // namespace troupe::runtime
