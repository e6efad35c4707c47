// The linearizability checker is proved on hand-made histories whose verdict
// is known, on randomized histories generated from a correct register (always
// linearizable) and from one that serves stale reads (caught whenever the
// stale read is provably wrong), and against brute-force enumeration of every
// order on small random histories.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/linearizability.hpp"

using namespace troupe::testing;
using Catch::Matchers::Contains;

namespace {

using history = std::vector<kv_operation>;

kv_operation put(std::uint64_t client, std::optional<std::string> value, std::uint64_t invoked_at,
                 std::uint64_t completed_at) {
  return kv_operation::put(client, "x", std::move(value), invoked_at, completed_at);
}

kv_operation get(std::uint64_t client, std::optional<std::string> returned,
                 std::uint64_t invoked_at, std::uint64_t completed_at) {
  return kv_operation::get(client, "x", std::move(returned), invoked_at, completed_at);
}

kv_operation compare_and_put(std::uint64_t client, std::optional<std::string> expected,
                             std::optional<std::string> value, bool succeeded,
                             std::uint64_t invoked_at, std::uint64_t completed_at) {
  return kv_operation::compare_and_put(client, "x", std::move(expected), std::move(value),
                                       succeeded, invoked_at, completed_at);
}

bool linearizable(const history& operations) {
  linearizability_result result = check_linearizability(operations);
  REQUIRE_FALSE(result.gave_up);
  return result.linearizable;
}

}  // namespace

TEST_CASE("an empty history is linearizable", "[linearizability]") {
  linearizability_result result = check_linearizability(history{});
  CHECK(result.linearizable);
  CHECK_FALSE(result.gave_up);
  CHECK(result.states_explored == 0);
}

TEST_CASE("a sequential history that follows the register is linearizable", "[linearizability]") {
  CHECK(linearizable({get(1, std::nullopt, 0, 5), put(1, "v1", 10, 20), get(2, "v1", 30, 40),
                      put(2, "v2", 50, 60), get(1, "v2", 70, 80)}));
}

TEST_CASE("a get concurrent with a put may return the old or the new value", "[linearizability]") {
  CHECK(linearizable({put(1, "v1", 0, 10), put(1, "v2", 20, 40), get(2, "v1", 25, 35)}));
  CHECK(linearizable({put(1, "v1", 0, 10), put(1, "v2", 20, 40), get(2, "v2", 25, 35)}));
  // A get that starts first and ends last may see the put either way too.
  CHECK(linearizable({put(1, "v1", 20, 30), get(2, std::nullopt, 10, 40)}));
  CHECK(linearizable({put(1, "v1", 20, 30), get(2, "v1", 10, 40)}));
}

TEST_CASE("operations touching at one instant count as concurrent", "[linearizability]") {
  // Intervals are closed: the get may be ordered before the put.
  CHECK(linearizable({put(1, "v1", 0, 10), get(2, std::nullopt, 10, 20)}));
  CHECK_FALSE(linearizable({put(1, "v1", 0, 10), get(2, std::nullopt, 11, 20)}));
}

TEST_CASE("a stale read after a completed put is not linearizable, with an explanation",
          "[linearizability]") {
  linearizability_result result = check_linearizability(
      history{put(1, "v1", 0, 10), put(2, "v2", 20, 30), get(3, "v1", 40, 50)});
  CHECK_FALSE(result.linearizable);
  CHECK_FALSE(result.gave_up);
  CHECK_THAT(result.explanation, Contains("key \"x\""));
  CHECK_THAT(result.explanation, Contains("#2 get(\"x\") -> \"v1\" by client 3 at [40, 50]"));
  CHECK_THAT(result.explanation, Contains("#1 put(\"x\", \"v2\") by client 2 at [20, 30]"));
  CHECK_THAT(result.explanation, Contains("after which the key holds \"v2\""));
}

TEST_CASE("a get of a value never written is not linearizable", "[linearizability]") {
  linearizability_result result =
      check_linearizability(history{put(1, "v1", 0, 10), get(2, "ghost", 20, 30)});
  CHECK_FALSE(result.linearizable);
  CHECK_THAT(result.explanation, Contains("No operation writes \"ghost\""));
}

