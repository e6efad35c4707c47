// The `troupe` subcommands. Each returns the process exit code: 0 success,
// 1 a runtime failure (e.g. a port in use), 2 bad flags or configuration.
#pragma once

#include <functional>
#include <string>

#include "runtime/core/command_line.hpp"

namespace troupe::runtime {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

int run_up(const parsed_command& command);
int run_node(const parsed_command& command);
int run_members(const parsed_command& command);
int run_store(const parsed_command& command);

// Loads --config (if given) over `defaults`, applies the flags, validates and
// checks TLS files. On error prints "troupe <command>: <error>" and returns
// nothing.
std::optional<node_config> resolve_config(const parsed_command& command, node_config defaults);

// Prints "<line>" to stderr (membership events and progress).
void print_event(const std::string& line);

// The handler for a store replica that stopped because its storage failed:
// prints "troupe <command>: <why>", remembers the failure and ends
// wait_for_termination_signal() (as SIGTERM would), so the command stops
// and then exits with exit_store_failure() instead of 0.
std::function<void(const std::string&)> stop_on_store_failure(const char* command);
// exit_failure once stop_on_store_failure's handler ran, else `code`.
int exit_store_failure(int code);

}  // namespace troupe::runtime
