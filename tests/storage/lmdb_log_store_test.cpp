// Tests of storage/lmdb_log_store against a real LMDB environment in a
// temporary directory: the generic raft_log_store contract, then what only a
// disk store can show (reopening, refusing foreign or corrupt directories
// without touching them, durability across a killed process, group commit).
#include <lmdb.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "storage/core/machine_codec.hpp"
#include "storage/lmdb_log_store.hpp"
#include "tests/support/child_process.hpp"
#include "tests/unit/log_store_conformance.hpp"

namespace troupe::storage {
namespace {

using testing::command_entry;
using testing::entries_between;
using testing::indexes;
using testing::load_ok;

const store_identity replica_1{"c1", "store-1"};

std::unique_ptr<lmdb_log_store> open_ok(const std::string& directory,
                                        const store_identity& identity = replica_1) {
  auto opened = lmdb_log_store::open(directory, identity);
  if (auto* error = std::get_if<log_store_error>(&opened)) FAIL(error->message);
  return std::get<std::unique_ptr<lmdb_log_store>>(std::move(opened));
}

log_store_error open_error(const std::string& directory, const store_identity& identity) {
  auto opened = lmdb_log_store::open(directory, identity);
  REQUIRE(std::holds_alternative<log_store_error>(opened));
  return std::get<log_store_error>(opened);
}

// Every file of `directory`, name -> bytes.
std::map<std::string, std::string> files_of(const std::string& directory) {
  std::map<std::string, std::string> files;
  for (const auto& file : std::filesystem::directory_iterator(directory)) {
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files[file.path().filename().string()] = bytes.str();
  }
  return files;
}

// Writes one record straight into a named database, bypassing the store (no
// store may have the directory open).
void put_raw(const std::string& directory, const char* database, MDB_val key,
             std::string_view bytes) {
  MDB_env* env = nullptr;
  REQUIRE(mdb_env_create(&env) == MDB_SUCCESS);
  lmdb::environment owner(env);
  REQUIRE(mdb_env_set_maxdbs(env, 4) == MDB_SUCCESS);
  REQUIRE(mdb_env_open(env, directory.c_str(), 0, 0600) == MDB_SUCCESS);
  MDB_txn* raw = nullptr;
  REQUIRE(mdb_txn_begin(env, nullptr, 0, &raw) == MDB_SUCCESS);
  lmdb::transaction txn(raw);
  MDB_dbi dbi = 0;
  REQUIRE(mdb_dbi_open(raw, database, 0, &dbi) == MDB_SUCCESS);
  MDB_val value = lmdb::value_of(bytes);
  REQUIRE(mdb_put(raw, dbi, &key, &value, 0) == MDB_SUCCESS);
  REQUIRE(lmdb::commit(txn) == MDB_SUCCESS);
}

std::vector<log_entry> every_payload_kind() {
  return {log_entry{1, 1, {}, no_op{}},
          command_entry(1, 2),
          log_entry{1, 3, {4, 9}, config_change{config_change_kind::add_voter, "r2"}},
          log_entry{2, 4, {}, config_change{config_change_kind::add_learner, "r3"}},
          log_entry{2, 5, {}, config_change{config_change_kind::remove_replica, "r2"}},
          log_entry{2, 6, {5, 1}, command_bytes{}}};
}

TEST_CASE("the LMDB store passes the raft_log_store contract tests", "[storage]") {
  testing::temp_dir dir;
  testing::check_log_store_contract(
      [&]() -> std::unique_ptr<raft_log_store> { return open_ok(dir.path()); });
}

TEST_CASE("hard state, entries of every kind, the base and the state machine survive reopening",
          "[storage]") {
  testing::temp_dir dir;
  auto entries = every_payload_kind();
  auto machine = testing::journaled_store();
  testing::put_key(machine, "big", std::string(1 << 20, 'v'), 3, 1);
  testing::put_key(machine, "small", "v");
  auto changes = machine.take_changes(3);
  {
    auto store = open_ok(dir.file("nested/data"));
    REQUIRE_FALSE(store->save({.entries = entries, .state = hard_state{2, "r1", 5}}));
    REQUIRE_FALSE(store->save(
        {.machine = &changes, .compaction = snapshot_metadata{3, 1, {{"r1", "r2"}, {"r3"}}}}));
  }
  auto loaded = load_ok(*open_ok(dir.file("nested/data")));
  CHECK(loaded.state == hard_state{2, "r1", 5});
  REQUIRE(loaded.base);
  CHECK(*loaded.base == snapshot_metadata{3, 1, {{"r1", "r2"}, {"r3"}}});
  testing::check_same_machine(loaded.machine, machine.image(3));
  CHECK(loaded.entries == std::vector<log_entry>(entries.begin() + 3, entries.end()));
}

TEST_CASE("a save truncates a conflicting suffix and installs a snapshot atomically", "[storage]") {
  testing::temp_dir dir;
  auto store = open_ok(dir.path());
  REQUIRE_FALSE(store->save({.entries = entries_between(1, 1, 10), .state = hard_state{1, "", 0}}));
  REQUIRE_FALSE(store->save({.entries = entries_between(2, 6, 7), .state = hard_state{2, "", 5}}));
  auto loaded = load_ok(*store);
  CHECK(indexes(loaded) == std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7});
  CHECK(loaded.entries[5] == command_entry(2, 6));

