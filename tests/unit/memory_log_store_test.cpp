// The in-memory log store keeps the raft_log_store contract and injects
// write failures that change nothing.
#include <catch2/catch.hpp>

#include "storage/core/memory_log_store.hpp"
#include "tests/unit/log_store_conformance.hpp"

using namespace troupe;
using namespace troupe::storage;

TEST_CASE("the memory log store keeps the log store contract", "[storage]") {
  auto disk = std::make_shared<memory_disk>();
  testing::check_log_store_contract([disk] { return std::make_unique<memory_log_store>(disk); });
}

TEST_CASE("an injected write failure stores nothing and later writes succeed", "[storage]") {
  auto disk = std::make_shared<memory_disk>();
  memory_log_store store(disk);
  REQUIRE_FALSE(
      store.save({.entries = testing::entries_between(1, 1, 3), .state = hard_state{1, "", 0}}));
  store.fail_writes(2);
  auto failed =
      store.save({.entries = testing::entries_between(1, 4, 4), .state = hard_state{2, "", 0}});
  REQUIRE(failed);
  CHECK(failed->message == "injected write failure");
  auto machine = testing::journaled_store();
  testing::put_key(machine, "a", "1");
  auto changes = machine.take_changes(2);
  CHECK(store.save({.machine = &changes}));
  auto loaded = testing::load_ok(store);
  CHECK(loaded.entries.size() == 3);
  CHECK(loaded.state.term == 1);
  CHECK(loaded.machine.applied == 0);
  CHECK(disk->writes == 1);
  REQUIRE_FALSE(store.save({.entries = testing::entries_between(1, 4, 4)}));
  CHECK(disk->writes == 2);
}
