// The durable storage of one Raft replica: hard state, log, the log's base
// (the snapshot point it starts after) and the state machine with its applied
// index, all changed together by one durable write.
//
// Implementations: storage/lmdb_log_store (LMDB, one environment per
// replica) and storage/core/memory_log_store (in memory, with fault injection
// for simulations). tests/unit/log_store_conformance.hpp holds the contract
// tests every implementation passes.
//
// Contract:
//   1. save() is one durable write (group commit: one fsync for the whole
//      batch): after it returns success, load() sees all of it, even after a
//      crash; if it fails or the process dies during it, load() sees none of
//      it.
//   2. save() applies, in this order: `machine` (the state machine's changes
//      since the last write, bringing it to machine->applied); `compaction`
//      (drops the entries at or below its index and makes it the base, unless
//      the stored base is not older; its index must not exceed the stored
//      applied index); `received` (a snapshot from the leader: replaces the
//      whole log and the whole state machine, which it holds in mvcc_store's
//      snapshot format, and becomes the base); `entries`, which replace every
//      stored entry at or after entries.front().index and are appended; then
//      `state`. Entries must be contiguous and follow what is stored (or start
//      right after the base), a compaction must not pass the applied index
//      and a received image must decode; otherwise save fails with
//      malformed_request and stores nothing.
//   3. load() returns entries contiguous from base index + 1, and the state
//      machine as of its applied index (>= base index).
//   4. Errors are values; nothing throws.
// Not thread-safe: one replica actor owns its store.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "messages/core/error_codes.hpp"
#include "storage/core/log_entry.hpp"
#include "storage/core/machine_changes.hpp"
#include "storage/core/raft_durable_state.hpp"

namespace troupe::storage {

struct stored_state {
  hard_state state;
  std::optional<snapshot_metadata> base;  // none: the log starts at index 1
  machine_image machine;
  std::vector<log_entry> entries;
};

struct durable_write {
  const machine_changes* machine = nullptr;
  std::optional<snapshot_metadata> compaction;
  const snapshot* received = nullptr;
  std::span<const log_entry> entries;
  std::optional<hard_state> state;

  bool empty() const {
    return (!machine || machine->empty()) && !compaction && !received && entries.empty() && !state;
  }
};

struct log_store_error {
  store_error code = store_error::bad_data_dir;
  std::string message;  // names the file, record or operation
};

class raft_log_store {
 public:
  virtual ~raft_log_store() = default;

  virtual std::variant<stored_state, log_store_error> load() = 0;
  virtual std::optional<log_store_error> save(const durable_write& write) = 0;
};

}  // namespace troupe::storage
