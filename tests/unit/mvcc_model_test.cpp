// The store against a reference model: 2,000 random operations (puts,
// deletes of keys and ranges, compare-and-swap transactions, multi-write
// transactions, compactions) from a fixed seed, over a small key space with
// binary keys. The model keeps a whole std::map per revision; ranges at the
// current and at random historical revisions, with random limits, must agree
// with it, and replaying the watch history from the compaction point must
// reproduce every revision's state.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "storage/core/mvcc_store.hpp"
#include "tests/unit/mvcc_test_operations.hpp"

using namespace troupe;
using namespace troupe::storage;
using namespace troupe::testing;

namespace {

using model_state = std::map<std::string, key_value>;

// The model's own reading of a key range, written independently of the store.
bool in_range(const std::string& candidate, const std::string& key, const std::string& range_end) {
  if (range_end.empty()) return candidate == key;
  if (range_end == every_key_from) return candidate >= key;
  return candidate >= key && candidate < range_end;
}

std::string describe(const key_value& kv) {
  std::string key;
  for (char c : kv.key) key += c == '\0' ? std::string("\\0") : std::string(1, c);
  return key + "=" + kv.value + " c" + std::to_string(kv.create_revision) + " m" +
         std::to_string(kv.mod_revision) + " v" + std::to_string(kv.version);
}

std::vector<std::string> describe_all(const model_state& state) {
  std::vector<std::string> lines;
  for (const auto& [key, kv] : state) lines.push_back(describe(kv));
  return lines;
}

class model_test {
 public:
  void run(int operations) {
    for (int i = 0; i < operations; ++i) {
      step();
      if (i % 50 == 49) check_reads();
    }
    check_reads();
    check_history();
    check_snapshot();
    // The seed exercises what the test claims to cover.
    CHECK(compactions_ >= 5);
    CHECK(failed_compares_ >= 50);
  }

 private:
  std::string random_key() {
    static constexpr char alphabet[] = {'a', 'b', '\0'};
    std::string key(1 + random_() % 3, 'a');
    for (auto& c : key) c = alphabet[random_() % 3];
    return key;
  }

  std::pair<std::string, std::string> random_range() {
    auto key = random_key();
    switch (random_() % 3) {
      case 0:
        return {key, {}};
      case 1:
        return {key, every_key_from};
      default: {
        auto end = random_key();
        if (end < key) std::swap(key, end);
        return {key, end};
      }
    }
  }

  txn_operation random_write() {
    if (random_() % 3 != 0) {
      return {txn_operation::kind::put, random_key(), {}, "v" + std::to_string(values_++)};
    }
    auto [key, range_end] = random_range();
    return {txn_operation::kind::remove, key, range_end, {}};
  }

  txn_request random_request() {
    txn_request request;
    auto choice = random_() % 10;
    if (choice < 5) {
      request.success.push_back(random_write());
    } else if (choice < 8) {
      // Compare-and-swap on a version the model knows, sometimes off by one.
      auto key = random_key();
      auto found = states_.back().find(key);
      std::int64_t version = found == states_.back().end() ? 0 : found->second.version;
      request.compares.push_back({key, txn_compare::target::version, txn_compare::op::equal,
                                  version + static_cast<std::int64_t>(random_() % 2)});
      request.success.push_back(random_write());
      request.failure.push_back(random_write());
    } else {
      for (auto count = 2 + random_() % 3; count > 0; --count) {
        request.success.push_back(random_write());
      }
    }
    return request;
  }

  // Applies `branch` to the model; returns whether it wrote anything.
  bool apply_to_model(const std::vector<txn_operation>& branch, std::int64_t revision,
                      model_state& state) {
    bool wrote = false;
    for (const auto& operation : branch) {
      if (operation.type == txn_operation::kind::put) {
        auto [position, created] = state.try_emplace(operation.key);
        auto& kv = position->second;
        kv = key_value{operation.key, operation.value, created ? revision : kv.create_revision,
                       revision, created ? 1 : kv.version + 1};
        wrote = true;
        continue;
      }
      for (auto position = state.begin(); position != state.end();) {
        bool hit = in_range(position->first, operation.key, operation.range_end);
        wrote = wrote || hit;
        position = hit ? state.erase(position) : std::next(position);
      }
    }
    return wrote;
  }