TEST_CASE("a lost write is not linearizable", "[linearizability]") {
  CHECK_FALSE(linearizable({put(1, "v1", 0, 10), get(2, std::nullopt, 20, 30)}));
  CHECK_FALSE(linearizable(
      {put(1, "v1", 0, 10), put(1, "v2", 20, 30), get(2, "v1", 20, 40), get(2, "v1", 50, 60)}));
}

TEST_CASE("a put with an unknown outcome may be observed by a later get", "[linearizability]") {
  CHECK(linearizable({kv_operation::put_unknown(1, "x", "v1", 0), get(2, "v1", 100, 110)}));
  // It may take effect long after its invocation, between two reads.
  CHECK(linearizable({put(1, "v1", 0, 10), kv_operation::put_unknown(2, "x", "v2", 5),
                      get(3, "v1", 50, 60), get(3, "v2", 70, 80)}));
}

TEST_CASE("a put with an unknown outcome may never take effect", "[linearizability]") {
  CHECK(linearizable({put(1, "v1", 0, 10), kv_operation::put_unknown(2, "x", "v2", 20),
                      get(3, "v1", 30, 40), get(3, "v1", 50, 60)}));
}

TEST_CASE("a put with an unknown outcome takes effect at most once and not before its invocation",
          "[linearizability]") {
  CHECK_FALSE(linearizable({get(1, "v1", 0, 10), kv_operation::put_unknown(2, "x", "v1", 20)}));
  CHECK_FALSE(linearizable({kv_operation::put_unknown(1, "x", "v1", 0), get(2, "v1", 10, 20),
                            get(2, std::nullopt, 30, 40)}));
}

TEST_CASE("reads going back in time across two clients are not linearizable", "[linearizability]") {
  // The long put v2 overlaps both reads, but once client 1 saw v2, client 2
  // starting later must not see v1.
  CHECK(linearizable(
      {put(1, "v1", 0, 10), put(1, "v2", 20, 60), get(2, "v1", 30, 40), get(3, "v2", 45, 55)}));
  linearizability_result result = check_linearizability(history{
      put(1, "v1", 0, 10), put(1, "v2", 20, 60), get(2, "v2", 30, 40), get(3, "v1", 45, 55)});
  CHECK_FALSE(result.linearizable);
  CHECK_THAT(result.explanation, Contains("#3 get(\"x\") -> \"v1\" by client 3 at [45, 55]"));
}

TEST_CASE("a compare_and_put succeeds exactly when the key holds its expected value",
          "[linearizability]") {
  CHECK(linearizable({put(1, "a", 0, 10), compare_and_put(2, "a", "b", true, 20, 30),
                      compare_and_put(3, "a", "c", false, 40, 50), get(1, "b", 60, 70)}));
  CHECK(linearizable({compare_and_put(1, std::nullopt, "a", true, 0, 10), get(2, "a", 20, 30)}));
  CHECK_FALSE(
      linearizable({put(1, "a", 0, 10), compare_and_put(2, std::nullopt, "b", true, 20, 30)}));
  CHECK_FALSE(linearizable({put(1, "a", 0, 10), compare_and_put(2, "a", "b", false, 20, 30)}));
  CHECK_FALSE(linearizable(
      {put(1, "a", 0, 10), compare_and_put(2, "a", "b", true, 20, 30), get(3, "a", 40, 50)}));
}

TEST_CASE("two concurrent compare_and_puts from absent cannot both succeed", "[linearizability]") {
  CHECK(linearizable({compare_and_put(1, std::nullopt, "a", true, 0, 20),
                      compare_and_put(2, std::nullopt, "b", false, 5, 15)}));
  CHECK_FALSE(linearizable({compare_and_put(1, std::nullopt, "a", true, 0, 20),
                            compare_and_put(2, std::nullopt, "b", true, 5, 15)}));
}

TEST_CASE("a compare_and_put with an unknown outcome may or may not take effect",
          "[linearizability]") {
  auto unknown = kv_operation::compare_and_put_unknown(2, "x", "a", "b", 20);
  CHECK(linearizable({put(1, "a", 0, 10), unknown, get(3, "b", 30, 40)}));
  CHECK(linearizable({put(1, "a", 0, 10), unknown, get(3, "a", 30, 40)}));
  // When its expectation never holds it cannot write.
  auto mismatched = kv_operation::compare_and_put_unknown(2, "x", "z", "b", 20);
  CHECK_FALSE(linearizable({put(1, "a", 0, 10), mismatched, get(3, "b", 30, 40)}));
}

