// A linearizability checker for histories recorded from a key-value store:
// Wing & Gong's search with Lowe's memoization, as in Knossos and Porcupine.
//
// Model: every key is an independent register whose initial value is absent.
// `put` writes a value (absent deletes), `get` returns the current value and
// `compare_and_put` writes only if the current value equals its expected one.
// Each operation is an interval [invoked_at, completed_at] of simulated time as
// its client saw it; intervals are closed, so two operations sharing an
// instant are concurrent and may be ordered either way. A write whose outcome
// is unknown (timed out) may take effect at any time after its invocation, or
// never. A get whose outcome is unknown has no effect and is ignored.
//
// Soundness of checking key by key: linearizability is local (Herlihy & Wing,
// 1990): a history is linearizable iff each object's subhistory is. Every
// operation here reads and writes exactly one key, and its effect and result
// depend only on that key's value, so the store is a product of independent
// registers. This would not hold for multi-key transactions or range reads.
//
// Complexity: deciding linearizability is NP-complete. The search is
// exponential in the number of mutually concurrent operations on one key and
// visits each (set of linearized operations, value) pair at most once; it
// stops after `max_states` such pairs over all keys and then gives up (neither
// verdict). Timed-out writes whose value nothing pending observes are only
// tried where they can matter (see register_search), so many timeouts do not
// multiply the states. Memory: about (operations on the key / 8 + 40) bytes
// per state.
//
// Pure: no I/O, no clocks, deterministic. Not thread-safe (no shared state).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace troupe::testing {

enum class operation_kind : std::uint8_t { put, get, compare_and_put };

struct kv_operation {
  operation_kind kind = operation_kind::get;
  std::uint64_t client = 0;
  std::string key;
  // put, compare_and_put: the value written (absent: delete).
  // get: the value returned (absent: the key had no value).
  std::optional<std::string> value;
  // compare_and_put: the value the key must hold for the write to happen.
  std::optional<std::string> expected;
  // compare_and_put with a known outcome: whether it wrote.
  bool succeeded = false;
  // The client never learned the outcome (it timed out); completed_at is ignored.
  bool outcome_unknown = false;
  std::uint64_t invoked_at = 0;
  std::uint64_t completed_at = 0;

  static kv_operation put(std::uint64_t client, std::string key, std::optional<std::string> value,
                          std::uint64_t invoked_at, std::uint64_t completed_at);
  static kv_operation put_unknown(std::uint64_t client, std::string key,
                                  std::optional<std::string> value, std::uint64_t invoked_at);
  static kv_operation get(std::uint64_t client, std::string key,
                          std::optional<std::string> returned, std::uint64_t invoked_at,
                          std::uint64_t completed_at);
  static kv_operation compare_and_put(std::uint64_t client, std::string key,
                                      std::optional<std::string> expected,
                                      std::optional<std::string> value, bool succeeded,
                                      std::uint64_t invoked_at, std::uint64_t completed_at);
  static kv_operation compare_and_put_unknown(std::uint64_t client, std::string key,
                                              std::optional<std::string> expected,
                                              std::optional<std::string> value,
                                              std::uint64_t invoked_at);
};

// "#3 get(\"a\") -> \"v1\" by client 2 at [40, 50]": used in explanations.
std::string describe(const kv_operation& operation, std::size_t index);

// Enough for histories of a few hundred operations per key with heavy
// concurrency; with 400 operations on a key, about 1 GiB at worst.
constexpr std::size_t default_max_states = 10'000'000;

struct linearizability_result {
  bool linearizable = false;
  // The search hit max_states before reaching a verdict; linearizable is false.
  bool gave_up = false;
  // On failure: the key, the operation that cannot take effect and the
  // longest valid linearization found before it. On give-up: the key.
  std::string explanation;
  // Distinct (linearized set, value) pairs visited, over all keys.
  std::size_t states_explored = 0;
};

// Keys are checked in lexicographic order and the first non-linearizable key
// decides. `max_states` bounds the whole call: once spent, the remaining keys
// give up at once, and a give-up on any key makes the result gave_up unless a
// key was found non-linearizable. Throws std::invalid_argument if a known
// outcome completes before its invocation.
linearizability_result check_linearizability(std::span<const kv_operation> history,
                                             std::size_t max_states = default_max_states);

// Records operations as a simulation issues and completes them. Operations
// never completed become unknown-outcome writes, or are dropped if gets.
class history_recorder {
 public:
  using operation_id = std::size_t;

  operation_id invoke_put(std::uint64_t client, std::string key, std::optional<std::string> value,
                          std::uint64_t invoked_at);
  operation_id invoke_get(std::uint64_t client, std::string key, std::uint64_t invoked_at);
  operation_id invoke_compare_and_put(std::uint64_t client, std::string key,
                                      std::optional<std::string> expected,
                                      std::optional<std::string> value, std::uint64_t invoked_at);

  // Each operation completes at most once, with the completion of its kind.
  void complete_put(operation_id id, std::uint64_t completed_at);
  void complete_get(operation_id id, std::optional<std::string> returned,
                    std::uint64_t completed_at);
  void complete_compare_and_put(operation_id id, bool succeeded, std::uint64_t completed_at);

  std::vector<kv_operation> history() const;

 private:
  kv_operation& pending(operation_id id, operation_kind kind);

  std::vector<kv_operation> operations_;
};

}  // namespace troupe::testing
