// The command line: every malformed invocation gets one precise line, and
// flags override config values.
#include <catch2/catch.hpp>

#include "runtime/core/command_line.hpp"

using namespace troupe;
using namespace troupe::runtime;

namespace {

std::string error_of(std::vector<std::string> arguments) {
  auto parsed = parse_command_line(arguments);
  auto* error = std::get_if<std::string>(&parsed);
  return error ? *error : "(parsed)";
}

parsed_command parse(std::vector<std::string> arguments) {
  auto parsed = parse_command_line(arguments);
  if (auto* error = std::get_if<std::string>(&parsed)) FAIL(*error);
  return std::get<parsed_command>(parsed);
}

std::string apply_error(std::map<std::string, std::string> flags) {
  auto applied = apply_flags(node_config{}, flags);
  auto* error = std::get_if<std::string>(&applied);
  return error ? *error : "(applied)";
}

}  // namespace

TEST_CASE("malformed command lines are refused with one precise line", "[cli]") {
  CHECK(error_of({}) == "troupe: no command given (try `troupe help`)");
  CHECK(error_of({"launch"}) == "troupe: unknown command \"launch\" (try `troupe help`)");
  CHECK(error_of({"up", "--bogus"}) == "troupe up: unknown flag --bogus (see troupe up --help)");
  CHECK(error_of({"node", "--seeds"}) == "troupe node: flag --seeds needs a value");
  CHECK(error_of({"node", "--seeds", "--roles", "worker"}) ==
        "troupe node: flag --seeds needs a value");
  CHECK(error_of({"node", "--seeds="}) == "troupe node: flag --seeds needs a value");
  CHECK(error_of({"up", "--workers", "1", "--workers=2"}) ==
        "troupe up: flag --workers given twice");
  CHECK(error_of({"up", "extra"}) == "troupe up: unexpected argument \"extra\"");
  CHECK(error_of({"version", "--config", "x"}) ==
        "troupe version: unknown flag --config (see troupe version --help)");
}

TEST_CASE("flags take their value after a space or an equals sign", "[cli]") {
  auto command = parse({"node", "--seeds=a:1,b:2", "--roles", "worker", "--help"});
  CHECK(command.command == "node");
  CHECK(command.help);
  CHECK(command.flags.at("seeds") == "a:1,b:2");
  CHECK(command.flags.at("roles") == "worker");
  CHECK(parse({"help", "up"}).positionals == std::vector<std::string>{"up"});
  CHECK(parse({"--help"}).command == "help");
}

TEST_CASE("flags override the config and name themselves in errors", "[cli]") {
  auto applied = apply_flags(node_config{}, {{"name", "n1"},
                                             {"seeds", "10.0.0.1:7450,[::1]:7451"},
                                             {"roles", "store,worker"},
                                             {"listen", "0.0.0.0:7000"},
                                             {"workers", "0"},
                                             {"api-port", "8443"},
                                             {"runtime", "exec"},
                                             {"data-dir", "/tmp/x"}});
  REQUIRE(std::holds_alternative<node_config>(applied));
  auto config = std::get<node_config>(applied);
  CHECK(config.name == "n1");
  CHECK(config.seeds.size() == 2);
  CHECK(config.seeds[1].host == "::1");
  CHECK(to_string(config.roles) == "store,worker");
  CHECK(config.listen.port == 7000);
  CHECK(config.workers == 0);
  CHECK(config.api_port == 8443);
  CHECK(config.runtime == runtime_kind::exec);
  CHECK(config.data_dir == "/tmp/x");

  CHECK(apply_error({{"seeds", "a:1,,b:2"}}) == "--seeds: empty entry in list \"a:1,,b:2\"");
  CHECK(apply_error({{"seeds", "a"}}) == "--seeds: \"a\" has no port (expected host:port)");
  CHECK(apply_error({{"roles", "store,db"}}) ==
        "--roles: unknown role \"db\" (store, control, worker)");
  CHECK(apply_error({{"workers", "-1"}}) ==
        "--workers: expected an integer between 0 and 64, got \"-1\"");
  CHECK(apply_error({{"api-port", "80x"}}) ==
        "--api-port: expected an integer between 1 and 65535, got \"80x\"");
  CHECK(apply_error({{"runtime", "crun"}}) ==
        "--runtime: unknown runtime \"crun\" (oci, exec, fake)");
  CHECK(apply_error({{"listen", "::1:80"}}) ==
        "--listen: \"::1:80\" is ambiguous: write IPv6 addresses as [address]:port");
}

TEST_CASE("every command documents each of its flags", "[cli]") {
  for (const auto& command : commands()) {
    auto text = usage(command);
    CHECK(text.rfind("Usage: troupe " + command.name, 0) == 0);
    for (const auto& flag : command.flags) CHECK(text.find("--" + flag.name) != std::string::npos);
  }
  CHECK(overview().find("members") != std::string::npos);
}