TEST_CASE("a put of absent deletes the key", "[linearizability]") {
  CHECK(linearizable(
      {put(1, "a", 0, 10), put(1, std::nullopt, 20, 30), get(2, std::nullopt, 40, 50)}));
  CHECK_FALSE(
      linearizable({put(1, "a", 0, 10), put(1, std::nullopt, 20, 30), get(2, "a", 40, 50)}));
}

TEST_CASE("keys are checked independently and the failing key is named", "[linearizability]") {
  linearizability_result result = check_linearizability(history{
      kv_operation::put(1, "y", "v1", 0, 10), kv_operation::put(2, "z", "v1", 0, 10),
      kv_operation::get(1, "y", "v1", 20, 30), kv_operation::get(2, "z", std::nullopt, 20, 30)});
  CHECK_FALSE(result.linearizable);
  CHECK_THAT(result.explanation, Contains("key \"z\""));
  // Two reads after two puts disagree: fine on two keys, impossible on one.
  CHECK(linearizable(
      {kv_operation::put(1, "y", "v1", 0, 10), kv_operation::put(2, "z", "v2", 0, 10),
       kv_operation::get(1, "y", "v1", 20, 30), kv_operation::get(2, "z", "v2", 20, 30)}));
  CHECK_FALSE(linearizable(
      {put(1, "v1", 0, 10), put(2, "v2", 0, 10), get(1, "v1", 20, 30), get(2, "v2", 20, 30)}));
}

TEST_CASE("a get with an unknown outcome is ignored", "[linearizability]") {
  kv_operation timed_out = get(2, "never written", 20, 20);
  timed_out.outcome_unknown = true;
  CHECK(linearizable({put(1, "v1", 0, 10), timed_out}));
}

TEST_CASE("an operation completing before its invocation is rejected", "[linearizability]") {
  CHECK_THROWS_AS(check_linearizability(history{put(1, "v1", 10, 5)}), std::invalid_argument);
}

TEST_CASE("the history recorder turns uncompleted writes into unknown outcomes and drops gets",
          "[linearizability]") {
  history_recorder recorder;
  auto first = recorder.invoke_put(1, "x", "v1", 0);
  auto lost = recorder.invoke_put(2, "x", "v2", 5);
  auto read = recorder.invoke_get(3, "x", 6);
  auto dropped = recorder.invoke_get(4, "x", 7);
  auto swap = recorder.invoke_compare_and_put(1, "x", "v1", "v3", 20);
  recorder.complete_put(first, 10);
  recorder.complete_get(read, "v2", 15);
  recorder.complete_compare_and_put(swap, false, 30);
  CHECK_THROWS_AS(recorder.complete_put(first, 11), std::logic_error);
  CHECK_THROWS_AS(recorder.complete_get(swap, std::nullopt, 31), std::logic_error);
  history recorded = recorder.history();
  REQUIRE(recorded.size() == 4);
  CHECK(recorded[lost].outcome_unknown);
  CHECK(recorded[read].value == std::optional<std::string>("v2"));
  CHECK(std::none_of(recorded.begin(), recorded.end(),
                     [&](const kv_operation& operation) { return operation.client == 4; }));
  CHECK_FALSE(recorded[3].outcome_unknown);
  CHECK_FALSE(recorded[3].succeeded);
  CHECK(dropped == 3);
  // v2 was read, so the unknown put took effect; v1 was overwritten, so the swap failed.
  CHECK(linearizable(recorded));
}

TEST_CASE("a tiny state budget on a highly concurrent history gives up", "[linearizability]") {
  // Ten concurrent puts, then two reads that disagree although nothing
  // writes after them: refuting it means trying the orders of the puts.
  history operations;
  for (std::uint64_t client = 0; client < 10; ++client) {
    operations.push_back(
        kv_operation::put(client, "hot", "v" + std::to_string(client), client, 100));
  }
  operations.push_back(kv_operation::get(98, "hot", "v0", 200, 210));
  operations.push_back(kv_operation::get(99, "hot", "v1", 220, 230));
  linearizability_result result = check_linearizability(operations, 1000);
  CHECK(result.gave_up);
  CHECK_FALSE(result.linearizable);
  CHECK(result.states_explored == 1000);
  CHECK_THAT(result.explanation, Contains("key \"hot\": gave up after exploring 1000 states"));
  CHECK_THAT(result.explanation, Contains("up to 10 concurrent"));
  // With the default budget the verdict comes: not linearizable.
  linearizability_result full = check_linearizability(operations);
  CHECK_FALSE(full.gave_up);
  CHECK_FALSE(full.linearizable);
}

