// `troupe store` as an operator uses it: three `troupe node --roles store`
// processes, then a fourth store node that is added as a learner, promoted
// to a voter, and one of the first three removed, all through the command;
// `status` shows each replica. Bad usage exits 2 with one line; a change the
// store refuses exits 1 and says why.
#include <catch2/catch.hpp>

#include <algorithm>
#include <csignal>
#include <thread>

#include "runtime/wait_until.hpp"
#include "tests/e2e/store_nodes.hpp"
#include "tests/support/child_process.hpp"

using namespace troupe::testing;
using namespace std::chrono_literals;

namespace {

const std::vector<std::string> node_names{"store-a", "store-b", "store-c", "store-d"};

// Four store nodes and `troupe store` run against the second.
struct store_cluster : store_nodes {
  store_cluster() : store_nodes(node_names) {}

  run_result store(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {TROUPE_BINARY, "store"});
    arguments.insert(arguments.end(), {"--connect", addresses[1], "--timeout-ms", "10000"});
    return run_command(std::move(arguments), dir.file("command"));
  }

  ~store_cluster() {
    for (auto& process : processes)
      if (process) process->signal(SIGTERM);
    for (auto& process : processes)
      if (process) process->wait(10s);
  }
};

}  // namespace

TEST_CASE("troupe store adds, promotes and removes replicas and shows their status",
          "[e2e][store]") {
  store_cluster nodes;
  for (std::size_t i = 0; i < 3; ++i) nodes.start(i);
  REQUIRE(troupe::runtime::wait_until(
      [&] {
        auto status = nodes.store({"status"});
        return status.code == 0 && status.out.find("role leader") != std::string::npos;
      },
      30s));
  nodes.start(3);

  auto added = nodes.store({"add-learner", "store-d"});
  INFO(added.err);
  REQUIRE(added.code == 0);
  CHECK(added.out == "voters: store-a, store-b, store-c\nlearners: store-d\n");

  // Promotion waits (within --timeout-ms) until store-d has caught up; the
  // command may need a retry while store-d starts.
  run_result promoted;
  REQUIRE(troupe::runtime::wait_until(
      [&] {
        promoted = nodes.store({"promote", "store-d"});
        return promoted.code == 0;
      },
      30s));
  CHECK(promoted.out == "voters: store-a, store-b, store-c, store-d\nlearners: (none)\n");

  auto removed = nodes.store({"remove", "store-a"});
  INFO(removed.err);
  REQUIRE(removed.code == 0);
  CHECK(removed.out == "voters: store-b, store-c, store-d\nlearners: (none)\n");

  REQUIRE(troupe::runtime::wait_until(
      [&] {
        auto status = nodes.store({"status"});
        return status.code == 0 && status.out.find("store-d") != std::string::npos &&
               status.out.find("role leader") != std::string::npos;
      },
      30s));

  // Only a learner may be promoted: an unknown replica would weaken the quorum.
  auto refused = nodes.store({"promote", "store-x"});
  CHECK(refused.code == 1);
  CHECK_THAT(refused.err,
             Catch::StartsWith("troupe store: ") && Catch::Contains("malformed_request"));
  auto again = nodes.store({"add-learner", "store-d"});
  CHECK(again.code == 1);
  CHECK_THAT(again.err, Catch::Contains("malformed_request"));
}

TEST_CASE("troupe store refuses bad usage with one line and exit code 2", "[e2e][store]") {
  temp_dir dir;
  auto run = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), TROUPE_BINARY);
    return run_command(std::move(arguments), dir.file("troupe"));
  };
  struct bad {
    std::vector<std::string> arguments;
    std::string message;
  };
  for (const auto& [arguments, message] : std::vector<bad>{
           {{"store"}, "troupe store: an action is required"},
           {{"store", "frobnicate", "--connect", "127.0.0.1:1"}, "unknown action \"frobnicate\""},
           {{"store", "promote", "--connect", "127.0.0.1:1"},
            "promote needs the replica's node name"},
           {{"store", "status", "extra", "--connect", "127.0.0.1:1"},
            "status takes no replica name"},
           {{"store", "status"}, "troupe store: flag --connect is required"},
           {{"store", "add-learner", "a", "b"}, "troupe store: unexpected argument \"b\""}}) {
    auto result = run(arguments);
    INFO(result.err);
    CHECK(result.code == 2);
    CHECK_THAT(result.err, Catch::Contains(message));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  }
}
