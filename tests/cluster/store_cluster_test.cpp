// The consensus store across real actor systems: three store hosts in this
// process, each with its own actor system and LMDB data dir, connected over
// loopback TCP, used through the store client of a fourth host. Deadlines
// bound waiting; they are not speed assertions.
#include <catch2/catch.hpp>

#include <filesystem>
#include <mutex>
#include <thread>

#include "actors/store/store_client.hpp"
#include "runtime/in_process_cluster.hpp"
#include "runtime/wait_until.hpp"
#include "storage/lmdb_log_store.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/store_calls.hpp"

using namespace troupe;
using namespace troupe::runtime;
using namespace troupe::testing;
using namespace std::chrono_literals;

namespace {

// Three store hosts and one control host (index 3) that runs the client.
cluster_spec store_hosts(const std::string& store_dir) {
  auto spec = cluster_spec::with_roles(3, 1, 0);
  spec.seeds = {0, 1};
  spec.membership.heartbeat_interval_ms = 100;
  spec.membership.failure_timeout_ms = 1000;
  spec.membership.dial_timeout_ms = 500;
  spec.membership.dial_backoff_min_ms = 50;
  spec.membership.dial_backoff_max_ms = 400;
  spec.store_dir = store_dir;
  return spec;
}

constexpr std::size_t client_host = 3;

store_client_actor client_on(in_process_cluster& cluster, std::size_t index) {
  store::client_config config;
  config.membership = cluster.at(index).membership();
  config.client_id = 0x5eed0000 + index;
  config.timeout = 10s;
  return store::spawn_store_client(cluster.at(index).system(), config);
}

// A started cluster of store_hosts() and its client host's store client.
struct running_store {
  temp_dir data;
  in_process_cluster cluster{store_hosts(data.path())};
  store_client_actor client;
  caf::actor_system* system = nullptr;

  running_store() {
    cluster.start_all();
    client = client_on(cluster, client_host);
    system = &cluster.at(client_host).system();
  }
  ~running_store() { caf::anon_send_exit(client, caf::exit_reason::user_shutdown); }
};

std::optional<std::size_t> leader_of(in_process_cluster& cluster) {
  for (std::size_t i = 0; i < 3; ++i) {
    if (cluster.running(i) && is_leader(cluster.at(i).system(), cluster.at(i).replica())) return i;
  }
  return std::nullopt;
}

// Collects a watch's events (on the test's side of the actor system).
struct collected {
  std::mutex mutex;
  std::vector<key_value> events;
  std::vector<caf::error> ends;
  std::size_t size() {
    std::lock_guard<std::mutex> lock(mutex);
    return events.size();
  }
};

store_watcher_actor::behavior_type collector(store_watcher_actor::pointer,
                                             std::shared_ptr<collected> into) {
  return {
      [=](event_atom, const watch_events& batch) {
        std::lock_guard<std::mutex> lock(into->mutex);
        into->events.insert(into->events.end(), batch.puts_and_deletes.begin(),
                            batch.puts_and_deletes.end());
      },
      [=](cancel_atom, std::uint64_t, const caf::error& reason) {
        std::lock_guard<std::mutex> lock(into->mutex);
        into->ends.push_back(reason);
      },
  };
}

}  // namespace

