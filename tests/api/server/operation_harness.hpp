// The test driver of the api core's operations (api_operation.hpp): it
// plays the api actor's part against a real in-memory MVCC store
// (storage::mvcc_store), so every test runs the operation's whole protocol
// and sees the store it leaves behind.
//
// Contract:
//   - run(request) makes the operation (make_operation), prepares it and
//     executes each of its steps until the answer: read_keys from the store
//     (a range per key at the latest revision) or, with from_cache, from the
//     watch cache as the actor does (on_cached with the cached objects);
//     read_range as a store range; write as a store txn; stream_logs is
//     recorded and answered with `log_response`, as the kubelet would.
//   - The watch cache is fed from the store's own events after every write
//     (the operation's or the test's), unless the test froze it: then it
//     stays stale until thaw_cache().
//   - Faults are injected per step kind (fail_next), and a concurrent writer
//     can change the store between an operation's read and its write
//     (before_next_write).
//   - Time is a fixed clock the test advances; randomness a seeded
//     generator. Nothing here reads a clock or entropy.
//   - A run that takes more than steps_max steps fails the test: an
//     operation must end after a bounded number of steps.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/server/api_operation.hpp"
#include "actors/api/core/server/watch_cache.hpp"
#include "messages/core/api.hpp"
#include "storage/core/mvcc_store.hpp"

namespace troupe::api::testing {

using nlohmann::json;

enum class step_kind { read_cache, read_store, read_range, write, stream_logs };

// What the harness did for one step of the operation it ran.
struct step_record {
  step_kind kind = step_kind::read_store;
  std::vector<std::string> keys;  // read_cache / read_store
  range_request range;            // read_range
  txn_request txn;                // write
};

// 2025-03-04T05:06:07Z: every test starts at this instant.
api_clock::time_point test_epoch();

class operation_harness {
 public:
  // Steps one run may take before the test fails.
  static constexpr std::size_t steps_max = 512;

  // With `system_namespaces`, "default" and "kube-system" are created first
  // through the api, as the api actor does at start.
  explicit operation_harness(bool system_namespaces = true, std::size_t history_max = 10'000);

  api_response run(const api_request& request);
  // Drives an operation the test made itself (a store list).
  api_response run(api_operation& operation);

  // The store, for direct reads and compaction (writes go through put and
  // remove, which keep the cache fed).
  storage::mvcc_store& store() { return store_; }
  const watch_cache& cache() const { return cache_; }
  // Every change the cache made, in order (its apply results).
  const std::vector<cache_event>& cache_events() const { return cache_events_; }

  void freeze_cache() { cache_frozen_ = true; }
  void thaw_cache();

  // Writes `object` under `key` as the api stores objects (no strategy, no
  // validation: a test's way to set any state); the revision of the write.
  std::int64_t put(const std::string& key, const json& object);
  std::int64_t remove(const std::string& key);
  // The stored object with its resourceVersion, or null when absent.
  json stored(const std::string& key) const;
  std::int64_t revision() const { return store_.current_revision(); }

  void advance(std::chrono::seconds by) { now_ += by; }
  api_random& random() { return random_; }

  // The next step of `kind` fails with `error` instead of reaching the store.
  void fail_next(step_kind kind, store_error error, std::string detail = {});
  // Runs once, just before the next write step reaches the store.
  void before_next_write(std::function<void(operation_harness&)> change);

  // The steps of the last run, in order.
  const std::vector<step_record>& steps() const { return steps_; }
  std::size_t count(step_kind kind) const;
  // The last stream_logs step and what the "kubelet" answers to it.
  const std::optional<stream_logs>& logs() const { return logs_; }
  api_response log_response;

 private:
  struct injected_failure {
    step_kind kind;
    store_error error;
    std::string detail;
  };

  std::optional<injected_failure> take_failure(step_kind kind);
  operation_step execute(api_operation& operation, operation_step step, operation_context& context);
  operation_step read_keys_step(api_operation& operation, const read_keys& keys,
                                operation_context& context);
  operation_step write_step(api_operation& operation, const write& txn, operation_context& context);
  void sync_cache();
  void reload_cache();

  storage::mvcc_store store_;
  watch_cache cache_;
  bool cache_frozen_ = false;
  std::vector<cache_event> cache_events_;
  api_clock::time_point now_;
  api_random random_;
  std::deque<injected_failure> failures_;
  std::function<void(operation_harness&)> before_write_;
  std::vector<step_record> steps_;
  std::optional<stream_logs> logs_;
};

// A request as the gateway decodes one: `path` is a Kubernetes REST path
// ("/api/v1/namespaces/default/pods/web/status?dryRun=All"); query values
// are taken as written (no percent-decoding).
api_request make_request(std::string verb, std::string_view path);
api_request make_request(std::string verb, std::string_view path, const json& body,
                         std::string content_type = "application/json");
api_request make_request(std::string verb, std::string_view path, std::string body,
                         std::string content_type);

// The response body parsed (null when it is not JSON).
json body_of(const api_response& response);

}  // namespace troupe::api::testing
