// Writes seed inputs for the binary decoders' fuzz targets (raft_message,
// store_command, mvcc_snapshot) into the directories given on the command
// line, encoded by the real encoders, so that fuzzing starts from valid
// Cap'n Proto and store images rather than from nothing.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "actors/store/core/raft_message_codec.hpp"
#include "storage/core/log_entry_codec.hpp"
#include "storage/core/machine_codec.hpp"
#include "storage/core/mvcc_store.hpp"
#include "storage/core/store_command_codec.hpp"

namespace {

using namespace troupe;

void write(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

txn_request sample_txn() {
  txn_request request;
  request.compares.push_back({"k", txn_compare::target::mod_revision, txn_compare::op::equal, 3});
  request.success.push_back({txn_operation::kind::put, "k", {}, "value"});
  request.success.push_back({txn_operation::kind::range, "a", "z", {}});
  request.failure.push_back({txn_operation::kind::remove, "k", {}, {}});
  request.client = 7;
  request.sequence = 9;
  return request;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: make_seeds RAFT_MESSAGE_DIR STORE_COMMAND_DIR MVCC_SNAPSHOT_DIR\n";
    return 2;
  }
  auto command = storage::encode_store_command(sample_txn());
  storage::log_entry entry{2, 5, {7, 9}, storage::command_bytes(command.begin(), command.end())};
  store::raft::message append{.type = store::raft::message_type::append,
                              .from = "a",
                              .to = "b",
                              .term = 2,
                              .log_term = 1,
                              .index = 4,
                              .entries = {entry},
                              .commit = 4};
  write(std::string(argv[1]) + "/append", store::raft::encode_message(append));
  store::raft::message vote{
      .type = store::raft::message_type::vote, .from = "a", .to = "c", .term = 3, .force = true};
  write(std::string(argv[1]) + "/vote", store::raft::encode_message(vote));

  write(std::string(argv[2]) + "/txn", command);
  write(std::string(argv[2]) + "/compact",
        storage::encode_store_command(storage::compact_command{4}));
  write(std::string(argv[2]) + "/entry", storage::encode_log_entry(entry));

  storage::mvcc_store state;
  (void)state.txn(sample_txn());
  auto put = sample_txn();
  put.compares.clear();
  put.sequence = 10;
  (void)state.txn(put);
  (void)state.compact(2);
  write(std::string(argv[3]) + "/store", state.snapshot());
  storage::machine_record record{"key", {3, 0, 2, 2, "value"}};
  write(std::string(argv[3]) + "/record", storage::encode_record_value(record));
  return 0;
}
