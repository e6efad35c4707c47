// The consensus store as real processes: three `troupe node --roles store`
// processes on loopback, loaded by concurrent clients in this process (a
// host of its own that joins the cluster and uses the store client) while
// the leader and a follower are SIGKILLed and restarted in turn. After every
// restart each acknowledged write must be there, and the history of the
// shared registers must be linearizable.
#include <catch2/catch.hpp>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>

#include "actors/store/store_client.hpp"
#include "runtime/host.hpp"
#include "runtime/in_process_cluster.hpp"
#include "runtime/wait_until.hpp"
#include "tests/e2e/store_nodes.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/linearizability.hpp"
#include "tests/support/store_calls.hpp"

using namespace troupe;
using namespace troupe::testing;
using namespace std::chrono_literals;
using troupe::runtime::reserve_loopback_port;

namespace {

const std::vector<std::string> replica_names{"store-a", "store-b", "store-c"};
const std::vector<std::string> registers{"/r/0", "/r/1", "/r/2", "/r/3"};
constexpr int workers = 4;

// This test's own node: it joins through the replicas' addresses.
std::unique_ptr<runtime::host> client_host(const store_nodes& cluster) {
  runtime::host_spec spec;
  role_set roles;
  roles.insert(node_role::control);
  spec.identity = member_summary{"tester", "127.0.0.1", reserve_loopback_port(), roles, 0};
  for (const auto& address : cluster.addresses)
    spec.seeds.push_back(std::get<net::endpoint>(net::parse_endpoint(address)));
  spec.membership.heartbeat_interval_ms = 100;
  spec.membership.failure_timeout_ms = 1000;
  spec.membership.dial_timeout_ms = 500;
  auto started = runtime::host::start_networked(spec, {});
  if (auto* error = std::get_if<std::string>(&started)) FAIL(*error);
  return std::move(std::get<std::unique_ptr<runtime::host>>(started));
}

// The index of the replica that reports itself leader, if any.
std::optional<std::size_t> leader_of(runtime::host& self_host) {
  caf::scoped_actor self{self_host.system()};
  std::vector<published_actor> replicas;
  self->request(self_host.membership(), 2s, find_atom::value, component_kind::store_replica)
      .receive([&](std::vector<published_actor>& found) { replicas = std::move(found); },
               [](const caf::error&) {});
  for (const auto& replica : replicas) {
    if (!is_leader(self_host.system(), caf::actor_cast<store_replica_actor>(replica.handle)))
      continue;
    for (std::size_t i = 0; i < replica_names.size(); ++i)
      if (replica_names[i] == replica.name) return i;
  }
  return std::nullopt;
}

std::uint64_t now_us() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                        std::chrono::steady_clock::now().time_since_epoch())
                                        .count());
}

// Concurrent clients: unique keys (each acknowledged one must survive) and
// puts and gets of shared registers (recorded for the linearizability check).
class workload {
 public:
  workload(caf::actor_system& system, store_client_actor client)
      : system_(system), client_(std::move(client)) {
    for (int i = 0; i < workers; ++i) threads_.emplace_back([this, i] { run(i); });
  }
  ~workload() { stop(); }

  void stop() {
    stopping_ = true;
    for (auto& thread : threads_)
      if (thread.joinable()) thread.join();
  }

  // Requests the store refused outright (not for lack of a leader or time):
  // none is expected.
  std::vector<std::string> refusals() {
    std::lock_guard<std::mutex> lock(mutex_);
    return refusals_;
  }

  std::vector<std::string> acknowledged() {
    std::lock_guard<std::mutex> lock(mutex_);
    return acknowledged_;
  }
  std::vector<kv_operation> history() {
    std::lock_guard<std::mutex> lock(mutex_);
    return recorder_.history();
  }

 private:
  void run(int worker) {
    std::mt19937 random(static_cast<unsigned>(worker));
    for (int n = 0; !stopping_; ++n) {
      auto choice = random() % 10;
      if (choice < 4) {
        auto key = "/ack/" + std::to_string(worker) + "/" + std::to_string(n);
        auto answer = put(system_, client_, key, key);
        std::lock_guard<std::mutex> lock(mutex_);
        if (std::holds_alternative<txn_response>(answer))
          acknowledged_.push_back(key);
        else
          note_failure(std::get<caf::error>(answer));
        continue;
      }
      const auto& key = registers[random() % registers.size()];
      if (choice < 7) {
        auto value = std::to_string(worker) + ":" + std::to_string(n);
        history_recorder::operation_id id;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          id = recorder_.invoke_put(static_cast<std::uint64_t>(worker), key, value, now_us());
        }
        auto answer = put(system_, client_, key, value);
        std::lock_guard<std::mutex> lock(mutex_);
        // No answer: the outcome stays unknown (it may still apply).
        if (auto* error = std::get_if<caf::error>(&answer))
          note_failure(*error);
        else
          recorder_.complete_put(id, now_us());
      } else {
        history_recorder::operation_id id;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          id = recorder_.invoke_get(static_cast<std::uint64_t>(worker), key, now_us());
        }
        auto answer = get(system_, client_, key);
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto* error = std::get_if<caf::error>(&answer))
          note_failure(*error);
        else
          recorder_.complete_get(id, value_of(answer), now_us());
      }
    }
  }

  // Called with mutex_ held.
  void note_failure(const caf::error& error) {
    auto code = store_error_of(error);
    bool unavailable = !code || *code == store_error::timeout || *code == store_error::no_leader ||
                       *code == store_error::not_leader;
    if (!unavailable) refusals_.push_back(system_.render(error));
  }

  caf::actor_system& system_;
  store_client_actor client_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<std::string> acknowledged_;
  std::vector<std::string> refusals_;
  history_recorder recorder_;
  std::vector<std::thread> threads_;
};

