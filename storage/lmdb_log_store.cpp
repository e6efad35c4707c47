#include "storage/lmdb_log_store.hpp"

#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

#include "storage/core/log_entry_codec.hpp"
#include "storage/core/machine_state.hpp"

namespace troupe::storage {

namespace {

// Address space reserved for the map, not disk space: LMDB only grows the file
// by what it writes. Snapshots of a few hundred MiB plus a compacted log stay
// far below; past it writes fail with MDB_MAP_FULL instead of corrupting.
constexpr std::size_t map_bytes = std::size_t{64} << 30;
// meta, log, kv and clients.
constexpr MDB_dbi named_databases_max = 4;
// The data may hold cluster secrets: owner only.
constexpr mdb_mode_t file_mode = 0600;
// MDB_NOTLS: a replica actor may run on any worker thread between messages.
constexpr unsigned environment_flags = MDB_NOTLS;
// Inspecting a directory before accepting it must not touch lock.mdb either.
constexpr unsigned inspect_flags = MDB_RDONLY | MDB_NOLOCK | MDB_NOTLS;

constexpr std::string_view header_key = "header";
constexpr std::string_view hard_state_key = "hard_state";
constexpr std::string_view base_key = "base";

static_assert(sizeof(std::size_t) == sizeof(std::uint64_t), "MDB_INTEGERKEY keys are size_t");

log_store_error lmdb_failure(const std::string& directory, std::string_view operation, int rc) {
  return {store_error::bad_data_dir,
          "data dir " + directory + ": " + std::string(operation) + ": " + mdb_strerror(rc)};
}

log_store_error corrupt(const std::string& directory, const std::string& what) {
  return {store_error::bad_data_dir, "data dir " + directory + ": " + what};
}

log_store_error malformed(const std::string& what) {
  return {store_error::malformed_request, what};
}

std::string describe(const store_identity& identity) {
  return "replica " + identity.replica + " of cluster " + identity.cluster;
}

struct meta_records {
  std::optional<store_header> header;
  std::optional<hard_state> state;
  std::optional<snapshot_metadata> base;
};

// Reads the meta record `key` into `out`, leaving it empty if there is none.
template <typename Value, typename Decode>
std::optional<log_store_error> read_record(const std::string& directory, MDB_txn* txn, MDB_dbi meta,
                                           std::string_view key, Decode decode,
                                           std::optional<Value>& out) {
  MDB_val name = lmdb::value_of(key);
  MDB_val value;
  int rc = mdb_get(txn, meta, &name, &value);
  if (rc == MDB_NOTFOUND) return std::nullopt;
  if (rc != MDB_SUCCESS) return lmdb_failure(directory, "read meta " + std::string(key), rc);
  auto decoded = decode(lmdb::bytes_of(value));
  if (auto* error = std::get_if<decode_error>(&decoded))
    return corrupt(directory, "meta record " + std::string(key) + ": " + error->message);
  out = std::get<Value>(std::move(decoded));
  return std::nullopt;
}

std::variant<meta_records, log_store_error> read_meta(const std::string& directory, MDB_txn* txn,
                                                      MDB_dbi meta) {
  meta_records records;
  if (auto error =
          read_record(directory, txn, meta, header_key, decode_store_header, records.header))
    return *error;
  if (auto error =
          read_record(directory, txn, meta, hard_state_key, decode_hard_state, records.state))
    return *error;
  if (auto error =
          read_record(directory, txn, meta, base_key, decode_snapshot_metadata, records.base))
    return *error;
  return records;
}

std::optional<log_store_error> check_header(const std::string& directory,
                                            const std::optional<store_header>& header,
                                            const store_identity& identity) {
  if (!header) return corrupt(directory, "has no store header");
  if (header->format_version != lmdb_store_format_version)
    return corrupt(directory, "has format version " + std::to_string(header->format_version) +
                                  "; this build reads only version " +
                                  std::to_string(lmdb_store_format_version));
  if (header->identity != identity)
    return corrupt(directory,
                   "belongs to " + describe(header->identity) + ", not " + describe(identity));
  return std::nullopt;
}

std::optional<log_store_error> open_databases(const std::string& directory, MDB_txn* txn,
                                              unsigned create, lmdb_log_store::databases& names) {
  struct wanted {
    const char* name;
    unsigned flags;
    MDB_dbi* handle;
  };
  for (auto [name, flags, handle] :
       {wanted{"meta", 0, &names.meta}, wanted{"log", MDB_INTEGERKEY, &names.log},
        wanted{"kv", 0, &names.kv}, wanted{"clients", MDB_INTEGERKEY, &names.clients}}) {
    int rc = mdb_dbi_open(txn, name, flags | create, handle);
    if (rc == MDB_NOTFOUND)
      return corrupt(directory, "is an LMDB environment without the " + std::string(name) +
                                    " database of a Troupe store");
    if (rc != MDB_SUCCESS) return lmdb_failure(directory, "open database " + std::string(name), rc);
  }
  return std::nullopt;
}

std::variant<lmdb::environment, log_store_error> open_environment(const std::string& directory,
                                                                  unsigned flags) {
  MDB_env* raw = nullptr;
  if (int rc = mdb_env_create(&raw); rc != MDB_SUCCESS)
    return lmdb_failure(directory, "create environment", rc);
  lmdb::environment environment(raw);
  if (int rc = mdb_env_set_maxdbs(raw, named_databases_max); rc != MDB_SUCCESS)
    return lmdb_failure(directory, "set database count", rc);
  if (int rc = mdb_env_set_mapsize(raw, map_bytes); rc != MDB_SUCCESS)
    return lmdb_failure(directory, "set map size", rc);
  if (int rc = mdb_env_open(raw, directory.c_str(), flags, file_mode); rc != MDB_SUCCESS)
    return lmdb_failure(directory, "open as an LMDB environment", rc);
  return environment;
}

// Checks an existing directory without writing to it: not even lock.mdb.
std::optional<log_store_error> inspect(const std::string& directory,
                                       const store_identity& identity) {
  std::error_code ignored;
  // LMDB creates data.mdb empty, then writes its first pages: an empty file is
  // an interrupted creation, which LMDB completes.
  if (std::filesystem::file_size(directory + "/data.mdb", ignored) == 0 || ignored)
    return std::nullopt;
  auto opened = open_environment(directory, inspect_flags);
  if (auto* error = std::get_if<log_store_error>(&opened)) return *error;
  auto& environment = std::get<lmdb::environment>(opened);
  MDB_envinfo info;
  if (int rc = mdb_env_info(environment.get(), &info); rc != MDB_SUCCESS)
    return lmdb_failure(directory, "read environment info", rc);
  if (info.me_last_txnid == 0) return std::nullopt;  // created, nothing committed yet
  MDB_txn* raw = nullptr;
  if (int rc = mdb_txn_begin(environment.get(), nullptr, MDB_RDONLY, &raw); rc != MDB_SUCCESS)
    return lmdb_failure(directory, "begin read transaction", rc);
  lmdb::transaction txn(raw);
  lmdb_log_store::databases names;
  if (auto error = open_databases(directory, raw, 0, names)) return error;
  auto meta = read_meta(directory, raw, names.meta);
  if (auto* error = std::get_if<log_store_error>(&meta)) return *error;
  return check_header(directory, std::get<meta_records>(meta).header, identity);
}

// Opens the directory's environment, or shares the one this process has open.
std::variant<std::shared_ptr<MDB_env>, log_store_error> shared_environment(
    const std::string& directory, const store_identity& identity) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<MDB_env>> open_environments;
  std::lock_guard lock(mutex);
  std::erase_if(open_environments, [](const auto& entry) { return entry.second.expired(); });
  if (auto found = open_environments.find(directory); found != open_environments.end())
    if (auto environment = found->second.lock()) return environment;
  if (auto error = inspect(directory, identity)) return *error;
  auto opened = open_environment(directory, environment_flags);
  if (auto* error = std::get_if<log_store_error>(&opened)) return *error;
  std::shared_ptr<MDB_env> environment(std::move(std::get<lmdb::environment>(opened)));
  open_environments[directory] = environment;
  return environment;
}

// Creates the databases and the header of a fresh store, or checks the header.
std::variant<lmdb_log_store::databases, log_store_error> initialise(
    const std::string& directory, MDB_env* environment, const store_identity& identity) {
  MDB_txn* raw = nullptr;
  if (int rc = mdb_txn_begin(environment, nullptr, 0, &raw); rc != MDB_SUCCESS)
    return lmdb_failure(directory, "begin write transaction", rc);
  lmdb::transaction txn(raw);
  lmdb_log_store::databases names;
  if (auto error = open_databases(directory, raw, MDB_CREATE, names)) return *error;
  std::optional<store_header> header;
  if (auto error = read_record(directory, raw, names.meta, header_key, decode_store_header, header))
    return *error;
  if (header) {
    if (auto error = check_header(directory, header, identity)) return *error;
  } else {
    auto bytes = encode_store_header(store_header{lmdb_store_format_version, identity});
    MDB_val key = lmdb::value_of(header_key);
    MDB_val value = lmdb::value_of(bytes);
    if (int rc = mdb_put(raw, names.meta, &key, &value, 0); rc != MDB_SUCCESS)
      return lmdb_failure(directory, "write store header", rc);
  }
  if (int rc = lmdb::commit(txn); rc != MDB_SUCCESS)
    return lmdb_failure(directory, "commit initialisation", rc);
  return names;
}

std::variant<std::uint64_t, log_store_error> key_index(const std::string& directory,
                                                       const MDB_val& key) {
  std::uint64_t index = 0;
  if (key.mv_size != sizeof index)
    return corrupt(directory, "log key of " + std::to_string(key.mv_size) + " bytes");
  std::memcpy(&index, key.mv_data, sizeof index);
  return index;
}

}  // namespace

