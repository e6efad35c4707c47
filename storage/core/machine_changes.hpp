// The MVCC state machine as durable storage holds it, and what changed in it
// since the last durable write. The store (mvcc_store.hpp) journals its
// changes; the replica hands them to its raft_log_store with the next write,
// so the state machine, its applied index, the log and the hard state change
// together in one durable transaction.
//
// A record is named by its write: (revision, sub_revision) is unique in a
// store, and sorts records in the order they were written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/core/mvcc_client_table.hpp"
#include "storage/core/mvcc_key_history.hpp"

namespace troupe::storage {

struct machine_record {
  std::string key;
  mvcc_key_record record;
  friend bool operator==(const machine_record&, const machine_record&) = default;
};

// A client's at-most-once record, and the client its recording evicted.
struct client_update {
  mvcc_client_record record;
  std::optional<std::uint64_t> evicted;
};

// Changes in the order they were made. Applying them to the durable image in
// that order yields the store's state after the log entry `applied`.
struct machine_changes {
  std::uint64_t applied = 0;  // the log index the store has applied
  std::int64_t current_revision = 1;
  std::int64_t compacted_revision = 0;
  std::vector<machine_record> written;  // increasing (revision, sub_revision)
  std::vector<record_id> erased;        // records compaction dropped
  std::vector<client_update> clients;   // in the order they were recorded

  bool empty() const { return written.empty() && erased.empty() && clients.empty(); }
  // Records a durable write of these changes touches (to bound a batch).
  std::size_t size() const { return written.size() + erased.size() + clients.size(); }
};

// The whole state machine: what raft_log_store::load() returns and
// mvcc_store::from_image() rebuilds the store from. A fresh store is the
// default value (applied 0, revision 1, nothing written).
struct machine_image {
  std::uint64_t applied = 0;
  std::int64_t current_revision = 1;
  std::int64_t compacted_revision = 0;
  std::vector<machine_record> records;      // increasing (revision, sub_revision)
  std::vector<mvcc_client_record> clients;  // by increasing use stamp
};

}  // namespace troupe::storage