  snapshot image{{4, 1, {{"r1"}, {}}}, mvcc_store().snapshot()};
  REQUIRE_FALSE(store->save(
      {.received = &image, .entries = entries_between(3, 5, 6), .state = hard_state{3, "r1", 4}}));
  loaded = load_ok(*open_ok(dir.path()));
  CHECK(indexes(loaded) == std::vector<std::uint64_t>{5, 6});
  CHECK(loaded.entries[0] == command_entry(3, 5));
  CHECK(loaded.base->index == 4);
  CHECK(loaded.machine.applied == 4);
  CHECK(loaded.state == hard_state{3, "r1", 4});
}

TEST_CASE("a save of 1000 entries and 1000 records is one LMDB transaction", "[storage]") {
  testing::temp_dir dir;
  auto store = open_ok(dir.path());
  auto before = store->last_transaction_id();
  REQUIRE_FALSE(
      store->save({.entries = entries_between(1, 1, 1000), .state = hard_state{1, "", 0}}));
  CHECK(store->last_transaction_id() == before + 1);
  auto machine = testing::journaled_store();
  for (int i = 0; i < 1000; ++i) testing::put_key(machine, "k" + std::to_string(i), "v", 9, i + 1);
  auto changes = machine.take_changes(1000);
  REQUIRE_FALSE(
      store->save({.machine = &changes, .compaction = snapshot_metadata{900, 1, {{"r1"}, {}}}}));
  CHECK(store->last_transaction_id() == before + 2);
  auto loaded = load_ok(*store);
  CHECK(loaded.entries.size() == 100);
  CHECK(loaded.machine.records.size() == 1000);
}

TEST_CASE("a directory of another replica or cluster is refused and left unchanged", "[storage]") {
  testing::temp_dir dir;
  REQUIRE_FALSE(open_ok(dir.path())->save({.entries = entries_between(1, 1, 3)}));
  auto before = files_of(dir.path());

  auto other_replica = open_error(dir.path(), {"c1", "store-2"});
  CHECK(other_replica.code == store_error::bad_data_dir);
  CHECK_THAT(other_replica.message,
             Catch::Contains("belongs to replica store-1 of cluster c1, not replica store-2 of "
                             "cluster c1"));
  auto other_cluster = open_error(dir.path(), {"c2", "store-1"});
  CHECK_THAT(other_cluster.message, Catch::Contains("not replica store-1 of cluster c2"));
  CHECK(files_of(dir.path()) == before);
  CHECK(load_ok(*open_ok(dir.path())).entries.size() == 3);
}

TEST_CASE("another replica is refused while this process has the directory open", "[storage]") {
  testing::temp_dir dir;
  auto store = open_ok(dir.path());
  auto error = open_error(dir.path(), {"c1", "store-2"});
  CHECK_THAT(error.message, Catch::Contains("belongs to replica store-1"));
}

TEST_CASE("a garbage data.mdb is refused and left unchanged", "[storage]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("data.mdb"), std::string(16384, 'x'));
  auto before = files_of(dir.path());
  auto error = open_error(dir.path(), replica_1);
  CHECK(error.code == store_error::bad_data_dir);
  CHECK_THAT(error.message, Catch::Contains(dir.path()) && Catch::Contains("not an LMDB file"));
  CHECK(files_of(dir.path()) == before);
}

TEST_CASE("another format version or a corrupt meta record is refused and left unchanged",
          "[storage]") {
  testing::temp_dir dir;
  open_ok(dir.path());
  std::string_view header_key = "header";
  std::string expected;
  SECTION("newer format version") {
    auto bytes = encode_store_header({lmdb_store_format_version + 1, replica_1});
    put_raw(dir.path(), "meta", lmdb::value_of(header_key),
            std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    expected = "has format version 3; this build reads only version 2";
  }
  SECTION("undecodable hard state") {
    std::string_view key = "hard_state";
    put_raw(dir.path(), "meta", lmdb::value_of(key), "not capnp");
    expected = "meta record hard_state";
  }
  auto before = files_of(dir.path());
  auto error = open_error(dir.path(), replica_1);
  CHECK(error.code == store_error::bad_data_dir);
  CHECK_THAT(error.message, Catch::Contains(expected));
  CHECK(files_of(dir.path()) == before);
}

TEST_CASE("load reports a corrupt log entry by its index", "[storage]") {
  testing::temp_dir dir;
  REQUIRE_FALSE(open_ok(dir.path())->save({.entries = entries_between(1, 1, 5)}));
  std::size_t index = 3;
  SECTION("undecodable entry") {
    put_raw(dir.path(), "log", MDB_val{sizeof index, &index}, "garbage!");
  }
  SECTION("entry under the wrong key") {
    auto bytes = encode_log_entry(command_entry(1, 4));
    put_raw(dir.path(), "log", MDB_val{sizeof index, &index},
            std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  }
  auto loaded = open_ok(dir.path())->load();
  REQUIRE(std::holds_alternative<log_store_error>(loaded));
  CHECK(std::get<log_store_error>(loaded).code == store_error::bad_data_dir);
  CHECK_THAT(std::get<log_store_error>(loaded).message, Catch::Contains("log entry 3"));
}

TEST_CASE("load reports a corrupt state machine record", "[storage]") {
  testing::temp_dir dir;
  auto machine = testing::journaled_store();
  testing::put_key(machine, "a", "1");
  auto changes = machine.take_changes(1);
  REQUIRE_FALSE(
      open_ok(dir.path())->save({.machine = &changes, .entries = entries_between(1, 1, 1)}));
  auto key = encode_record_key({2, 0});
  put_raw(dir.path(), "kv", lmdb::value_of(key), "garbage");
  auto loaded = open_ok(dir.path())->load();
  REQUIRE(std::holds_alternative<log_store_error>(loaded));
  CHECK(std::get<log_store_error>(loaded).code == store_error::bad_data_dir);
  CHECK_THAT(std::get<log_store_error>(loaded).message,
             Catch::Contains("state machine record does not decode"));
}

TEST_CASE("a saved batch survives the process being killed right after save", "[storage]") {
  // The child saves, then dies by SIGKILL with the environment still open:
  // no destructor, no close, nothing but what the commit made durable.
  testing::temp_dir dir;
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto opened = lmdb_log_store::open(dir.path(), replica_1);
    if (!std::holds_alternative<std::unique_ptr<lmdb_log_store>>(opened)) ::_exit(2);
    auto& store = *std::get<std::unique_ptr<lmdb_log_store>>(opened);
    if (store.save({.entries = entries_between(1, 1, 50), .state = hard_state{1, "r1", 50}}))
      ::_exit(3);
    ::kill(::getpid(), SIGKILL);
    ::_exit(4);
  }
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (::waitpid(child, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) ::kill(child, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);
  auto loaded = load_ok(*open_ok(dir.path()));
  CHECK(loaded.entries == entries_between(1, 1, 50));
  CHECK(loaded.state == hard_state{1, "r1", 50});
}

}  // namespace
}  // namespace troupe::storage
