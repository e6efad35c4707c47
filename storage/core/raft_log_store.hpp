// The durable storage of one Raft replica: hard state, log and latest
// snapshot (whose image is the state machine at the snapshot index, so the
// applied index and the state machine change together there).
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
//   2. In save(): a snapshot (one received from the leader) replaces the whole
//      stored log; then `entries` replace every stored entry at or after
//      entries.front().index and are appended; then the hard state is stored.
//      Entries must be contiguous and follow what is stored (or start right
//      after the snapshot); otherwise save fails with malformed_request and
//      stores nothing.
//   3. compact() durably stores a newer local snapshot and drops the entries
//      at or below its index.
//   4. load() returns entries contiguous from snapshot index + 1.
//   5. Errors are values; nothing throws.
// Not thread-safe: one replica actor owns its store.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "messages/core/error_codes.hpp"
#include "storage/core/log_entry.hpp"
#include "storage/core/raft_durable_state.hpp"

namespace troupe::storage {

struct stored_state {
  hard_state state;
  std::optional<snapshot> image;
  std::vector<log_entry> entries;
};

struct log_store_error {
  store_error code = store_error::bad_data_dir;
  std::string message;  // names the file, record or operation
};

class raft_log_store {
 public:
  virtual ~raft_log_store() = default;

  virtual std::variant<stored_state, log_store_error> load() = 0;
  virtual std::optional<log_store_error> save(const std::optional<snapshot>& image,
                                              std::span<const log_entry> entries,
                                              const std::optional<hard_state>& state) = 0;
  virtual std::optional<log_store_error> compact(const snapshot& image) = 0;
};

}  // namespace troupe::storage
