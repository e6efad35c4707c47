// The troupe binary as a user runs it: help, version, and one precise line
// with exit code 2 for every bad flag or config.
#include <catch2/catch.hpp>

#include "tests/support/child_process.hpp"

using namespace troupe::testing;

namespace {

run_result run_troupe(const temp_dir& dir, std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), TROUPE_BINARY);
  return run_command(std::move(arguments), dir.file("troupe"));
}

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("troupe prints help and version and exits 0", "[e2e]") {
  temp_dir dir;
  auto help = run_troupe(dir, {"help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("Commands:") != std::string::npos);
  for (auto command : {"up", "node", "members", "store", "version", "help"}) {
    auto usage = run_troupe(dir, {command, "--help"});
    CHECK(usage.code == 0);
    CHECK(usage.out.rfind(std::string("Usage: troupe ") + command, 0) == 0);
  }
  auto version = run_troupe(dir, {"version"});
  CHECK(version.code == 0);
  CHECK(version.out.rfind("troupe 0.", 0) == 0);
}

TEST_CASE("bad flags and configs print one line and exit 2", "[e2e]") {
  temp_dir dir;
  write_file(dir.file("bad.yaml"), "name: a\nworkers: lots\n");
  write_file(dir.file("broken.yaml"), "name: [a\n");
  write_file(dir.file("tls.yaml"),
             "name: a\ntls: {certificate: /nonexistent.pem, key: k.pem, ca: ca.pem}\n");
  struct expectation {
    std::vector<std::string> arguments;
    std::string message;
  };
  std::vector<expectation> cases{
      {{"up", "--bogus"}, "troupe up: unknown flag --bogus (see troupe up --help)\n"},
      {{"node", "--seeds"}, "troupe node: flag --seeds needs a value\n"},
      {{"up", "--workers", "x"},
       "troupe up: --workers: expected an integer between 0 and 64, got \"x\"\n"},
      {{"up", "--runtime", "crun"},
       "troupe up: --runtime: unknown runtime \"crun\" (oci, exec, fake)\n"},
      {{"up", "--config", dir.file("bad.yaml")},
       "troupe up: " + dir.file("bad.yaml") + ": workers: expected an integer, got \"lots\"\n"},
      {{"up", "--config", dir.file("missing.yaml")},
       "troupe up: " + dir.file("missing.yaml") + ": cannot read the file\n"},
      {{"node", "--name", "Bad_Name", "--seeds", "127.0.0.1:1"},
       "troupe node: name: \"Bad_Name\" is not a DNS-1123 subdomain (lowercase letters, digits, "
       "'-' and '.', at most 253)\n"},
      {{"node", "--name", "a"},
       "troupe node: seeds: at least one seed is required (list this node's own address to "
       "start a new cluster)\n"},
      {{"node", "--config", dir.file("tls.yaml"), "--seeds", "127.0.0.1:1"},
       "troupe node: tls.certificate: cannot read \"/nonexistent.pem\"\n"},
      {{"frobnicate"}, "troupe: unknown command \"frobnicate\" (try `troupe help`)\n"},
      {{"members"}, "troupe members: flag --connect is required\n"},
  };
  for (const auto& item : cases) {
    INFO(item.arguments.front() << " " << (item.arguments.size() > 1 ? item.arguments[1] : ""));
    auto result = run_troupe(dir, item.arguments);
    CHECK(result.code == 2);
    CHECK(result.err == item.message);
    CHECK(lines(result.err) == 1);
  }
  auto broken = run_troupe(dir, {"up", "--config", dir.file("broken.yaml")});
  CHECK(broken.code == 2);
  CHECK(broken.err.rfind("troupe up: " + dir.file("broken.yaml") + ": line ", 0) == 0);
  CHECK(lines(broken.err) == 1);
}