std::variant<std::unique_ptr<lmdb_log_store>, log_store_error> lmdb_log_store::open(
    const std::string& directory, const store_identity& identity) {
  std::error_code error_code;
  std::filesystem::create_directories(directory, error_code);
  if (error_code) return corrupt(directory, "cannot be created: " + error_code.message());
  auto path = std::filesystem::canonical(directory, error_code).string();
  if (error_code) return corrupt(directory, "cannot be resolved: " + error_code.message());
  auto shared = shared_environment(path, identity);
  if (auto* error = std::get_if<log_store_error>(&shared)) return *error;
  auto environment = std::get<std::shared_ptr<MDB_env>>(std::move(shared));
  auto names = initialise(path, environment.get(), identity);
  if (auto* error = std::get_if<log_store_error>(&names)) return *error;
  return std::unique_ptr<lmdb_log_store>(
      new lmdb_log_store(path, std::move(environment), std::get<databases>(names)));
}

lmdb_log_store::lmdb_log_store(std::string directory, std::shared_ptr<MDB_env> environment,
                               databases names)
    : directory_(std::move(directory)),
      environment_(std::move(environment)),
      names_(names),
      machine_{names.kv, names.clients, names.meta, &directory_} {}

std::uint64_t lmdb_log_store::last_transaction_id() const {
  MDB_envinfo info;
  if (mdb_env_info(environment_.get(), &info) != MDB_SUCCESS) return 0;
  return info.me_last_txnid;
}

