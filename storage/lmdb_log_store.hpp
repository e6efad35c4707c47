// The LMDB implementation of raft_log_store (storage/core/raft_log_store.hpp):
// one LMDB environment per replica in its data directory, with four named
// databases:
//   meta      "header" (format version and identity), "hard_state" and
//             "base" (snapshot metadata of the log's base): Cap'n Proto
//             records of messages/schema/raft_state.capnp; "machine" (the
//             state machine's applied index and revisions)
//   log       index (native uint64, MDB_INTEGERKEY) -> encoded log_entry
//             (messages/schema/log_entry.capnp)
//   kv, clients  the state machine (storage/lmdb_machine_tables.hpp)
//
// Contract, beyond raft_log_store's:
//   1. open() creates and initialises a missing or fresh directory. It refuses
//      with store_error::bad_data_dir, and a message naming what differs, a
//      directory that is not an LMDB environment, holds another cluster's or
//      replica's identity, another format version or an undecodable meta
//      record. It inspects an existing directory read-only and without LMDB's
//      lock file first, so it never modifies a directory it refuses.
//   2. save() is one LMDB write transaction: one commit, hence one fsync,
//      whatever the batch size. Writes that do not fit what is stored yield
//      store_error::malformed_request and store nothing.
//   3. load() is one read transaction and verifies every entry; an
//      inconsistency is bad_data_dir with a message naming the index.
//   4. Every LMDB failure is a bad_data_dir value carrying mdb_strerror's text.
// Invariants of the stored data: log keys are contiguous from the base index
// + 1 (1 without a base) and equal the index encoded in their entry; the
// state machine's applied index is at least the base index.
//
// Stores opened on the same directory in one process share one LMDB
// environment (LMDB forbids opening an environment twice in a process). One
// process per directory. A store is not thread-safe: one replica actor owns it.
#pragma once

#include <lmdb.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "storage/core/raft_log_store.hpp"
#include "storage/lmdb_handles.hpp"
#include "storage/lmdb_machine_tables.hpp"
#include "storage/lmdb_meta_codec.hpp"

namespace troupe::storage {

// The on-disk layout this build reads and writes (StoreHeader.formatVersion).
constexpr std::uint32_t lmdb_store_format_version = 2;

class lmdb_log_store final : public raft_log_store {
 public:
  // Handles of the named databases of one environment.
  struct databases {
    MDB_dbi meta = 0;
    MDB_dbi log = 0;
    MDB_dbi kv = 0;
    MDB_dbi clients = 0;
  };

  static std::variant<std::unique_ptr<lmdb_log_store>, log_store_error> open(
      const std::string& directory, const store_identity& identity);

  lmdb_log_store(const lmdb_log_store&) = delete;
  lmdb_log_store& operator=(const lmdb_log_store&) = delete;

  std::variant<stored_state, log_store_error> load() override;
  std::optional<log_store_error> save(const durable_write& write) override;

  // LMDB's id of the last committed write transaction: each save() that
  // changes anything advances it by exactly one (tests check group commit
  // with it).
  std::uint64_t last_transaction_id() const;

 private:
  lmdb_log_store(std::string directory, std::shared_ptr<MDB_env> environment, databases names);

  std::optional<log_store_error> begin(lmdb::transaction& txn, unsigned flags);
  std::optional<log_store_error> commit(lmdb::transaction& txn, std::string_view operation);
  std::optional<log_store_error> read_base(MDB_txn* txn, std::optional<snapshot_metadata>& out);
  std::optional<log_store_error> put_base(MDB_txn* txn, const snapshot_metadata& base);
  std::optional<log_store_error> compact(MDB_txn* txn, const snapshot_metadata& base);
  std::optional<log_store_error> install(MDB_txn* txn, const snapshot& received);
  std::optional<log_store_error> open_log_cursor(MDB_txn* txn, lmdb::cursor& out);
  std::optional<log_store_error> check_continues(MDB_txn* txn, std::uint64_t first);
  // Deletes log entries from one end while they lie beyond `bound`: from the
  // back (MDB_LAST) every index >= bound, from the front (MDB_FIRST) every
  // index <= bound.
  std::optional<log_store_error> erase_from_end(MDB_txn* txn, MDB_cursor_op end,
                                                std::uint64_t bound, const char* operation);
  std::optional<log_store_error> append(MDB_txn* txn, std::span<const log_entry> entries);
  std::optional<log_store_error> read_entries(MDB_txn* txn, std::uint64_t first,
                                              std::vector<log_entry>& out);

  std::string directory_;
  std::shared_ptr<MDB_env> environment_;
  databases names_;
  machine_tables machine_;
};

}  // namespace troupe::storage
