#include "tests/support/linearizability.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>
#include <unordered_set>
#include <utility>

namespace troupe::testing {

kv_operation kv_operation::put(std::uint64_t client, std::string key,
                               std::optional<std::string> value, std::uint64_t invoked_at,
                               std::uint64_t completed_at) {
  kv_operation result;
  result.kind = operation_kind::put;
  result.client = client;
  result.key = std::move(key);
  result.value = std::move(value);
  result.invoked_at = invoked_at;
  result.completed_at = completed_at;
  return result;
}

kv_operation kv_operation::put_unknown(std::uint64_t client, std::string key,
                                       std::optional<std::string> value, std::uint64_t invoked_at) {
  kv_operation result = put(client, std::move(key), std::move(value), invoked_at, invoked_at);
  result.outcome_unknown = true;
  return result;
}

kv_operation kv_operation::get(std::uint64_t client, std::string key,
                               std::optional<std::string> returned, std::uint64_t invoked_at,
                               std::uint64_t completed_at) {
  kv_operation result = put(client, std::move(key), std::move(returned), invoked_at, completed_at);
  result.kind = operation_kind::get;
  return result;
}

kv_operation kv_operation::compare_and_put(std::uint64_t client, std::string key,
                                           std::optional<std::string> expected,
                                           std::optional<std::string> value, bool succeeded,
                                           std::uint64_t invoked_at, std::uint64_t completed_at) {
  kv_operation result = put(client, std::move(key), std::move(value), invoked_at, completed_at);
  result.kind = operation_kind::compare_and_put;
  result.expected = std::move(expected);
  result.succeeded = succeeded;
  return result;
}

kv_operation kv_operation::compare_and_put_unknown(std::uint64_t client, std::string key,
                                                   std::optional<std::string> expected,
                                                   std::optional<std::string> value,
                                                   std::uint64_t invoked_at) {
  kv_operation result = compare_and_put(client, std::move(key), std::move(expected),
                                        std::move(value), false, invoked_at, invoked_at);
  result.outcome_unknown = true;
  return result;
}

namespace {

// Values in a real store can be whole serialized objects: explanations show
// a prefix so that they stay readable.
constexpr std::size_t described_value_chars_max = 40;
// Explanations show the end of the longest valid linearization, not all of it.
constexpr std::size_t explained_prefix_operations_max = 8;

std::string describe_value(const std::optional<std::string>& value) {
  if (!value) return "absent";
  if (value->size() <= described_value_chars_max) return "\"" + *value + "\"";
  return "\"" + value->substr(0, described_value_chars_max) + "...\" (" +
         std::to_string(value->size()) + " bytes)";
}

std::string describe_interval(const kv_operation& operation) {
  std::string result = " by client " + std::to_string(operation.client);
  if (operation.outcome_unknown) {
    return result + " invoked at " + std::to_string(operation.invoked_at) + ", outcome unknown";
  }
  return result + " at [" + std::to_string(operation.invoked_at) + ", " +
         std::to_string(operation.completed_at) + "]";
}

}  // namespace

std::string describe(const kv_operation& operation, std::size_t index) {
  std::string result = "#" + std::to_string(index) + " ";
  std::string key = "\"" + operation.key + "\"";
  switch (operation.kind) {
    case operation_kind::put:
      result += "put(" + key + ", " + describe_value(operation.value) + ")";
      break;
    case operation_kind::get:
      result += "get(" + key + ")";
      if (!operation.outcome_unknown) result += " -> " + describe_value(operation.value);
      break;
    case operation_kind::compare_and_put:
      result += "compare_and_put(" + key + ", expected " + describe_value(operation.expected) +
                ", " + describe_value(operation.value) + ")";
      if (!operation.outcome_unknown)
        result += operation.succeeded ? " -> succeeded" : " -> failed";
      break;
  }
  return result + describe_interval(operation);
}

namespace {

// A key's values are interned: 0 is absent, others index value_table::names.
constexpr std::uint32_t absent_value = 0;

class value_table {
 public:
  std::uint32_t intern(const std::optional<std::string>& value) {
    if (!value) return absent_value;
    auto [position, inserted] = ids_.emplace(*value, static_cast<std::uint32_t>(ids_.size() + 1));
    if (inserted) names_.push_back(*value);
    return position->second;
  }
  std::size_t size() const { return names_.size() + 1; }  // with absent
  std::optional<std::string> name(std::uint32_t value) const {
    if (value == absent_value) return std::nullopt;
    return names_[value - 1];
  }