std::optional<log_store_error> lmdb_log_store::begin(lmdb::transaction& txn, unsigned flags) {
  MDB_txn* raw = nullptr;
  if (int rc = mdb_txn_begin(environment_.get(), nullptr, flags, &raw); rc != MDB_SUCCESS)
    return lmdb_failure(directory_, "begin transaction", rc);
  txn.reset(raw);
  return std::nullopt;
}

std::optional<log_store_error> lmdb_log_store::commit(lmdb::transaction& txn,
                                                      std::string_view operation) {
  if (int rc = lmdb::commit(txn); rc != MDB_SUCCESS)
    return lmdb_failure(directory_, "commit " + std::string(operation), rc);
  return std::nullopt;
}

std::variant<stored_state, log_store_error> lmdb_log_store::load() {
  lmdb::transaction txn;
  if (auto error = begin(txn, MDB_RDONLY)) return *error;
  auto meta = read_meta(directory_, txn.get(), names_.meta);
  if (auto* error = std::get_if<log_store_error>(&meta)) return *error;
  auto& records = std::get<meta_records>(meta);
  stored_state result{records.state.value_or(hard_state{}), records.base, {}, {}};
  if (auto error = machine_.read(txn.get(), result.machine)) return *error;
  auto first = records.base ? records.base->index + 1 : 1;
  if (result.machine.applied + 1 < first)
    return corrupt(directory_, "the state machine has applied index " +
                                   std::to_string(result.machine.applied) +
                                   ", behind the log's base at " + std::to_string(first - 1));
  if (auto error = read_entries(txn.get(), first, result.entries)) return *error;
  return result;
}

