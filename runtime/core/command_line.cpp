#include "runtime/core/command_line.hpp"

#include <charconv>

namespace troupe::runtime {

namespace {

const flag_spec config_flag{"config", "FILE", "YAML configuration (see cluster-configs/)"};
const flag_spec data_dir_flag{"data-dir", "DIR", "where state is kept (default ./.troupe)"};
const flag_spec runtime_flag{"runtime", "KIND", "container runtime: oci, exec or fake"};

}  // namespace

const std::vector<command_spec>& commands() {
  static const std::vector<command_spec> all{
      {"up",
       "troupe up [--config FILE] [--data-dir DIR] [--api-port PORT] [--workers N] [--runtime "
       "KIND]",
       "Runs a whole cluster in this process: store replicas, the control plane and N worker\n"
       "hosts. The first host holds the store and control roles (and the worker role when\n"
       "--workers is 0); its membership listens on the config's `listen` address so that\n"
       "`troupe members` can inspect the cluster. Stops cleanly on SIGINT or SIGTERM.",
       {config_flag,
        data_dir_flag,
        {"api-port", "PORT", "port of the Kubernetes API gateway (default 6443)"},
        {"workers", "N", "number of worker hosts, 0-64 (default 1)"},
        runtime_flag}},
      {"node",
       "troupe node [--config FILE] --seeds HOST:PORT,... [--roles ROLES] [--name NAME] "
       "[--listen HOST:PORT] [--api-port PORT]",
       "Runs one host of a multi-host cluster. It joins through any reachable seed and keeps\n"
       "dialling the others; a node whose seed list holds only its own address starts a new\n"
       "cluster. With the control role it serves the Kubernetes API over HTTPS on the listen\n"
       "host at --api-port and writes <data-dir>/kubeconfig. Stops cleanly on SIGINT or\n"
       "SIGTERM.",
       {config_flag,
        {"seeds", "LIST", "comma-separated host:port of nodes to join through"},
        {"roles", "ROLES", "comma-separated subset of store,control,worker"},
        {"name", "NAME", "node name, a DNS-1123 subdomain"},
        {"listen", "HOST:PORT", "address of this node's actor network (default 127.0.0.1:7450)"},
        {"api-port", "PORT", "port of the Kubernetes API gateway (control role, default 6443)"},
        data_dir_flag,
        runtime_flag}},
      {"members",
       "troupe members --connect HOST:PORT [--config FILE] [--timeout-ms MS]",
       "Asks the node at HOST:PORT for the cluster's members and prints them, one per line.\n"
       "With --config, connects with the file's TLS certificate (needed for TLS clusters).",
       {{"connect", "HOST:PORT", "a node's actor network address"},
        {"config", "FILE", "a node config whose tls files to connect with"},
        {"timeout-ms", "MS", "how long to wait for the answer (default 5000)"}}},
      {"store",
       "troupe store status|add-learner NAME|promote NAME|remove NAME --connect HOST:PORT "
       "[--config FILE] [--timeout-ms MS]",
       "Inspects or changes the consensus store's replicas through the node at HOST:PORT.\n"
       "status prints each replica's role, term, leader and applied index. add-learner NAME\n"
       "adds the store replica of node NAME as a learner (it catches up without voting),\n"
       "promote NAME makes a learner a voter once it has caught up (waiting up to\n"
       "--timeout-ms), remove NAME removes a replica; each change is committed by the store\n"
       "before it prints the voters and learners. Start the new node first, with\n"
       "store.initial-replicas naming the existing replicas.",
       {{"connect", "HOST:PORT", "a node's actor network address"},
        {"config", "FILE", "a node config whose tls files to connect with"},
        {"timeout-ms", "MS", "how long to wait for the answer (default 5000)"}},
       2},
      {"version", "troupe version", "Prints the version.", {}},
      {"help", "troupe help [COMMAND]", "Prints help for troupe or one of its commands.", {}, 1},
  };
  return all;
}

namespace {

const command_spec* find_command(const std::string& name) {
  for (const auto& command : commands())
    if (command.name == name) return &command;
  return nullptr;
}

const flag_spec* find_flag(const command_spec& command, const std::string& name) {
  for (const auto& flag : command.flags)
    if (flag.name == name) return &flag;
  return nullptr;
}

std::variant<std::int64_t, std::string> parse_integer(const std::string& flag,
                                                      const std::string& text, std::int64_t low,
                                                      std::int64_t high) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
    return "--" + flag + ": expected an integer between " + std::to_string(low) + " and " +
           std::to_string(high) + ", got \"" + text + "\"";
  return value;
}

std::variant<role_set, std::string> parse_roles(const std::string& text) {
  role_set roles;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    auto item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto role = parse_node_role(item);
    if (!role) return "--roles: unknown role \"" + item + "\" (store, control, worker)";
    roles.insert(*role);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return roles;
}

}  // namespace