 private:
  std::map<std::string, std::uint32_t> ids_;
  std::vector<std::string> names_;
};

// One operation on one key, with values interned.
struct register_operation {
  std::size_t history_index = 0;
  operation_kind kind = operation_kind::get;
  std::uint32_t value = absent_value;
  std::uint32_t expected = absent_value;
  bool succeeded = false;
  bool outcome_unknown = false;
  std::uint64_t invoked_at = 0;
  std::uint64_t completed_at = 0;
};

struct step_result {
  bool allowed = false;
  std::uint32_t next_value = absent_value;
};

// The sequential register: may `operation` take effect on `current`, and what
// does the key hold afterwards? An unknown-outcome write never constrains the
// value, because nobody observed what it returned.
step_result step(const register_operation& operation, std::uint32_t current) {
  switch (operation.kind) {
    case operation_kind::get:
      return {operation.value == current, current};
    case operation_kind::put:
      return {true, operation.value};
    case operation_kind::compare_and_put: {
      bool matches = current == operation.expected;
      if (operation.outcome_unknown) return {true, matches ? operation.value : current};
      if (operation.succeeded) return {matches, operation.value};
      return {!matches, current};
    }
  }
  return {false, current};
}

// Call and return events of one key in time order, as a doubly linked list
// between two sentinels, so that a linearized operation is lifted out in O(1)
// and put back on backtracking. Unknown outcomes have no return event: their
// return is at +infinity, so they never force the search to backtrack.
class event_list {
 public:
  static constexpr std::size_t head = 0;
  static constexpr std::size_t tail = 1;
  static constexpr std::size_t no_event = static_cast<std::size_t>(-1);

  struct event {
    std::size_t operation = 0;
    bool is_call = false;
    std::size_t previous = no_event;
    std::size_t next = no_event;
    std::size_t return_event = no_event;  // of a call with a known outcome
  };

  explicit event_list(const std::vector<register_operation>& operations) {
    // (time, returns after calls at the same instant, operation): closed
    // intervals, so operations touching at one instant count as concurrent.
    std::vector<std::tuple<std::uint64_t, bool, std::size_t>> order;
    for (std::size_t index = 0; index < operations.size(); ++index) {
      order.emplace_back(operations[index].invoked_at, false, index);
      if (!operations[index].outcome_unknown) {
        order.emplace_back(operations[index].completed_at, true, index);
      }
    }
    std::sort(order.begin(), order.end());
    events_.resize(2 + order.size());
    std::vector<std::size_t> call_of(operations.size(), no_event);
    std::size_t open = 0;
    for (std::size_t position = 0; position < order.size(); ++position) {
      auto [time, is_return, operation] = order[position];
      std::size_t id = position + 2;
      events_[id].operation = operation;
      events_[id].is_call = !is_return;
      if (is_return) {
        events_[call_of[operation]].return_event = id;
        --open;
      } else {
        call_of[operation] = id;
        concurrency_max_ = std::max(concurrency_max_, ++open);
      }
    }
    std::size_t previous = head;
    for (std::size_t id = 2; id < events_.size(); ++id) {
      link(previous, id);
      previous = id;
    }
    link(previous, tail);
  }

  const event& at(std::size_t id) const { return events_[id]; }
  std::size_t first() const { return events_[head].next; }
  std::size_t concurrency_max() const { return concurrency_max_; }

  // Removes a call and its return from the list.
  void lift(std::size_t call) {
    unlink(call);
    if (events_[call].return_event != no_event) unlink(events_[call].return_event);
  }
  // Undoes the latest lift, which must be of `call`.
  void unlift(std::size_t call) {
    if (events_[call].return_event != no_event) relink(events_[call].return_event);
    relink(call);
  }