TEST_CASE("three replicas elect a leader and serve writes and reads through the client",
          "[cluster][store]") {
  running_store store;
  auto& cluster = store.cluster;
  auto& client = store.client;
  auto& system = *store.system;

  auto written = put(system, client, "/registry/pods/a", "first");
  REQUIRE(std::holds_alternative<txn_response>(written));
  CHECK(std::get<txn_response>(written).succeeded);
  CHECK(std::get<txn_response>(written).revision == 2);
  CHECK(value_of(get(system, client, "/registry/pods/a")) == "first");
  REQUIRE(troupe::runtime::wait_until(
      [&] {
        for (std::size_t i = 0; i < 3; ++i)
          if (value_of(get(cluster.at(i).system(), cluster.at(i).replica(), "/registry/pods/a",
                           true)) != "first")
            return false;
        return true;
      },
      10s));

  SECTION("a follower refuses a write and names the leader") {
    auto leader = leader_of(cluster);
    REQUIRE(leader);
    auto follower = (*leader + 1) % 3;
    auto refused = put(cluster.at(follower).system(), cluster.at(follower).replica(), "/k", "v");
    REQUIRE(std::holds_alternative<caf::error>(refused));
    const auto& error = std::get<caf::error>(refused);
    CHECK(store_error_of(error) == store_error::not_leader);
    CHECK(error_detail(error) == cluster.name(*leader));
  }

  SECTION("an oversized value is refused with a typed error and nothing is written") {
    auto refused = put(system, client, "/big", std::string(1536 * 1024 + 1, 'x'));
    REQUIRE(std::holds_alternative<caf::error>(refused));
    CHECK(store_error_of(std::get<caf::error>(refused)) == store_error::value_too_large);
    CHECK_FALSE(value_of(get(system, client, "/big")));
  }
}

TEST_CASE("acknowledged writes survive the leader's stop and restart; watches see each once",
          "[cluster][store]") {
  running_store store;
  auto& cluster = store.cluster;
  auto& client = store.client;
  auto& system = *store.system;
  REQUIRE(std::holds_alternative<txn_response>(put(system, client, "/w/0", "/w/0")));

  auto seen = std::make_shared<collected>();
  auto watcher = system.spawn(collector, seen);
  exit_at_scope_end stop_watcher{watcher};
  caf::scoped_actor self{system};
  std::optional<std::uint64_t> watch;
  self->request(client, 10s, watch_atom::value, watch_request{"/w/", "/w0", 2}, watcher)
      .receive([&](std::uint64_t id) { watch = id; }, [](const caf::error&) {});
  REQUIRE(watch);

  std::vector<std::string> acknowledged{"/w/0"};
  for (int round = 1; round <= 3; ++round) {
    auto leader = leader_of(cluster);
    REQUIRE(leader);
    cluster.stop(*leader);
    for (int i = 0; i < 5; ++i) {
      auto key = "/w/" + std::to_string(round * 10 + i);
      auto written = put(system, client, key, key);
      INFO(key);
      REQUIRE(std::holds_alternative<txn_response>(written));
      acknowledged.push_back(key);
    }
    cluster.start(*leader);
  }
  for (const auto& key : acknowledged) {
    auto answer = get(system, client, key);
    INFO(key << ": " << describe(system, answer));
    CHECK(value_of(answer) == key);
  }
  // Every replica, restarted ones included, holds every acknowledged write.
  REQUIRE(troupe::runtime::wait_until(
      [&] {
        for (std::size_t i = 0; i < 3; ++i)
          for (const auto& key : acknowledged)
            if (value_of(get(cluster.at(i).system(), cluster.at(i).replica(), key, true)) != key)
              return false;
        return true;
      },
      15s));
  REQUIRE(troupe::runtime::wait_until([&] { return seen->size() >= acknowledged.size(); }, 10s));
  std::lock_guard<std::mutex> lock(seen->mutex);
  CHECK(seen->ends.empty());
  REQUIRE(seen->events.size() == acknowledged.size());
  for (std::size_t i = 0; i < acknowledged.size(); ++i) {
    CHECK(seen->events[i].key == acknowledged[i]);
    if (i > 0) CHECK(seen->events[i].mod_revision > seen->events[i - 1].mod_revision);
  }
}

