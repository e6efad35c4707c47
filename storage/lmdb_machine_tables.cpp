#include "storage/lmdb_machine_tables.hpp"

#include <algorithm>
#include <cstring>

#include "storage/core/machine_codec.hpp"
#include "storage/lmdb_handles.hpp"

namespace troupe::storage {

namespace {

constexpr std::string_view machine_key = "machine";

std::string name_of(const record_id& id) {
  return std::to_string(id.first) + "." + std::to_string(id.second);
}

log_store_error malformed(const std::string& what) {
  return {store_error::malformed_request, "save: " + what};
}

}  // namespace

log_store_error machine_tables::failure(const std::string& operation, int rc) const {
  return {store_error::bad_data_dir,
          "data dir " + *directory + ": " + operation + ": " + mdb_strerror(rc)};
}

log_store_error machine_tables::corrupt(const std::string& what) const {
  return {store_error::bad_data_dir, "data dir " + *directory + ": " + what};
}

std::optional<log_store_error> machine_tables::read_meta(MDB_txn* txn, machine_image& out) const {
  MDB_val key = lmdb::value_of(machine_key);
  MDB_val value;
  int rc = mdb_get(txn, meta, &key, &value);
  if (rc == MDB_NOTFOUND) return std::nullopt;
  if (rc != MDB_SUCCESS) return failure("read meta machine", rc);
  auto decoded = decode_machine_meta(lmdb::bytes_of(value));
  if (!decoded) return corrupt("meta record machine does not decode");
  out.applied = decoded->applied;
  out.current_revision = decoded->current_revision;
  out.compacted_revision = decoded->compacted_revision;
  return std::nullopt;
}

std::optional<log_store_error> machine_tables::read(MDB_txn* txn, machine_image& out) const {
  if (auto error = read_meta(txn, out)) return error;
  for (auto [table, what] : {std::pair{kv, "records"}, std::pair{clients, "clients"}}) {
    MDB_cursor* raw = nullptr;
    if (int rc = mdb_cursor_open(txn, table, &raw); rc != MDB_SUCCESS)
      return failure(std::string("open cursor on ") + what, rc);
    lmdb::cursor cursor(raw);
    MDB_val key;
    MDB_val value;
    int rc = mdb_cursor_get(raw, &key, &value, MDB_FIRST);
    for (; rc == MDB_SUCCESS; rc = mdb_cursor_get(raw, &key, &value, MDB_NEXT)) {
      if (table == kv) {
        auto id = decode_record_key(lmdb::bytes_of(key));
        auto record = id ? decode_record(*id, lmdb::bytes_of(value)) : std::nullopt;
        if (!record) return corrupt("a state machine record does not decode");
        out.records.push_back(std::move(*record));
        continue;
      }
      std::uint64_t client = 0;
      if (key.mv_size != sizeof client) return corrupt("a client key is not 8 bytes");
      std::memcpy(&client, key.mv_data, sizeof client);
      auto record = decode_client(client, lmdb::bytes_of(value));
      if (!record) return corrupt("client " + std::to_string(client) + " does not decode");
      out.clients.push_back(std::move(*record));
    }
    if (rc != MDB_NOTFOUND) return failure(std::string("read ") + what, rc);
  }
  std::sort(out.clients.begin(), out.clients.end(),
            [](const auto& first, const auto& second) { return first.use < second.use; });
  return std::nullopt;
}

std::optional<log_store_error> machine_tables::put_record(MDB_txn* txn,
                                                          const machine_record& record) const {
  record_id id{record.record.revision, record.record.sub_revision};
  auto key_bytes = encode_record_key(id);
  auto value_bytes = encode_record_value(record);
  MDB_val key = lmdb::value_of(key_bytes);
  MDB_val value = lmdb::value_of(value_bytes);
  // Records are written in revision order, so each one goes at the end.
  int rc = mdb_put(txn, kv, &key, &value, MDB_APPEND);
  if (rc == MDB_KEYEXIST)
    return malformed("record " + name_of(id) + " does not follow the stored records");
  if (rc != MDB_SUCCESS) return failure("write record " + name_of(id), rc);
  return std::nullopt;
}

std::optional<log_store_error> machine_tables::put_client(MDB_txn* txn,
                                                          const mvcc_client_record& record) const {
  auto bytes = encode_client(record);
  std::size_t id = record.client;
  MDB_val key{sizeof id, &id};
  MDB_val value = lmdb::value_of(bytes);
  if (int rc = mdb_put(txn, clients, &key, &value, 0); rc != MDB_SUCCESS)
    return failure("write client " + std::to_string(record.client), rc);
  return std::nullopt;
}

std::optional<log_store_error> machine_tables::write_meta(MDB_txn* txn,
                                                          const machine_changes& changes) const {
  auto bytes = encode_machine_meta(
      machine_meta{changes.applied, changes.current_revision, changes.compacted_revision});
  MDB_val key = lmdb::value_of(machine_key);
  MDB_val value = lmdb::value_of(bytes);
  if (int rc = mdb_put(txn, meta, &key, &value, 0); rc != MDB_SUCCESS)
    return failure("write meta machine", rc);
  return std::nullopt;
}

std::optional<log_store_error> machine_tables::apply(MDB_txn* txn,
                                                     const machine_changes& changes) const {
  machine_image stored;
  if (auto error = read_meta(txn, stored)) return error;
  if (changes.applied < stored.applied)
    return malformed("state machine changes at index " + std::to_string(changes.applied) +
                     " go back from index " + std::to_string(stored.applied));
  for (const auto& record : changes.written)
    if (auto error = put_record(txn, record)) return error;
  for (const auto& id : changes.erased) {
    auto key_bytes = encode_record_key(id);
    MDB_val key = lmdb::value_of(key_bytes);
    int rc = mdb_del(txn, kv, &key, nullptr);
    if (rc == MDB_NOTFOUND) return malformed("erased record " + name_of(id) + " is not stored");
    if (rc != MDB_SUCCESS) return failure("erase record " + name_of(id), rc);
  }
  for (const auto& update : changes.clients) {
    if (auto error = put_client(txn, update.record)) return error;
    if (!update.evicted) continue;
    std::size_t id = *update.evicted;
    MDB_val key{sizeof id, &id};
    int rc = mdb_del(txn, clients, &key, nullptr);
    if (rc == MDB_NOTFOUND)
      return malformed("evicted client " + std::to_string(id) + " is not stored");
    if (rc != MDB_SUCCESS) return failure("evict client " + std::to_string(id), rc);
  }
  return write_meta(txn, changes);
}

std::optional<log_store_error> machine_tables::replace(MDB_txn* txn,
                                                       const machine_image& image) const {
  for (auto table : {kv, clients})
    if (int rc = mdb_drop(txn, table, 0); rc != MDB_SUCCESS)
      return failure("empty the state machine", rc);
  for (const auto& record : image.records)
    if (auto error = put_record(txn, record)) return error;
  for (const auto& client : image.clients)
    if (auto error = put_client(txn, client)) return error;
  return write_meta(
      txn,
      machine_changes{image.applied, image.current_revision, image.compacted_revision, {}, {}, {}});
}

}  // namespace troupe::storage
