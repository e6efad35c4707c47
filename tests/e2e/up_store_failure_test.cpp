// `troupe up` whose store can no longer write stops and exits 1 (not 0):
// the test runs it under a file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored,
// so a write past the limit fails with EFBIG the way one fails on a full
// disk) and fills its store with large ConfigMaps through kubectl.
#include <catch2/catch.hpp>

#include <string>

#include "tests/e2e/api_cluster.hpp"

using namespace troupe::testing;
using namespace std::chrono_literals;

TEST_CASE("troupe up exits 1 once its store's storage fails", "[e2e][kubectl]") {
  // 32 MiB per file: room to start (PKI, the system namespaces), not for 40
  // ConfigMaps of 900 KiB (each in the Raft log and in the key space).
  api_cluster cluster(
      {"/bin/sh", "-c", "ulimit -f 32768 && trap '' XFSZ && exec \"$@\"", "limited-troupe-up"});
  const std::string value(900 * 1024, 'x');
  int created = 0;
  bool refused = false;
  for (int i = 0; i < 40 && !refused; ++i) {
    auto path = cluster.manifest("big-" + std::to_string(i) + ".yaml",
                                 "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big-" +
                                     std::to_string(i) + "\ndata:\n  value: " + value + "\n");
    auto result = cluster.kubectl({"create", "-f", path});
    if (result.code == 0)
      ++created;
    else
      refused = true;
  }
  INFO("created " << created << "; troupe up said:\n" << cluster.up_output());
  CHECK(created > 0);
  CHECK(refused);
  auto code = cluster.wait_exit(30s);
  REQUIRE(code.has_value());
  CHECK(*code == 1);
  CHECK(cluster.up_output().find("troupe up: store replica") != std::string::npos);
  CHECK(cluster.up_output().find("stopped") != std::string::npos);
}