std::optional<log_store_error> lmdb_log_store::open_log_cursor(MDB_txn* txn, lmdb::cursor& out) {
  MDB_cursor* raw = nullptr;
  if (int rc = mdb_cursor_open(txn, names_.log, &raw); rc != MDB_SUCCESS)
    return lmdb_failure(directory_, "open log cursor", rc);
  out.reset(raw);
  return std::nullopt;
}

std::optional<log_store_error> lmdb_log_store::read_entries(MDB_txn* txn, std::uint64_t first,
                                                            std::vector<log_entry>& out) {
  lmdb::cursor cursor;
  if (auto error = open_log_cursor(txn, cursor)) return error;
  auto* raw = cursor.get();
  MDB_val key;
  MDB_val value;
  auto expected = first;
  int rc = mdb_cursor_get(raw, &key, &value, MDB_FIRST);
  for (; rc == MDB_SUCCESS; rc = mdb_cursor_get(raw, &key, &value, MDB_NEXT), ++expected) {
    auto index = key_index(directory_, key);
    if (auto* error = std::get_if<log_store_error>(&index)) return *error;
    auto at = std::to_string(std::get<std::uint64_t>(index));
    if (std::get<std::uint64_t>(index) != expected)
      return corrupt(directory_, "log entry " + at + " where entry " + std::to_string(expected) +
                                     " was expected");
    auto decoded = decode_log_entry(lmdb::bytes_of(value));
    if (auto* error = std::get_if<decode_error>(&decoded))
      return corrupt(directory_, "log entry " + at + ": " + error->message);
    auto& entry = std::get<log_entry>(decoded);
    if (entry.index != expected)
      return corrupt(directory_, "log entry " + at + " holds index " + std::to_string(entry.index));
    out.push_back(std::move(entry));
  }
  if (rc != MDB_NOTFOUND) return lmdb_failure(directory_, "read log", rc);
  return std::nullopt;
}

std::optional<log_store_error> lmdb_log_store::save(const durable_write& write) {
  const auto& entries = write.entries;
  for (std::size_t i = 1; i < entries.size(); ++i)
    if (entries[i].index != entries[i - 1].index + 1)
      return malformed("save: entry " + std::to_string(entries[i].index) + " follows entry " +
                       std::to_string(entries[i - 1].index));
  lmdb::transaction txn;
  if (auto error = begin(txn, 0)) return error;
  if (write.machine)
    if (auto error = machine_.apply(txn.get(), *write.machine)) return error;
  if (write.compaction)
    if (auto error = compact(txn.get(), *write.compaction)) return error;
  if (write.received)
    if (auto error = install(txn.get(), *write.received)) return error;
  if (!entries.empty()) {
    if (auto error = check_continues(txn.get(), entries.front().index)) return error;
    if (auto error = erase_from_end(txn.get(), MDB_LAST, entries.front().index, "truncate log"))
      return error;
    if (auto error = append(txn.get(), entries)) return error;
  }
  if (write.state) {
    auto bytes = encode_hard_state(*write.state);
    MDB_val key = lmdb::value_of(hard_state_key);
    MDB_val value = lmdb::value_of(bytes);
    if (int rc = mdb_put(txn.get(), names_.meta, &key, &value, 0); rc != MDB_SUCCESS)
      return lmdb_failure(directory_, "write hard state", rc);
  }
  return commit(txn, "save");
}

std::optional<log_store_error> lmdb_log_store::read_base(MDB_txn* txn,
                                                         std::optional<snapshot_metadata>& out) {
  return read_record(directory_, txn, names_.meta, base_key, decode_snapshot_metadata, out);
}

std::optional<log_store_error> lmdb_log_store::put_base(MDB_txn* txn,
                                                        const snapshot_metadata& base) {
  auto bytes = encode_snapshot_metadata(base);
  MDB_val key = lmdb::value_of(base_key);
  MDB_val value = lmdb::value_of(bytes);
  if (int rc = mdb_put(txn, names_.meta, &key, &value, 0); rc != MDB_SUCCESS)
    return lmdb_failure(directory_, "write the log's base", rc);
  return std::nullopt;
}