TEST_CASE("a timed-out write explains a failed compare_and_put only if it may precede it",
          "[linearizability]") {
  auto failed = compare_and_put(2, "a", "b", false, 20, 30);
  CHECK(linearizable({put(1, "a", 0, 10), kv_operation::put_unknown(3, "x", "z", 5), failed}));
  CHECK_FALSE(
      linearizable({put(1, "a", 0, 10), failed, kv_operation::put_unknown(3, "x", "z", 40)}));
  // Had it taken effect, the later read could not see "a" again.
  CHECK_FALSE(linearizable({put(1, "a", 0, 10), kv_operation::put_unknown(3, "x", "z", 5), failed,
                            get(1, "a", 40, 50)}));
}

TEST_CASE("timed-out writes that nobody observes do not multiply the search", "[linearizability]") {
  // Forty writes that may or may not have happened, then a stale read: the
  // spare writes are only ever taken to explain a failed compare_and_put.
  history operations{put(1, "v1", 0, 10), put(1, "v2", 20, 30)};
  for (std::uint64_t client = 10; client < 50; ++client) {
    operations.push_back(kv_operation::put_unknown(client, "x", "t" + std::to_string(client), 5));
  }
  operations.push_back(get(2, "v1", 40, 50));
  linearizability_result result = check_linearizability(operations);
  CHECK_FALSE(result.linearizable);
  CHECK_FALSE(result.gave_up);
  CHECK(result.states_explored < 10);
}

namespace {

constexpr std::uint64_t generated_clients = 6;
constexpr std::uint64_t generated_keys = 3;
constexpr std::size_t generated_operations_per_client = 20;
constexpr std::uint64_t generated_seeds = 200;

struct generated_history {
  history operations;
  std::size_t stale_reads_injected = 0;
  // Stale reads that no linearization allows: the value returned was
  // overwritten by a put that completed before the get started, and its own
  // writer completed before that put started (every written value is unique).
  std::size_t stale_reads_provable = 0;
  std::size_t unknown_outcomes = 0;
};

// Clients issue puts, gets and compare_and_puts against one correct register
// per key. Each operation takes effect at a point strictly inside its
// interval; a timed-out write takes effect at a random point after its
// invocation, possibly after the client gave up, or never. With
// `serve_stale_reads`, some gets return the value from before the latest put
// that completed before they started.
class history_generator {
 public:
  history_generator(std::uint64_t seed, bool serve_stale_reads)
      : random_(seed), serve_stale_reads_(serve_stale_reads) {}

  generated_history run() {
    std::vector<std::uint64_t> next_invocation(generated_clients, 0);
    std::vector<std::size_t> issued(generated_clients, 0);
    for (std::uint64_t now = 0;; ++now) {
      for (std::uint64_t client = 0; client < generated_clients; ++client) {
        if (issued[client] == generated_operations_per_client || next_invocation[client] > now) {
          continue;
        }
        ++issued[client];
        next_invocation[client] = invoke(client, now) + uniform(0, 3);
      }
      for (const auto& effect : pending_) {
        if (effect.effect_at == now) take_effect(effect);
      }
      std::erase_if(pending_, [&](const pending& effect) { return effect.effect_at == now; });
      bool all_issued = std::all_of(issued.begin(), issued.end(), [](std::size_t count) {
        return count == generated_operations_per_client;
      });
      if (all_issued && pending_.empty()) return std::move(result_);
    }
  }

 private:
  struct applied_write {
    std::optional<std::string> value;
    std::size_t writer = 0;
  };
  struct pending {
    std::size_t operation = 0;
    std::uint64_t effect_at = 0;
    bool takes_effect = true;
  };