std::variant<parsed_command, std::string> parse_command_line(
    const std::vector<std::string>& arguments) {
  parsed_command result;
  if (arguments.empty()) return std::string("troupe: no command given (try `troupe help`)");
  result.command = arguments.front();
  if (result.command == "--help" || result.command == "-h") {
    result.command = "help";
    return result;
  }
  const auto* command = find_command(result.command);
  if (!command) return "troupe: unknown command \"" + result.command + "\" (try `troupe help`)";
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    const auto& argument = arguments[i];
    if (argument == "--help" || argument == "-h") {
      result.help = true;
      continue;
    }
    if (argument.rfind("--", 0) != 0) {
      if (result.positionals.size() < command->positionals_max) {
        result.positionals.push_back(argument);
        continue;
      }
      return "troupe " + result.command + ": unexpected argument \"" + argument + "\"";
    }
    auto equals = argument.find('=');
    auto name = argument.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    if (!find_flag(*command, name))
      return "troupe " + result.command + ": unknown flag --" + name + " (see troupe " +
             result.command + " --help)";
    std::string value;
    if (equals != std::string::npos) {
      value = argument.substr(equals + 1);
    } else if (i + 1 < arguments.size() && arguments[i + 1].rfind("--", 0) != 0) {
      value = arguments[++i];
    } else {
      return "troupe " + result.command + ": flag --" + name + " needs a value";
    }
    if (value.empty()) return "troupe " + result.command + ": flag --" + name + " needs a value";
    if (result.flags.count(name) != 0)
      return "troupe " + result.command + ": flag --" + name + " given twice";
    result.flags[name] = value;
  }
  return result;
}

std::string usage(const command_spec& command) {
  std::string text = "Usage: " + command.synopsis + "\n\n" + command.summary + "\n";
  if (command.flags.empty()) return text;
  text += "\nFlags:\n";
  for (const auto& flag : command.flags) {
    auto left = "  --" + flag.name + " " + flag.value_name;
    if (left.size() < 24) left.resize(24, ' ');
    text += left + "  " + flag.help + "\n";
  }
  text += "  --help                  this text\n";
  return text;
}

std::string overview() {
  std::string text =
      "troupe: a Kubernetes-compatible container orchestrator on the C++ Actor Framework.\n\n"
      "Commands:\n";
  for (const auto& command : commands()) {
    auto left = "  " + command.name;
    left.resize(12, ' ');
    text += left + command.synopsis + "\n";
  }
  text += "\nRun `troupe COMMAND --help` for a command's flags.\n";
  return text;
}

std::variant<node_config, std::string> apply_flags(
    node_config config, const std::map<std::string, std::string>& flags) {
  for (const auto& [name, value] : flags) {
    if (name == "name") {
      config.name = value;
    } else if (name == "listen") {
      auto parsed = net::parse_endpoint(value);
      if (auto* error = std::get_if<std::string>(&parsed)) return "--listen: " + *error;
      config.listen = std::get<net::endpoint>(parsed);
    } else if (name == "seeds") {
      auto parsed = net::parse_endpoint_list(value);
      if (auto* error = std::get_if<std::string>(&parsed)) return "--seeds: " + *error;
      config.seeds = std::get<std::vector<net::endpoint>>(parsed);
    } else if (name == "roles") {
      auto parsed = parse_roles(value);
      if (auto* error = std::get_if<std::string>(&parsed)) return *error;
      config.roles = std::get<role_set>(parsed);
    } else if (name == "data-dir") {
      config.data_dir = value;
    } else if (name == "runtime") {
      auto kind = parse_runtime_kind(value);
      if (!kind) return "--runtime: unknown runtime \"" + value + "\" (oci, exec, fake)";
      config.runtime = *kind;
    } else if (name == "api-port") {
      auto parsed = parse_integer(name, value, 1, 65535);
      if (auto* error = std::get_if<std::string>(&parsed)) return *error;
      config.api_port = static_cast<std::uint16_t>(std::get<std::int64_t>(parsed));
    } else if (name == "workers") {
      auto parsed = parse_integer(name, value, 0, workers_max);
      if (auto* error = std::get_if<std::string>(&parsed)) return *error;
      config.workers = static_cast<int>(std::get<std::int64_t>(parsed));
    }
  }
  return config;
}

}  // namespace troupe::runtime
