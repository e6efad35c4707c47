// Deterministic simulation of Raft replicas: a safety phase with faults
// (partitions, loss, duplication, reordering, delay, clock jumps, crashes
// losing unsynced writes, restarts, leader transfers, membership changes), then a liveness
// phase that must converge. Invariants are checked at every step inside the
// simulation (see raft_cluster.hpp). Every run replays from its seed:
//   TROUPE_SIM_SEED=n    runs only seed n
//   TROUPE_SIM_SEEDS=k   runs seeds 1..k (default below)
//   TROUPE_SIM_DEBUG=1   prints every replica's final state
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

#include "tests/sim/raft_cluster.hpp"
#include "tests/support/linearizability.hpp"

using namespace troupe::testing;

namespace {

std::vector<std::uint64_t> seeds(std::uint64_t default_count) {
  if (const char* one = std::getenv("TROUPE_SIM_SEED")) return {std::strtoull(one, nullptr, 10)};
  auto count = default_count;
  if (const char* many = std::getenv("TROUPE_SIM_SEEDS")) count = std::strtoull(many, nullptr, 10);
  std::vector<std::uint64_t> result;
  for (std::uint64_t seed = 1; seed <= count; ++seed) result.push_back(seed);
  return result;
}

std::vector<kv_operation> to_checker(const std::vector<recorded_operation>& history) {
  std::vector<kv_operation> operations;
  for (const auto& operation : history) {
    if (operation.type == recorded_operation::kind::put) {
      operations.push_back(operation.completed
                               ? kv_operation::put(operation.client, operation.key, operation.value,
                                                   operation.invoked_ms, operation.completed_ms)
                               : kv_operation::put_unknown(operation.client, operation.key,
                                                           operation.value, operation.invoked_ms));
    } else {
      auto returned = operation.found ? std::optional<std::string>(operation.value) : std::nullopt;
      operations.push_back(kv_operation::get(operation.client, operation.key, returned,
                                             operation.invoked_ms, operation.completed_ms));
    }
  }
  return operations;
}

linearizability_result check_history(const simulation_result& result) {
  auto operations = to_checker(result.history);
  return check_linearizability(operations);
}

void run_seeds(simulation_options options, std::uint64_t default_count) {
  auto list = seeds(default_count);
  std::printf("raft simulation, %zu replicas%s: seeds %llu..%llu (TROUPE_SIM_SEED=n replays one)\n",
              options.replicas, options.membership_changes ? " with membership changes" : "",
              static_cast<unsigned long long>(list.front()),
              static_cast<unsigned long long>(list.back()));
  std::size_t leaders = 0;
  std::size_t applied = 0;
  std::size_t snapshots = 0;
  std::size_t changes = 0;
  std::size_t operations = 0;
  std::size_t watched = 0;
  for (auto seed : list) {
    options.seed = seed;
    simulation_result result;
    try {
      result = simulate(options);
    } catch (const invariant_violation& violation) {
      FAIL(violation.what());
    }
    INFO("seed " << seed);
    REQUIRE(result.converged);
    auto verdict = check_history(result);
    INFO(verdict.explanation);
    REQUIRE(verdict.linearizable);
    operations += result.history.size();
    leaders += result.leaders_elected;
    applied += result.entries_applied;
    snapshots += result.snapshots_installed;
    changes += result.membership_changes;
    watched += result.watch_events;
  }
  std::printf(
      "  %zu leaders elected, %zu entries applied, %zu snapshots installed, %zu "
      "membership changes, %zu client operations checked linearizable, %zu watch events "
      "gap-free\n",
      leaders, applied, snapshots, changes, operations, watched);
  // The runs did exercise what they claim to.
  CHECK(leaders >= list.size());
  CHECK(applied >= list.size() * 10);
  CHECK(watched >= list.size() * 5);
  if (list.size() >= 100) CHECK(snapshots > 0);
  if (options.membership_changes && list.size() >= 100) CHECK(changes > 0);
}

}  // namespace

TEST_CASE("three raft replicas stay safe under faults and converge, for every seed", "[sim]") {
  simulation_options options;
  options.replicas = 3;
  run_seeds(options, 600);
}

TEST_CASE("five raft replicas changing membership stay safe and converge, for every seed",
          "[sim]") {
  simulation_options options;
  options.replicas = 5;
  options.membership_changes = true;
  run_seeds(options, 400);
}

TEST_CASE("a simulation replays exactly from its seed", "[sim]") {
  simulation_options options;
  options.seed = 42;
  auto first = simulate(options);
  auto second = simulate(options);
  CHECK(first.converged_at_ms == second.converged_at_ms);
  CHECK(first.entries_applied == second.entries_applied);
  CHECK(first.history.size() == second.history.size());
}

TEST_CASE("reads served by any replica without ReadIndex are caught as not linearizable", "[sim]") {
  // The deliberately broken store: every replica answers reads from its own
  // state machine at once. The checker must flag such histories.
  simulation_options options;
  options.stale_reads = true;
  std::size_t caught = 0;
  std::uint64_t first_caught = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    options.seed = seed;
    auto verdict = check_history(simulate(options));
    REQUIRE_FALSE(verdict.gave_up);
    if (!verdict.linearizable && caught++ == 0) first_caught = seed;
  }
  std::printf("stale reads: %zu of 200 seeds caught, first at seed %llu\n", caught,
              static_cast<unsigned long long>(first_caught));
  CHECK(caught > 0);
}