  // Returns when the client is free again: at completion or when it gives up.
  std::uint64_t invoke(std::uint64_t client, std::uint64_t now) {
    kv_operation operation;
    operation.client = client;
    operation.key = "k" + std::to_string(uniform(0, generated_keys - 1));
    operation.invoked_at = now;
    std::uint64_t kind = uniform(0, 9);
    operation.kind = kind < 4   ? operation_kind::put
                     : kind < 8 ? operation_kind::get
                                : operation_kind::compare_and_put;
    std::size_t id = result_.operations.size();
    if (operation.kind != operation_kind::get) operation.value = "v" + std::to_string(id);
    if (operation.kind == operation_kind::compare_and_put) {
      operation.expected = expectation(operation.key);
    }
    pending effect{id, now + uniform(1, 4), true};
    operation.completed_at = effect.effect_at + uniform(1, 4);
    if (uniform(0, 9) == 0) {
      operation.outcome_unknown = true;
      ++result_.unknown_outcomes;
      effect.effect_at = now + uniform(1, 12);
      effect.takes_effect = uniform(0, 1) == 0;
    }
    result_.operations.push_back(operation);
    pending_.push_back(effect);
    return operation.completed_at;
  }

  // The current value half of the time, else any earlier value or absent.
  std::optional<std::string> expectation(const std::string& key) {
    const auto& writes = writes_[key];
    if (writes.empty()) return std::nullopt;
    if (uniform(0, 1) == 0) return writes.back().value;
    std::uint64_t pick = uniform(0, writes.size());
    return pick == writes.size() ? std::nullopt : writes[pick].value;
  }

  void take_effect(const pending& effect) {
    kv_operation& operation = result_.operations[effect.operation];
    auto& writes = writes_[operation.key];
    std::optional<std::string> current;
    if (!writes.empty()) current = writes.back().value;
    switch (operation.kind) {
      case operation_kind::get:
        if (!operation.outcome_unknown) operation.value = serve_read(operation, writes);
        return;
      case operation_kind::put:
        if (effect.takes_effect) writes.push_back({operation.value, effect.operation});
        return;
      case operation_kind::compare_and_put:
        if (!effect.takes_effect) return;
        operation.succeeded = current == operation.expected;
        if (operation.succeeded) writes.push_back({operation.value, effect.operation});
        return;
    }
  }

  std::optional<std::string> serve_read(const kv_operation& get,
                                        const std::vector<applied_write>& writes) {
    std::optional<std::string> current;
    if (!writes.empty()) current = writes.back().value;
    if (!serve_stale_reads_ || uniform(0, 7) != 0) return current;
    for (std::size_t position = writes.size(); position-- > 0;) {
      const kv_operation& overwriting = result_.operations[writes[position].writer];
      if (overwriting.outcome_unknown || overwriting.completed_at >= get.invoked_at) continue;
      ++result_.stale_reads_injected;
      if (position == 0) {
        ++result_.stale_reads_provable;  // nothing deletes, so absent never returns
        return std::nullopt;
      }
      const kv_operation& overwritten = result_.operations[writes[position - 1].writer];
      if (!overwritten.outcome_unknown && overwritten.completed_at < overwriting.invoked_at) {
        ++result_.stale_reads_provable;
      }
      return writes[position - 1].value;
    }
    return current;
  }

  std::uint64_t uniform(std::uint64_t low, std::uint64_t high) {
    return std::uniform_int_distribution<std::uint64_t>(low, high)(random_);
  }

  std::mt19937_64 random_;
  bool serve_stale_reads_;
  generated_history result_;
  std::map<std::string, std::vector<applied_write>> writes_;
  std::vector<pending> pending_;
};

}  // namespace

TEST_CASE("randomized histories from a correct register are linearizable", "[linearizability]") {
  std::size_t unknown_outcomes = 0;
  for (std::uint64_t seed = 0; seed < generated_seeds; ++seed) {
    generated_history generated = history_generator(seed, false).run();
    unknown_outcomes += generated.unknown_outcomes;
    linearizability_result result = check_linearizability(generated.operations);
    INFO("seed " << seed << ": " << result.explanation);
    REQUIRE(result.linearizable);
  }
  CHECK(unknown_outcomes > generated_seeds);  // the generator exercises timeouts
}

