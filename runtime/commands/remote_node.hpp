// What the commands that talk to a running node share (`troupe members`,
// `troupe store`): the --connect, --config and --timeout-ms flags, and
// connecting to the node's membership actor over its actor network.
// Failures are printed as "troupe <command>: ..." on stderr.
#pragma once

#include <caf/all.hpp>

#include <chrono>
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

// The node's membership actor, or nothing (after printing why).
std::optional<membership_actor> connect_membership(caf::actor_system& system,
                                                   caf::scoped_actor& self,
                                                   const remote_options& options,
                                                   const std::string& command);

}  // namespace troupe::runtime