// Every key of `expected` is present in one linearizable read of /ack/.
std::vector<std::string> missing_keys(caf::actor_system& system, const store_client_actor& client,
                                      const std::vector<std::string>& expected) {
  range_request request{"/ack/", "/ack0", 0, 0, false};
  auto answer = ask_store<store_client_actor, range_response>(system, client, 20s,
                                                              range_atom::value, request);
  if (auto* error = std::get_if<caf::error>(&answer))
    return {"(read failed: " + system.render(*error) + ")"};
  std::set<std::string> present;
  for (const auto& kv : std::get<range_response>(answer).kvs) present.insert(kv.key);
  std::vector<std::string> missing;
  for (const auto& key : expected)
    if (!present.count(key)) missing.push_back(key);
  return missing;
}

}  // namespace

TEST_CASE("three store processes keep every acknowledged write through repeated SIGKILLs",
          "[e2e][store]") {
  store_nodes cluster(replica_names);
  for (std::size_t i = 0; i < replica_names.size(); ++i) cluster.start(i);
  auto self_host = client_host(cluster);
  auto& system = self_host->system();
  store::client_config config;
  config.membership = self_host->membership();
  config.client_id = 0xe2e;
  config.timeout = 10s;
  auto client = store::spawn_store_client(system, config);
  exit_at_scope_end stop_client{client};
  REQUIRE(troupe::runtime::wait_until(
      [&] { return std::holds_alternative<txn_response>(put(system, client, "/ready", "1", 2s)); },
      30s));

  workload load(system, client);
  std::size_t acknowledged_before = 0;
  for (int round = 0; round < 4; ++round) {
    std::this_thread::sleep_for(1s);
    std::optional<std::size_t> leader;
    REQUIRE(troupe::runtime::wait_until(
        [&] { return (leader = leader_of(*self_host)).has_value(); }, 20s));
    // Even rounds kill the leader, odd rounds a follower.
    auto victim = round % 2 == 0 ? *leader : (*leader + 1) % replica_names.size();
    INFO("round " << round << ": SIGKILL " << replica_names[victim]);
    cluster.processes[victim]->signal(SIGKILL);
    CHECK(cluster.processes[victim]->wait(5s) == 128 + SIGKILL);
    std::this_thread::sleep_for(1500ms);  // the others carry on meanwhile
    cluster.start(victim);
    REQUIRE(troupe::runtime::wait_until(
        [&] { return cluster.processes[victim]->out().find("listening on") != std::string::npos; },
        20s));
    auto expected = load.acknowledged();
    auto missing = missing_keys(system, client, expected);
    INFO(missing.size() << " of " << expected.size() << " acknowledged keys missing, first: "
                        << (missing.empty() ? std::string("-") : missing.front()));
    CHECK(missing.empty());
    CHECK(expected.size() > acknowledged_before);  // writes went on through the fault
    acknowledged_before = expected.size();
  }
  load.stop();

  auto refusals = load.refusals();
  INFO(refusals.size() << " refusals, first: " << (refusals.empty() ? "-" : refusals.front()));
  CHECK(refusals.empty());
  auto history = load.history();
  auto verdict = check_linearizability(history);
  INFO(verdict.explanation);
  CHECK(verdict.linearizable);
  CHECK_FALSE(verdict.gave_up);
  CHECK(history.size() > 100);
  CHECK(missing_keys(system, client, load.acknowledged()).empty());

  caf::anon_send_exit(client, caf::exit_reason::user_shutdown);
  for (auto& process : cluster.processes) process->signal(SIGTERM);
  for (std::size_t i = 0; i < cluster.processes.size(); ++i) {
    auto code = cluster.processes[i]->wait(10s);
    if (!code) {
      WARN(replica_names[i] << " did not stop within 10 s:\n" << cluster.processes[i]->stacks());
      code = cluster.processes[i]->wait(30s);
    }
    INFO(replica_names[i] << " exit " << code.value_or(-1) << ": " << cluster.processes[i]->out()
                          << cluster.processes[i]->err());
    CHECK(code == 0);
  }
}

TEST_CASE("troupe node refuses a store data dir of another cluster with a clear message",
          "[e2e][store]") {
  temp_dir dir;
  auto address = "127.0.0.1:" + std::to_string(reserve_loopback_port());
  auto start = [&](const std::string& cluster, const std::string& log) {
    write_file(dir.file(cluster + ".yaml"), "roles: [store]\nstore:\n  cluster: " + cluster + "\n");
    return std::make_unique<child_process>(
        std::vector<std::string>{TROUPE_BINARY, "node", "--config", dir.file(cluster + ".yaml"),
                                 "--name", "solo", "--listen", address, "--seeds", address,
                                 "--data-dir", dir.file("data")},
        dir.file(log));
  };
  auto first = start("first", "first");
  REQUIRE(troupe::runtime::wait_until(
      [&] { return first->out().find("listening on") != std::string::npos; }, 20s));
  first->signal(SIGTERM);
  REQUIRE(first->wait(10s) == 0);
  auto before = std::filesystem::last_write_time(dir.file("data") + "/store/data.mdb");

  auto second = start("second", "second");
  CHECK(second->wait(20s) == 1);
  CHECK_THAT(second->err(), Catch::Contains("store replica") && Catch::Contains("first"));
  CHECK(std::filesystem::last_write_time(dir.file("data") + "/store/data.mdb") == before);
}
