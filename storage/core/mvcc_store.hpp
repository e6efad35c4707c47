// The replicated state machine of the consensus store: an MVCC key-value map
// with etcd v3 semantics. Raft replicas apply committed transactions in log
// order; reads, watches and compaction follow etcd's rules. Pure: no I/O, no
// clock, no randomness, so every replica that applies the same commands holds
// the same state and gives the same answers, byte for byte.
//
// Contract (each error is returned as a value, never thrown):
//   - The revision starts at 1 (empty store). A transaction that writes at
//     least once takes the next revision for all its writes; one that writes
//     nothing (reads only, a delete that matched no key) leaves it unchanged.
//   - Reads at a revision see the state as of that revision. Below the
//     compaction revision: compacted; above the current one: future_revision.
//   - A refused request (see mvcc_request_checks.hpp) changes nothing.
//   - Transactions from client != 0 apply at most once (mvcc_client_table.hpp);
//     client 0 is anonymous and never deduplicated.
//
// Invariants:
//   1. 0 <= compacted_revision_ <= current_revision_, current_revision_ >= 1.
//   2. Every key in keys_ has a non-empty history (mvcc_key_history.hpp).
//   3. changes_ lists exactly the key records with revision >=
//      compacted_revision_, ordered by (revision, sub_revision), so watchers can
//      resume from the compaction revision itself.
//
// Cost (K keys, R retained records, n keys in a range, E retained changes):
// range O(log K + n log R); each txn operation O(log K) for a put, O(n log R)
// for a range or delete; events O(log E + changes scanned, at most
// event_scan_changes_max per call); compact O(W log K) for the W writes since
// the previous compaction. Memory: every retained
// record holds its value; the change log adds one copy of the key per record
// at or above the compaction revision.
// Not thread-safe; a value type (copy it to fork a replica in tests).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "messages/core/error_codes.hpp"
#include "messages/core/store.hpp"
#include "storage/core/machine_changes.hpp"
#include "storage/core/mvcc_client_table.hpp"
#include "storage/core/mvcc_key_history.hpp"
#include "storage/core/mvcc_key_range.hpp"
#include "storage/core/mvcc_request_checks.hpp"

namespace troupe::storage {

template <class T>
using store_result = std::variant<T, store_error>;

// One events() call examines at most this many changes (finishing the
// revision it is in), so a narrow watch far behind a busy store costs bounded
// work per call; the caller continues from next_revision.
constexpr std::size_t event_scan_changes_max = 64 * 1024;

// Changes in revision order, then in the order the transaction made them.
// A put carries the new key_value; a delete carries the key, mod_revision =
// the delete's revision, an empty value and version 0 (as in watch_events).
struct mvcc_event_batch {
  std::vector<key_value> events;
  // Ask from here next: batches from successive next_revision values have no
  // gap and no duplicate. Never below the requested from_revision.
  std::int64_t next_revision = 0;
};

class mvcc_store {
 public:
  mvcc_store() = default;

  std::int64_t current_revision() const { return current_revision_; }
  // Reads below this revision are refused; 0 until the first compaction.
  std::int64_t compacted_revision() const { return compacted_revision_; }
  // Key records held for reads and watches (what compaction reclaims).
  // O(K).
  std::size_t retained_record_count() const;

  // Keys of `request` that existed at its revision (0 = current), sorted, at
  // most `limit` (0 = all), `more` when further keys matched.
  store_result<range_response> range(const range_request& request) const;

  // Evaluates every compare against the current state (a missing key has
  // version, create_revision and mod_revision 0, and exists 0) and applies
  // `success` if all hold, else `failure`, in order. Range operations see the
  // earlier writes of the same transaction and have no limit; their responses
  // and the txn's carry the revision after the transaction. A key may be
  // written twice in one branch (etcd's API refuses that): the writes apply in
  // order, so its version rises twice and the watch sees both.
  store_result<txn_response> txn(const txn_request& request);

  // Changes to keys of [key, range_end) with revision >= from_revision (>= 1).
  // A batch holds whole revisions and at most max_events (>= 1) events, except
  // that one revision with more matching events than max_events is returned
  // whole, alone, since next_revision cannot point inside a revision.
  store_result<mvcc_event_batch> events(std::string_view key, std::string_view range_end,
                                        std::int64_t from_revision, std::size_t max_events) const;

  // Forgets what reads below `revision` would need: compacted if `revision` is
  // not above the compaction revision, future_revision above the current one.
  std::optional<store_error> compact(std::int64_t revision);

  // The whole state (revisions, retained histories, client table) in a
  // versioned little-endian format; restore() refuses any input it did not
  // produce with bad_data_dir, and never reads past the span.
  std::vector<std::uint8_t> snapshot() const;
  static std::variant<mvcc_store, store_error> restore(std::span<const std::uint8_t> bytes);

  // Durable storage (mvcc_machine.cpp). Once the journal is on, every change
  // is also recorded until take_changes() hands it out, stamped with the log
  // index `applied` the store has reached.
  void enable_journal() { journaling_ = true; }
  std::size_t journal_size() const { return journal_.size(); }
  machine_changes take_changes(std::uint64_t applied);
  // The whole state, as load() of a durable store would return it. O(R log R).
  machine_image image(std::uint64_t applied) const;
  // Refuses with bad_data_dir an image that breaks an invariant of the store
  // (or of a key history, or of the client table).
  static std::variant<mvcc_store, store_error> from_image(const machine_image& image);

 private:
  // A key record with revision >= compacted_revision_, in the watch order.
  struct change {
    std::int64_t revision = 0;
    std::int64_t sub_revision = 0;
    std::string key;
    bool deleted = false;
  };
  using key_map = std::map<std::string, mvcc_key_history, std::less<>>;

  range_response read(const mvcc_key_range& range, std::int64_t revision, std::int64_t limit) const;
  bool holds(const txn_compare& compare) const;
  txn_response apply(const std::vector<txn_operation>& branch, bool succeeded);
  void put(const std::string& key, const std::string& value, std::int64_t revision,
           std::int64_t sub_revision);
  std::int64_t remove(const mvcc_key_range& range, std::int64_t revision,
                      std::int64_t sub_revision);
  key_value event_of(const change& entry) const;
  // Derives changes_ from the histories (invariant 3); false if two records
  // claim the same (revision, sub_revision).
  bool rebuild_changes();

  std::int64_t current_revision_ = 1;
  std::int64_t compacted_revision_ = 0;
  key_map keys_;
  std::deque<change> changes_;
  mvcc_client_table clients_;
  bool journaling_ = false;
  machine_changes journal_;
};

// The revision to compact to so that the last `revisions_retained` revisions
// before the current one stay readable (etcd's revision compactor: current -
// retention), or nothing when that is not above `compacted_revision`.
std::optional<std::int64_t> retention_compaction_revision(std::int64_t current_revision,
                                                          std::int64_t compacted_revision,
                                                          std::int64_t revisions_retained);

}  // namespace troupe::storage