TEST_CASE("without a quorum the client times out clearly, and its queue is bounded",
          "[cluster][store]") {
  temp_dir data;
  in_process_cluster cluster(store_hosts(data.path()));
  cluster.start_all();
  store::client_config config;
  config.membership = cluster.at(client_host).membership();
  config.client_id = 0x71;
  config.timeout = 1500ms;
  config.attempt_timeout = 300ms;
  config.requests_max = 2;
  auto client = store::spawn_store_client(cluster.at(client_host).system(), config);
  exit_at_scope_end stop_client{client};
  auto& system = cluster.at(client_host).system();
  REQUIRE(troupe::runtime::wait_until(
      [&] { return std::holds_alternative<txn_response>(put(system, client, "/q", "1")); }, 10s));
  cluster.stop(0);
  cluster.stop(1);

  // Two requests wait for the lost quorum; a third finds the queue full.
  std::vector<store_answer<txn_response>> waited(2);
  std::vector<std::thread> waiting;
  for (std::size_t i = 0; i < 2; ++i)
    waiting.emplace_back([&, i] { waited[i] = put(system, client, "/q", "2"); });
  std::this_thread::sleep_for(300ms);
  auto refused = put(system, client, "/q", "3");
  for (auto& thread : waiting) thread.join();
  REQUIRE(std::holds_alternative<caf::error>(refused));
  CHECK(store_error_of(std::get<caf::error>(refused)) == store_error::queue_full);
  for (const auto& answer : waited) {
    REQUIRE(std::holds_alternative<caf::error>(answer));
    const auto& error = std::get<caf::error>(answer);
    CHECK(store_error_of(error) == store_error::timeout);
    // It says what it last saw: the survivor's refusal or silence.
    CHECK_THAT(error_detail(error), Catch::Contains("store-"));
  }
}

TEST_CASE("each replica keeps the state machine in its LMDB environment, beside the log",
          "[cluster][store]") {
  running_store store;
  auto& cluster = store.cluster;
  for (int i = 0; i < 20; ++i)
    REQUIRE(std::holds_alternative<txn_response>(
        put(*store.system, store.client, "/m/" + std::to_string(i % 5), "v" + std::to_string(i))));
  // Every replica has applied the last write; an idle replica writes its
  // state machine's changes on its next tick.
  REQUIRE(troupe::runtime::wait_until(
      [&] {
        for (std::size_t i = 0; i < 3; ++i)
          if (value_of(get(cluster.at(i).system(), cluster.at(i).replica(), "/m/4", true)) != "v19")
            return false;
        return true;
      },
      10s));
  std::this_thread::sleep_for(500ms);
  for (std::size_t i = 0; i < 3; ++i) cluster.stop(i);
  for (std::size_t i = 0; i < 3; ++i) {
    auto opened = storage::lmdb_log_store::open(store.data.file(cluster.name(i)),
                                                {"troupe", cluster.name(i)});
    REQUIRE(std::holds_alternative<std::unique_ptr<storage::lmdb_log_store>>(opened));
    auto loaded = std::get<std::unique_ptr<storage::lmdb_log_store>>(opened)->load();
    REQUIRE(std::holds_alternative<storage::stored_state>(loaded));
    const auto& machine = std::get<storage::stored_state>(loaded).machine;
    // A no-op and 20 puts were applied: revisions 2..21, the last put at 21.
    CHECK(machine.applied >= 21);
    CHECK(machine.current_revision == 21);
    REQUIRE(machine.records.size() == 20);
    CHECK(machine.records.back().key == "/m/4");
    CHECK(machine.records.back().record.value == "v19");
    CHECK(machine.records.back().record.version == 4);
  }
}

TEST_CASE("a replica refuses a data dir of another cluster and leaves it untouched",
          "[cluster][store]") {
  temp_dir data;
  {
    auto spec = store_hosts(data.path());
    spec.store_cluster = "other";
    in_process_cluster cluster(spec);
    cluster.start(0);
  }
  auto before = std::filesystem::last_write_time(data.file("store-0/data.mdb"));
  in_process_cluster cluster(store_hosts(data.path()));
  try {
    cluster.start(0);
    FAIL("the replica started on a foreign data dir");
  } catch (const std::runtime_error& error) {
    CHECK_THAT(error.what(), Catch::Contains("store replica") && Catch::Contains("other"));
  }
  CHECK(std::filesystem::last_write_time(data.file("store-0/data.mdb")) == before);
}

