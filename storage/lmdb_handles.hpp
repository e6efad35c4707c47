// Owning handles for LMDB objects, so that every early return releases them:
// an environment is closed, a transaction not committed is aborted, a cursor
// is closed. Declare a cursor after its transaction (it must be closed first)
// and let a write transaction's cursors go out of scope before commit().
#pragma once

#include <lmdb.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace troupe::storage::lmdb {

struct environment_closer {
  void operator()(MDB_env* env) const { mdb_env_close(env); }
};
using environment = std::unique_ptr<MDB_env, environment_closer>;

struct transaction_aborter {
  void operator()(MDB_txn* txn) const { mdb_txn_abort(txn); }
};
using transaction = std::unique_ptr<MDB_txn, transaction_aborter>;

struct cursor_closer {
  void operator()(MDB_cursor* cursor) const { mdb_cursor_close(cursor); }
};
using cursor = std::unique_ptr<MDB_cursor, cursor_closer>;

// Commits and releases `txn` (LMDB frees it whether or not the commit works).
inline int commit(transaction& txn) {
  return mdb_txn_commit(txn.release());
}

inline MDB_val value_of(std::span<const std::uint8_t> bytes) {
  return MDB_val{bytes.size(), const_cast<std::uint8_t*>(bytes.data())};
}

inline MDB_val value_of(std::string_view text) {
  return MDB_val{text.size(), const_cast<char*>(text.data())};
}

inline std::span<const std::uint8_t> bytes_of(const MDB_val& value) {
  return {static_cast<const std::uint8_t*>(value.mv_data), value.mv_size};
}

}  // namespace troupe::storage::lmdb
