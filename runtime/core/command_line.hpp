// Parses `troupe <command> [flags]` into a command and its flag values, and
// applies flag overrides to a node_config.
//
// Every error is one line naming the command and the flag, meant to be
// printed as "troupe: <error>" with exit code 2.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "runtime/core/node_config.hpp"

namespace troupe::runtime {

struct flag_spec {
  std::string name;  // without the leading "--"
  std::string value_name;
  std::string help;
};

struct command_spec {
  std::string name;
  std::string synopsis;
  std::string summary;
  std::vector<flag_spec> flags;
  std::size_t positionals_max = 0;  // arguments that are not flags
};

// up, node, members, store, version, help: the single source of flags and help text.
const std::vector<command_spec>& commands();

struct parsed_command {
  std::string command;
  bool help = false;
  std::map<std::string, std::string> flags;
  std::vector<std::string> positionals;  // only `help <command>` takes one
};

// `arguments` excludes the program name.
std::variant<parsed_command, std::string> parse_command_line(
    const std::vector<std::string>& arguments);

// "Usage: troupe up [--config F] ...\n\n<summary>\n\nFlags:\n  --config F  ..."
std::string usage(const command_spec& command);
// The overview printed by `troupe help`.
std::string overview();

// Applies node-config flags (--name, --listen, --seeds, --roles, --data-dir,
// --api-port, --workers, --runtime) present in `flags`. Errors name the flag.
std::variant<node_config, std::string> apply_flags(node_config config,
                                                   const std::map<std::string, std::string>& flags);

}  // namespace troupe::runtime