 private:
  void link(std::size_t from, std::size_t to) {
    events_[from].next = to;
    events_[to].previous = from;
  }
  void unlink(std::size_t id) { link(events_[id].previous, events_[id].next); }
  void relink(std::size_t id) {
    events_[events_[id].previous].next = id;
    events_[events_[id].next].previous = id;
  }

  std::vector<event> events_;
  std::size_t concurrency_max_ = 0;
};

std::uint64_t mix(std::uint64_t value) {  // splitmix64's finalizer
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

// Lowe's memoization: the (linearized operations, value) pairs already
// explored. Reaching one again means the rest of the search would repeat.
// Entries are stored in one flat pool as [hash, value, bit words...] and the
// set holds their offsets, which keeps an entry to a few machine words.
class state_cache {
 public:
  explicit state_cache(std::size_t words) : offsets_(64, hasher{&pool_}, equal{&pool_, words}) {}
  state_cache(const state_cache&) = delete;
  state_cache& operator=(const state_cache&) = delete;

  // False if the pair was already explored. `hash` must depend only on the pair.
  bool insert(std::uint64_t hash, std::uint32_t value, const std::vector<std::uint64_t>& bits) {
    std::size_t offset = pool_.size();
    pool_.push_back(hash);
    pool_.push_back(value);
    pool_.insert(pool_.end(), bits.begin(), bits.end());
    if (offsets_.insert(offset).second) return true;
    pool_.resize(offset);
    return false;
  }
  std::size_t size() const { return offsets_.size(); }

 private:
  struct hasher {
    const std::vector<std::uint64_t>* pool;
    std::size_t operator()(std::size_t offset) const { return (*pool)[offset]; }
  };
  struct equal {
    const std::vector<std::uint64_t>* pool;
    std::size_t words;
    bool operator()(std::size_t left, std::size_t right) const {
      auto begin = pool->begin();
      return std::equal(begin + left, begin + left + 2 + words, begin + right);
    }
  };

  std::vector<std::uint64_t> pool_;
  std::unordered_set<std::size_t, hasher, equal> offsets_;
};

enum class verdict { linearizable, not_linearizable, gave_up };

struct key_result {
  verdict outcome = verdict::linearizable;
  std::string explanation;
  std::size_t states_explored = 0;
};

// The deepest point where the search had to backtrack: `blocker` had to take
// effect by its completion but could not after `prefix`.
struct failure {
  std::vector<std::size_t> prefix;  // operations, in linearization order
  std::size_t blocker = 0;
  std::uint32_t value = absent_value;
};

// Wing & Gong's depth-first search over one key's events, iterative: take the
// first pending call the register allows, lift it out and restart from the
// head; on reaching a return whose operation is not yet linearized, undo the
// latest choice and try the next call after it.
//
// Unknown-outcome writes stay pending to the end, so each one could double
// the states of a refutation. Most are harmless "spare" writes: their value
// is observed by no pending get or compare_and_put. Linearized, a spare write
// only makes the key hold a value nobody reads until the next put, which can
// help nothing but a known failed compare_and_put whose expected value the
// key holds. So the search never takes a spare write by itself; such a failed
// compare_and_put takes any reachable spare write along, just before it.
// Sound and complete: a spare write in a linearization can be moved later to
// just before the first failed compare_and_put that needs it, or dropped
// (with the unknown compare_and_puts in between, which did nothing), and
// reachable spare writes are interchangeable: none of their values is ever
// observed again on this branch, and they stay reachable.
class register_search {
 public:
  register_search(std::span<const kv_operation> history, std::string key,
                  std::vector<register_operation> operations, value_table values,
                  std::size_t max_states)
      : history_(history),
        key_(std::move(key)),
        operations_(std::move(operations)),
        values_(std::move(values)),
        max_states_(max_states),
        events_(operations_),
        linearized_((operations_.size() + 63) / 64, 0),
        cache_(linearized_.size()),
        pending_observers_(values_.size(), 0) {
    for (const auto& operation : operations_) {
      known_remaining_ += !operation.outcome_unknown;
      if (auto observed = observed_value(operation)) ++pending_observers_[*observed];
    }
  }

  key_result run() {
    std::size_t entry = events_.first();
    while (known_remaining_ > 0) {
      if (cache_.size() >= max_states_) return {verdict::gave_up, explain_give_up(), cache_.size()};
      const auto& event = events_.at(entry);
      if (entry != event_list::tail && event.is_call) {
        bool taken = !is_spare_write(operations_[event.operation]) && try_linearize(entry);
        entry = taken ? events_.first() : event.next;
        continue;
      }
      // A completion whose operation is not linearized: the choices so far
      // cannot be extended, so undo the latest one.
      if (entry != event_list::tail) record_failure(event.operation);
      if (choices_.empty()) {
        return {verdict::not_linearizable, explain_failure(), cache_.size()};
      }
      entry = undo();
    }
    return {verdict::linearizable, {}, cache_.size()};
  }

 private:
  struct choice {
    std::size_t call = 0;
    std::size_t spare_call = event_list::no_event;  // linearized just before `call`
    std::uint32_t value_before = absent_value;
  };

  static std::optional<std::uint32_t> observed_value(const register_operation& operation) {
    if (operation.kind == operation_kind::get) return operation.value;
    if (operation.kind == operation_kind::compare_and_put) return operation.expected;
    return std::nullopt;
  }

  bool is_spare_write(const register_operation& operation) const {
    return operation.kind != operation_kind::get && operation.outcome_unknown &&
           pending_observers_[operation.value] == 0;
  }

  // A reachable spare write that would change the current value, if any.
  std::size_t reachable_spare_write() const {
    for (std::size_t id = events_.first(); id != event_list::tail && events_.at(id).is_call;
         id = events_.at(id).next) {
      const register_operation& operation = operations_[events_.at(id).operation];
      if (is_spare_write(operation) &&
          (operation.kind == operation_kind::put || operation.expected == value_)) {
        return id;
      }
    }
    return event_list::no_event;
  }

  bool try_linearize(std::size_t call) {
    const register_operation& operation = operations_[events_.at(call).operation];
    auto [allowed, next_value] = step(operation, value_);
    std::size_t spare_call = event_list::no_event;
    if (!allowed && operation.kind == operation_kind::compare_and_put &&
        !operation.outcome_unknown && !operation.succeeded) {
      spare_call = reachable_spare_write();
      if (spare_call == event_list::no_event) return false;
      allowed = true;
      next_value = operations_[events_.at(spare_call).operation].value;
    }
    if (!allowed) return false;
    if (spare_call != event_list::no_event) mark(spare_call);
    mark(call);
    if (!cache_.insert(hash_ ^ mix(next_value), next_value, linearized_)) {
      mark(call);
      if (spare_call != event_list::no_event) mark(spare_call);
      return false;
    }
    choices_.push_back({call, spare_call, value_});
    value_ = next_value;
    if (spare_call != event_list::no_event) events_.lift(spare_call);
    events_.lift(call);
    return true;
  }

  // Returns the event after the undone call: the next candidate.
  std::size_t undo() {
    choice latest = choices_.back();
    choices_.pop_back();
    mark(latest.call);
    events_.unlift(latest.call);
    if (latest.spare_call != event_list::no_event) {
      mark(latest.spare_call);
      events_.unlift(latest.spare_call);
    }
    value_ = latest.value_before;
    return events_.at(latest.call).next;
  }

  // Flips whether the operation of `call` is linearized.
  void mark(std::size_t call) {
    std::size_t operation = events_.at(call).operation;
    std::uint64_t bit = std::uint64_t{1} << (operation % 64);
    linearized_[operation / 64] ^= bit;
    bool now_linearized = (linearized_[operation / 64] & bit) != 0;
    hash_ ^= mix(operation + 0x51ed27);
    const register_operation& marked = operations_[operation];
    auto observed = observed_value(marked);
    if (now_linearized) {
      known_remaining_ -= !marked.outcome_unknown;
      if (observed) --pending_observers_[*observed];
    } else {
      known_remaining_ += !marked.outcome_unknown;
      if (observed) ++pending_observers_[*observed];
    }
  }

  void record_failure(std::size_t blocker) {
    if (deepest_ && deepest_->prefix.size() >= choices_.size()) return;
    failure found{{}, blocker, value_};
    for (const auto& made : choices_) {
      if (made.spare_call != event_list::no_event) {
        found.prefix.push_back(events_.at(made.spare_call).operation);
      }
      found.prefix.push_back(events_.at(made.call).operation);
    }
    deepest_ = std::move(found);
  }

  std::string describe_operation(std::size_t operation) const {
    std::size_t index = operations_[operation].history_index;
    return describe(history_[index], index);
  }

  std::string explain_failure() const;
  std::string explain_give_up() const;

  std::span<const kv_operation> history_;
  std::string key_;
  std::vector<register_operation> operations_;
  value_table values_;
  std::size_t max_states_;
  event_list events_;
  std::vector<std::uint64_t> linearized_;
  std::uint64_t hash_ = 0;  // of linearized_, updated incrementally
  state_cache cache_;
  std::vector<choice> choices_;
  std::uint32_t value_ = absent_value;
  std::size_t known_remaining_ = 0;
  // Per value: pending gets returning it and compare_and_puts expecting it.
  std::vector<std::size_t> pending_observers_;
  std::optional<failure> deepest_;
};

std::string register_search::explain_failure() const {
  std::string result = "key \"" + key_ + "\" is not linearizable: ";
  if (!deepest_) return result + "no operation can take effect";
  const register_operation& blocker = operations_[deepest_->blocker];
  result += "no linearization lets " + describe_operation(deepest_->blocker) + " take effect.";
  bool reads_unwritten =
      blocker.kind == operation_kind::get && blocker.value != absent_value &&
      std::none_of(operations_.begin(), operations_.end(), [&](const auto& operation) {
        return operation.kind != operation_kind::get && operation.value == blocker.value;
      });
  if (reads_unwritten) {
    result += " No operation writes " + describe_value(values_.name(blocker.value)) + ".";
  }
  const auto& prefix = deepest_->prefix;
  if (prefix.empty()) return result + " The longest valid linearization found is empty.";
  result += " The longest valid linearization found has " + std::to_string(prefix.size()) +
            (prefix.size() == 1 ? " operation" : " operations") +
            (prefix.size() > explained_prefix_operations_max ? ", ending with:" : ":");
  std::size_t shown = std::min(prefix.size(), explained_prefix_operations_max);
  for (std::size_t position = prefix.size() - shown; position < prefix.size(); ++position) {
    result += "\n  " + describe_operation(prefix[position]);
  }
  return result + "\nafter which the key holds " + describe_value(values_.name(deepest_->value)) +
         ".";
}

std::string register_search::explain_give_up() const {
  return "key \"" + key_ + "\": gave up after exploring " + std::to_string(cache_.size()) +
         " states (" + std::to_string(operations_.size()) + " operations, up to " +
         std::to_string(events_.concurrency_max()) + " concurrent); no verdict";
}

void require_well_formed(const kv_operation& operation, std::size_t index) {
  if (!operation.outcome_unknown && operation.completed_at < operation.invoked_at) {
    throw std::invalid_argument(describe(operation, index) + " completes before its invocation");
  }
}

key_result check_key(std::span<const kv_operation> history, const std::string& key,
                     const std::vector<std::size_t>& indices, std::size_t max_states) {
  value_table values;
  std::vector<register_operation> operations;
  for (std::size_t index : indices) {
    const kv_operation& source = history[index];
    register_operation operation;
    operation.history_index = index;
    operation.kind = source.kind;
    operation.value = values.intern(source.value);
    operation.expected = values.intern(source.expected);
    operation.succeeded = source.succeeded;
    operation.outcome_unknown = source.outcome_unknown;
    operation.invoked_at = source.invoked_at;
    operation.completed_at = source.completed_at;
    operations.push_back(operation);
  }
  register_search search(history, key, std::move(operations), std::move(values), max_states);
  return search.run();
}

}  // namespace

linearizability_result check_linearizability(std::span<const kv_operation> history,
                                             std::size_t max_states) {
  std::map<std::string, std::vector<std::size_t>> indices_by_key;
  std::size_t checked = 0;
  for (std::size_t index = 0; index < history.size(); ++index) {
    const kv_operation& operation = history[index];
    require_well_formed(operation, index);
    // A get that timed out returned nothing and changed nothing.
    if (operation.kind == operation_kind::get && operation.outcome_unknown) continue;
    indices_by_key[operation.key].push_back(index);
    ++checked;
  }
  linearizability_result result;
  std::optional<std::string> gave_up_on;
  for (const auto& [key, indices] : indices_by_key) {
    key_result verdict_for_key =
        check_key(history, key, indices, max_states - result.states_explored);
    result.states_explored += verdict_for_key.states_explored;
    if (verdict_for_key.outcome == verdict::not_linearizable) {
      result.explanation = std::move(verdict_for_key.explanation);
      return result;
    }
    if (verdict_for_key.outcome == verdict::gave_up && !gave_up_on) {
      gave_up_on = std::move(verdict_for_key.explanation);
    }
  }
  if (gave_up_on) {
    result.gave_up = true;
    result.explanation = std::move(*gave_up_on);
    return result;
  }
  result.linearizable = true;
  result.explanation = "linearizable: " + std::to_string(checked) + " operations on " +
                       std::to_string(indices_by_key.size()) + " keys";
  return result;
}

history_recorder::operation_id history_recorder::invoke_put(std::uint64_t client, std::string key,
                                                            std::optional<std::string> value,
                                                            std::uint64_t invoked_at) {
  operations_.push_back(
      kv_operation::put_unknown(client, std::move(key), std::move(value), invoked_at));
  return operations_.size() - 1;
}

history_recorder::operation_id history_recorder::invoke_get(std::uint64_t client, std::string key,
                                                            std::uint64_t invoked_at) {
  kv_operation operation =
      kv_operation::get(client, std::move(key), std::nullopt, invoked_at, invoked_at);
  operation.outcome_unknown = true;
  operations_.push_back(std::move(operation));
  return operations_.size() - 1;
}

history_recorder::operation_id history_recorder::invoke_compare_and_put(
    std::uint64_t client, std::string key, std::optional<std::string> expected,
    std::optional<std::string> value, std::uint64_t invoked_at) {
  operations_.push_back(kv_operation::compare_and_put_unknown(
      client, std::move(key), std::move(expected), std::move(value), invoked_at));
  return operations_.size() - 1;
}

void history_recorder::complete_put(operation_id id, std::uint64_t completed_at) {
  kv_operation& operation = pending(id, operation_kind::put);
  operation.outcome_unknown = false;
  operation.completed_at = completed_at;
}

void history_recorder::complete_get(operation_id id, std::optional<std::string> returned,
                                    std::uint64_t completed_at) {
  kv_operation& operation = pending(id, operation_kind::get);
  operation.outcome_unknown = false;
  operation.value = std::move(returned);
  operation.completed_at = completed_at;
}

void history_recorder::complete_compare_and_put(operation_id id, bool succeeded,
                                                std::uint64_t completed_at) {
  kv_operation& operation = pending(id, operation_kind::compare_and_put);
  operation.outcome_unknown = false;
  operation.succeeded = succeeded;
  operation.completed_at = completed_at;
}

std::vector<kv_operation> history_recorder::history() const {
  std::vector<kv_operation> result;
  for (const auto& operation : operations_) {
    if (operation.kind == operation_kind::get && operation.outcome_unknown) continue;
    result.push_back(operation);
  }
  return result;
}

kv_operation& history_recorder::pending(operation_id id, operation_kind kind) {
  if (id >= operations_.size() || operations_[id].kind != kind ||
      !operations_[id].outcome_unknown) {
    throw std::logic_error("history_recorder: operation " + std::to_string(id) +
                           " is not a pending operation of the completed kind");
  }
  return operations_[id];
}

}  // namespace troupe::testing