TEST_CASE("a replica joins as a learner, becomes a voter and another is removed",
          "[cluster][store]") {
  temp_dir data;
  auto spec = cluster_spec::with_roles(4, 1, 0);
  auto base = store_hosts(data.path());
  spec.seeds = base.seeds;
  spec.membership = base.membership;
  spec.store_dir = base.store_dir;
  spec.store_joiners = {"store-3"};
  in_process_cluster cluster(spec);
  cluster.start_all();
  auto client = client_on(cluster, 4);
  exit_at_scope_end stop_client{client};
  auto& system = cluster.at(4).system();
  REQUIRE(std::holds_alternative<txn_response>(put(system, client, "/before", "1")));

  auto change = [&](replica_change::kind kind, const std::string& replica) {
    return ask_store<store_client_actor, store_members>(system, client, 10s, change_atom::value,
                                                        replica_change{kind, replica});
  };
  auto learner = change(replica_change::kind::add_learner, "store-3");
  REQUIRE(std::holds_alternative<store_members>(learner));
  CHECK(std::get<store_members>(learner).learners == std::vector<std::string>{"store-3"});
  CHECK(std::get<store_members>(learner).voters.size() == 3);
  // The learner catches up on what was written before it joined.
  auto& joiner = cluster.at(3);
  REQUIRE(troupe::runtime::wait_until(
      [&] { return value_of(get(joiner.system(), joiner.replica(), "/before", true)) == "1"; },
      10s));

  auto voter = change(replica_change::kind::add_voter, "store-3");
  REQUIRE(std::holds_alternative<store_members>(voter));
  CHECK(std::get<store_members>(voter).voters ==
        std::vector<std::string>{"store-0", "store-1", "store-2", "store-3"});
  CHECK(std::get<store_members>(voter).learners.empty());

  // Replace store-0: remove it, stop it; three voters remain.
  auto removed = change(replica_change::kind::remove, "store-0");
  REQUIRE(std::holds_alternative<store_members>(removed));
  CHECK(std::get<store_members>(removed).voters ==
        std::vector<std::string>{"store-1", "store-2", "store-3"});
  cluster.stop(0);
  REQUIRE(std::holds_alternative<txn_response>(put(system, client, "/after", "2")));
  CHECK(value_of(get(system, client, "/after")) == "2");
  REQUIRE(troupe::runtime::wait_until(
      [&] { return value_of(get(joiner.system(), joiner.replica(), "/after", true)) == "2"; },
      10s));

  // Adding a replica that already votes is refused for what it is.
  auto again = change(replica_change::kind::add_voter, "store-3");
  REQUIRE(std::holds_alternative<caf::error>(again));
  CHECK(store_error_of(std::get<caf::error>(again)) == store_error::malformed_request);
}

TEST_CASE("a client watch from revision 0 sees only changes made after it started",
          "[cluster][store]") {
  running_store store;
  auto& system = *store.system;
  REQUIRE(std::holds_alternative<txn_response>(put(system, store.client, "/n/old", "1")));
  auto seen = std::make_shared<collected>();
  auto watcher = system.spawn(collector, seen);
  exit_at_scope_end stop_watcher{watcher};
  caf::scoped_actor self{system};
  std::optional<std::uint64_t> watch;
  self->request(store.client, 10s, watch_atom::value, watch_request{"/n/", "/n0", 0}, watcher)
      .receive([&](std::uint64_t id) { watch = id; }, [](const caf::error&) {});
  REQUIRE(watch);
  REQUIRE(std::holds_alternative<txn_response>(put(system, store.client, "/n/new", "2")));
  REQUIRE(troupe::runtime::wait_until([&] { return seen->size() >= 1; }, 10s));
  std::this_thread::sleep_for(200ms);  // room for a wrongly delivered old event
  std::lock_guard<std::mutex> lock(seen->mutex);
  REQUIRE(seen->events.size() == 1);
  CHECK(seen->events.front().key == "/n/new");
}
