// The state machine's part of the LMDB store (storage/lmdb_log_store.hpp),
// inside the store's write and read transactions:
//   kv        record key (machine_codec.hpp: revision, sub_revision big-endian)
//             -> record value
//   clients   client id (native uint64, MDB_INTEGERKEY) -> client value
//   meta      "machine" -> machine meta (applied index and revisions)
// Every failure is a log_store_error: bad_data_dir for LMDB failures and
// undecodable records, malformed_request for changes that do not fit what is
// stored (the transaction is then aborted by the caller, storing nothing).
#pragma once

#include <lmdb.h>

#include <optional>
#include <string>

#include "storage/core/machine_changes.hpp"
#include "storage/core/raft_log_store.hpp"

namespace troupe::storage {

struct machine_tables {
  MDB_dbi kv = 0;
  MDB_dbi clients = 0;
  MDB_dbi meta = 0;
  const std::string* directory = nullptr;  // for messages

  // The stored applied index and revisions (a fresh store's when none).
  std::optional<log_store_error> read_meta(MDB_txn* txn, machine_image& out) const;
  std::optional<log_store_error> read(MDB_txn* txn, machine_image& out) const;
  std::optional<log_store_error> apply(MDB_txn* txn, const machine_changes& changes) const;
  // Replaces the whole state machine.
  std::optional<log_store_error> replace(MDB_txn* txn, const machine_image& image) const;

 private:
  std::optional<log_store_error> write_meta(MDB_txn* txn, const machine_changes& changes) const;
  std::optional<log_store_error> put_record(MDB_txn* txn, const machine_record& record) const;
  std::optional<log_store_error> put_client(MDB_txn* txn, const mvcc_client_record& record) const;
  log_store_error failure(const std::string& operation, int rc) const;
  log_store_error corrupt(const std::string& what) const;
};

}  // namespace troupe::storage