std::optional<log_store_error> lmdb_log_store::compact(MDB_txn* txn,
                                                       const snapshot_metadata& base) {
  std::optional<snapshot_metadata> stored;
  if (auto error = read_base(txn, stored)) return error;
  if (stored && base.index <= stored->index) return std::nullopt;
  machine_image machine;
  if (auto error = machine_.read_meta(txn, machine)) return error;
  if (base.index > machine.applied)
    return malformed("save: compaction to " + std::to_string(base.index) +
                     " passes the applied index " + std::to_string(machine.applied));
  if (auto error = put_base(txn, base)) return error;
  return erase_from_end(txn, MDB_FIRST, base.index, "compact log");
}

std::optional<log_store_error> lmdb_log_store::install(MDB_txn* txn, const snapshot& received) {
  auto image = machine_image_of(received);
  if (auto* error = std::get_if<std::string>(&image)) return malformed("save: " + *error);
  if (auto error = machine_.replace(txn, std::get<machine_image>(image))) return error;
  if (auto error = put_base(txn, received.metadata)) return error;
  // A received snapshot replaces the whole log, as in memory_log_store.
  if (int rc = mdb_drop(txn, names_.log, 0); rc != MDB_SUCCESS)
    return lmdb_failure(directory_, "empty log for snapshot", rc);
  return std::nullopt;
}

// Entries starting at `first` must follow the base and leave no gap.
std::optional<log_store_error> lmdb_log_store::check_continues(MDB_txn* txn, std::uint64_t first) {
  std::optional<snapshot_metadata> stored;
  if (auto error = read_base(txn, stored)) return error;
  std::uint64_t last = stored ? stored->index : 0;
  auto snapshot_index = last;
  lmdb::cursor cursor;
  if (auto error = open_log_cursor(txn, cursor)) return error;
  auto* raw = cursor.get();
  MDB_val key;
  MDB_val value;
  int rc = mdb_cursor_get(raw, &key, &value, MDB_LAST);
  if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) return lmdb_failure(directory_, "read log", rc);
  if (rc == MDB_SUCCESS) {
    auto index = key_index(directory_, key);
    if (auto* error = std::get_if<log_store_error>(&index)) return *error;
    last = std::get<std::uint64_t>(index);
  }
  if (first <= snapshot_index)
    return malformed("save: entry " + std::to_string(first) + " is covered by the snapshot at " +
                     std::to_string(snapshot_index));
  if (first > last + 1)
    return malformed("save: entry " + std::to_string(first) + " would leave a gap after entry " +
                     std::to_string(last));
  return std::nullopt;
}

std::optional<log_store_error> lmdb_log_store::erase_from_end(MDB_txn* txn, MDB_cursor_op end,
                                                              std::uint64_t bound,
                                                              const char* operation) {
  lmdb::cursor cursor;
  if (auto error = open_log_cursor(txn, cursor)) return error;
  auto* raw = cursor.get();
  MDB_val key;
  MDB_val value;
  int rc = MDB_SUCCESS;
  // Each round deletes the entry at `end`, so the loop ends with the log.
  while ((rc = mdb_cursor_get(raw, &key, &value, end)) == MDB_SUCCESS) {
    auto found = key_index(directory_, key);
    if (auto* error = std::get_if<log_store_error>(&found)) return *error;
    auto index = std::get<std::uint64_t>(found);
    bool doomed = end == MDB_LAST ? index >= bound : index <= bound;
    if (!doomed) return std::nullopt;
    if (rc = mdb_cursor_del(raw, 0); rc != MDB_SUCCESS)
      return lmdb_failure(directory_, operation, rc);
  }
  if (rc != MDB_NOTFOUND) return lmdb_failure(directory_, "read log", rc);
  return std::nullopt;
}

std::optional<log_store_error> lmdb_log_store::append(MDB_txn* txn,
                                                      std::span<const log_entry> entries) {
  for (const auto& entry : entries) {
    auto bytes = encode_log_entry(entry);
    std::size_t index = entry.index;
    MDB_val key{sizeof index, &index};
    MDB_val value = lmdb::value_of(bytes);
    if (int rc = mdb_put(txn, names_.log, &key, &value, MDB_APPEND); rc != MDB_SUCCESS)
      return lmdb_failure(directory_, "append log entry " + std::to_string(entry.index), rc);
  }
  return std::nullopt;
}

}  // namespace troupe::storage
