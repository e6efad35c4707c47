// Real `troupe node` and `troupe up` processes on loopback, started and
// stopped by the test; membership is read back with `troupe members`.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <set>
#include <sstream>

#include "runtime/in_process_cluster.hpp"
#include "runtime/wait_until.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/test_certificates.hpp"

using namespace troupe::testing;
using namespace std::chrono_literals;
using troupe::runtime::reserve_loopback_port;

namespace {

// Membership tuned for tests: a departure shows within ~1 s.
const std::string fast_membership =
    "membership:\n  heartbeat-interval-ms: 100\n  failure-timeout-ms: 1000\n"
    "  dial-timeout-ms: 500\n";

struct node_process {
  std::string name;
  std::string address;
  // Each node serves the API (all roles) on a port of its own.
  std::uint16_t api_port = 0;
  std::unique_ptr<child_process> process;
};

// Names listed by `troupe members --connect address`, or nothing on failure.
std::optional<std::set<std::string>> members_of(const temp_dir& dir, const std::string& address) {
  auto result =
      run_command({TROUPE_BINARY, "members", "--connect", address, "--timeout-ms", "2000"},
                  dir.file("members"));
  if (result.code != 0) return std::nullopt;
  std::istringstream lines(result.out);
  std::string line;
  std::getline(lines, line);  // header
  std::set<std::string> names;
  while (std::getline(lines, line))
    if (!line.empty()) names.insert(line.substr(0, line.find(' ')));
  return names;
}

class three_nodes {
 public:
  three_nodes() {
    write_file(dir.file("node.yaml"), fast_membership);
    std::string seeds;
    for (auto name : {"node-a", "node-b", "node-c"}) {
      auto address = "127.0.0.1:" + std::to_string(reserve_loopback_port());
      nodes.push_back({name, address, reserve_loopback_port(), nullptr});
    }
    // a and b are the seeds; c only knows them.
    seeds = nodes[0].address + "," + nodes[1].address;
    seeds_ = seeds;
  }

  void start(std::size_t index) {
    auto& node = nodes[index];
    node.process = std::make_unique<child_process>(
        std::vector<std::string>{TROUPE_BINARY, "node", "--config", dir.file("node.yaml"), "--name",
                                 node.name, "--listen", node.address, "--seeds", seeds_,
                                 "--data-dir", dir.file(node.name), "--api-port",
                                 std::to_string(node.api_port)},
        dir.file(node.name));
  }

  bool all_see(const std::set<std::string>& expected, std::chrono::milliseconds deadline) {
    return troupe::runtime::wait_until(
        [&] {
          for (auto& node : nodes) {
            if (expected.count(node.name) == 0) continue;
            if (members_of(dir, node.address) != expected) return false;
          }
          return true;
        },
        deadline);
  }

  temp_dir dir;
  std::vector<node_process> nodes;

 private:
  std::string seeds_;
};

}  // namespace

TEST_CASE("three troupe node processes form a cluster and survive a killed node", "[e2e]") {
  three_nodes cluster;
  // c and b start first: seed a is down and is joined when it comes.
  cluster.start(2);
  cluster.start(1);
  REQUIRE(cluster.all_see({"node-b", "node-c"}, 20s));
  cluster.start(0);
  REQUIRE(cluster.all_see({"node-a", "node-b", "node-c"}, 20s));

  cluster.nodes[1].process->signal(SIGKILL);
  CHECK(cluster.nodes[1].process->wait(5s) == 128 + SIGKILL);
  CHECK(cluster.all_see({"node-a", "node-c"}, 3s));

  cluster.start(1);
  CHECK(cluster.all_see({"node-a", "node-b", "node-c"}, 20s));
  auto log = cluster.nodes[0].process->err();
  CHECK(log.find("node-a: node-b departed") != std::string::npos);

  for (auto& node : cluster.nodes) node.process->signal(SIGTERM);
  for (auto& node : cluster.nodes) {
    INFO(node.name);
    CHECK(node.process->wait(10s) == 0);
    CHECK(node.process->out().find("signal 15, stopping") != std::string::npos);
  }
}

TEST_CASE("troupe up runs a cluster in one process and stops cleanly on SIGINT", "[e2e]") {
  temp_dir dir;
  auto address = "127.0.0.1:" + std::to_string(reserve_loopback_port());
  write_file(dir.file("local.yaml"), "name: dev\nlisten: " + address + "\n" + fast_membership);
  child_process up(
      {TROUPE_BINARY, "up", "--config", dir.file("local.yaml"), "--workers", "2", "--data-dir",
       dir.file("state"), "--api-port", std::to_string(reserve_loopback_port())},
      dir.file("up"));
  REQUIRE(troupe::runtime::wait_until(
      [&] { return up.out().find("3 hosts running") != std::string::npos; }, 30s));
  CHECK(members_of(dir, address) == std::set<std::string>{"dev", "worker-0", "worker-1"});
  CHECK(up.out().find("troupe up: store of 1 replica ready (role leader") != std::string::npos);
  CHECK(std::filesystem::is_directory(dir.file("state")));
  up.signal(SIGINT);
  CHECK(up.wait(10s) == 0);
  CHECK(up.out().find("signal 2, stopping") != std::string::npos);
}

TEST_CASE("a TLS node answers troupe members only with a certificate of its CA", "[e2e][tls]") {
  temp_dir dir;
  auto pki = make_certificates(dir.path(), "cluster");
  auto address = "127.0.0.1:" + std::to_string(reserve_loopback_port());
  write_file(dir.file("tls.yaml"), "tls:\n  certificate: " + pki.certificate + "\n  key: " +
                                       pki.key + "\n  ca: " + pki.ca + "\n" + fast_membership);
  child_process node({TROUPE_BINARY, "node", "--config", dir.file("tls.yaml"), "--name", "secure",
                      "--listen", address, "--seeds", address, "--data-dir", dir.file("secure")},
                     dir.file("secure"));
  auto with_certificate = [&] {
    return run_command(
        {TROUPE_BINARY, "members", "--connect", address, "--config", dir.file("tls.yaml")},
        dir.file("members"));
  };
  run_result last;
  bool answered = troupe::runtime::wait_until(
      [&] {
        last = with_certificate();
        return last.code == 0;
      },
      20s);
  INFO("troupe members: exit " << last.code << ", " << last.err);
  REQUIRE(answered);
  CHECK(with_certificate().out.find("secure ") != std::string::npos);
  auto plain = run_command({TROUPE_BINARY, "members", "--connect", address}, dir.file("plain"));
  CHECK(plain.code == 1);
  CHECK(plain.err.rfind("troupe members: cannot connect to " + address, 0) == 0);
  node.signal(SIGTERM);
  CHECK(node.wait(10s) == 0);
}