  bool model_compares_hold(const txn_request& request) const {
    for (const auto& compare : request.compares) {
      auto found = states_.back().find(compare.key);
      std::int64_t version = found == states_.back().end() ? 0 : found->second.version;
      if (version != compare.value) return false;
    }
    return true;
  }

  void step() {
    if (random_() % 100 == 0 && current() - 5 > store_.compacted_revision()) {
      auto target = current() - 1 - static_cast<std::int64_t>(random_() % 5);
      REQUIRE_FALSE(store_.compact(target));
      ++compactions_;
      return;
    }
    auto request = random_request();
    bool succeeded = model_compares_hold(request);
    if (!succeeded) ++failed_compares_;
    auto next = states_.back();
    bool wrote = apply_to_model(succeeded ? request.success : request.failure, current() + 1, next);
    if (wrote) states_.push_back(std::move(next));

    auto result = store_.txn(request);
    REQUIRE(std::holds_alternative<txn_response>(result));
    CHECK(std::get<txn_response>(result).succeeded == succeeded);
    REQUIRE(std::get<txn_response>(result).revision == current());
    REQUIRE(store_.current_revision() == current());
  }

  void check_read(std::int64_t revision) {
    auto [key, range_end] = random_range();
    auto limit = static_cast<std::int64_t>(random_() % 4);
    std::vector<std::string> expected;
    bool more = false;
    auto as_of = revision == 0 ? current() : revision;
    for (const auto& [candidate, kv] : states_[static_cast<std::size_t>(as_of)]) {
      if (!in_range(candidate, key, range_end)) continue;
      if (limit > 0 && expected.size() == static_cast<std::size_t>(limit)) {
        more = true;
        break;
      }
      expected.push_back(describe(kv));
    }
    auto result = store_.range(range_request{key, range_end, revision, limit});
    REQUIRE(std::holds_alternative<range_response>(result));
    const auto& response = std::get<range_response>(result);
    std::vector<std::string> actual;
    for (const auto& kv : response.kvs) actual.push_back(describe(kv));
    CAPTURE(revision, key, range_end, limit);
    CHECK(actual == expected);
    CHECK(response.more == more);
    CHECK(response.revision == current());
  }

  void check_reads() {
    check_read(0);
    check_read(current());
    auto oldest = std::max<std::int64_t>(1, store_.compacted_revision());
    for (int i = 0; i < 4; ++i) {
      check_read(oldest + static_cast<std::int64_t>(random_() % (current() - oldest + 1)));
    }
    if (oldest > 1) {
      auto below = store_.range(range_request{"a", every_key_from, oldest - 1});
      CHECK(std::get<store_error>(below) == store_error::compacted);
    }
  }

  // Replays the watch history from the compaction point onto the model's
  // state there; after each revision's events it must equal that revision.
  void check_history() {
    auto from = std::max<std::int64_t>(1, store_.compacted_revision());
    auto replayed = states_[static_cast<std::size_t>(from)];
    auto result = store_.events(every_key_from, every_key_from, from + 1, 1'000'000);
    REQUIRE(std::holds_alternative<mvcc_event_batch>(result));
    const auto& events = std::get<mvcc_event_batch>(result).events;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& event = events[i];
      if (event.version == 0) {
        replayed.erase(event.key);
      } else {
        replayed[event.key] = event;
      }
      if (i + 1 == events.size() || events[i + 1].mod_revision != event.mod_revision) {
        CAPTURE(event.mod_revision);
        CHECK(describe_all(replayed) ==
              describe_all(states_[static_cast<std::size_t>(event.mod_revision)]));
      }
    }
    CHECK(describe_all(replayed) == describe_all(states_.back()));
  }

  void check_snapshot() {
    auto restored = mvcc_store::restore(store_.snapshot());
    REQUIRE(std::holds_alternative<mvcc_store>(restored));
    store_ = std::get<mvcc_store>(std::move(restored));
    check_reads();
  }

  std::int64_t current() const { return static_cast<std::int64_t>(states_.size()) - 1; }

  std::mt19937_64 random_{0x7472'6f75'7065};  // fixed: failures replay exactly
  mvcc_store store_;
  // states_[r] is the model at revision r; index 0 is unused, 1 is empty.
  std::vector<model_state> states_{model_state{}, model_state{}};
  int values_ = 0;
  int compactions_ = 0;
  int failed_compares_ = 0;
};

}  // namespace

TEST_CASE("random operations from a fixed seed read the same as a reference model", "[mvcc]") {
  model_test test;
  test.run(2000);
}