TEST_CASE("randomized histories with provably stale reads are not linearizable",
          "[linearizability]") {
  std::size_t provable_histories = 0;
  for (std::uint64_t seed = 0; seed < generated_seeds; ++seed) {
    generated_history generated = history_generator(seed, true).run();
    linearizability_result result = check_linearizability(generated.operations);
    INFO("seed " << seed << ": " << result.explanation);
    REQUIRE_FALSE(result.gave_up);
    if (generated.stale_reads_provable > 0) {
      ++provable_histories;
      CHECK_FALSE(result.linearizable);
    } else if (generated.stale_reads_injected == 0) {
      CHECK(result.linearizable);
    }
  }
  // The bug must actually fire often enough for this test to mean something.
  CHECK(provable_histories >= generated_seeds / 2);
}

namespace {

// The definition itself: some subset of the unknown-outcome writes plus all
// other operations, in some order that respects real time, follows the
// register. Exponential, so only for a handful of operations.
bool linearizable_by_enumeration(const history& operations) {
  std::vector<std::size_t> unknown;
  for (std::size_t index = 0; index < operations.size(); ++index) {
    if (operations[index].outcome_unknown) unknown.push_back(index);
  }
  for (std::size_t subset = 0; subset < (std::size_t{1} << unknown.size()); ++subset) {
    std::vector<std::size_t> order;
    for (std::size_t index = 0; index < operations.size(); ++index) {
      auto position = std::find(unknown.begin(), unknown.end(), index) - unknown.begin();
      if (!operations[index].outcome_unknown || (subset >> position) & 1) order.push_back(index);
    }
    do {
      bool valid = true;
      std::optional<std::string> value;
      for (std::size_t at = 0; valid && at < order.size(); ++at) {
        const kv_operation& operation = operations[order[at]];
        for (std::size_t later = at + 1; later < order.size(); ++later) {
          const kv_operation& other = operations[order[later]];
          valid = valid && (other.outcome_unknown || other.completed_at >= operation.invoked_at);
        }
        bool matches = value == operation.expected;
        switch (operation.kind) {
          case operation_kind::get:
            valid = valid && value == operation.value;
            break;
          case operation_kind::put:
            value = operation.value;
            break;
          case operation_kind::compare_and_put:
            valid = valid && (operation.outcome_unknown || matches == operation.succeeded);
            if (matches) value = operation.value;
            break;
        }
      }
      if (valid) return true;
    } while (std::next_permutation(order.begin(), order.end()));
  }
  return false;
}

// Six operations on one key with random intervals and random (mostly wrong)
// results, so that both verdicts are common.
history random_small_history(std::mt19937_64& random) {
  auto uniform = [&](std::uint64_t low, std::uint64_t high) {
    return std::uniform_int_distribution<std::uint64_t>(low, high)(random);
  };
  auto random_value = [&]() -> std::optional<std::string> {
    std::uint64_t pick = uniform(0, 2);
    return pick == 0 ? std::nullopt : std::optional<std::string>("v" + std::to_string(pick));
  };
  history operations;
  for (std::uint64_t client = 0; client < 6; ++client) {
    std::uint64_t invoked_at = uniform(0, 12);
    std::uint64_t completed_at = invoked_at + uniform(0, 6);
    std::uint64_t kind = uniform(0, 2);
    if (kind == 0) {
      operations.push_back(
          kv_operation::get(client, "x", random_value(), invoked_at, completed_at));
      continue;
    }
    kv_operation write =
        kind == 1 ? kv_operation::put(client, "x", random_value(), invoked_at, completed_at)
                  : kv_operation::compare_and_put(client, "x", random_value(), random_value(),
                                                  uniform(0, 1) == 0, invoked_at, completed_at);
    write.outcome_unknown = uniform(0, 3) == 0;
    operations.push_back(write);
  }
  return operations;
}

}  // namespace

TEST_CASE("the search agrees with enumerating every order on small random histories",
          "[linearizability]") {
  std::mt19937_64 random(7);
  std::size_t linearizable_count = 0;
  constexpr std::size_t histories = 300;
  for (std::size_t round = 0; round < histories; ++round) {
    history operations = random_small_history(random);
    linearizability_result result = check_linearizability(operations);
    INFO("round " << round << ": " << result.explanation);
    REQUIRE_FALSE(result.gave_up);
    REQUIRE(result.linearizable == linearizable_by_enumeration(operations));
    linearizable_count += result.linearizable;
  }
  // Both verdicts must be well represented for the agreement to mean much.
  CHECK(linearizable_count > histories / 5);
  CHECK(linearizable_count < histories * 4 / 5);
}
