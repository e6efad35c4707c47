// An in-memory raft_log_store with fault injection, for simulations and
// tests. The durable contents live in a `memory_disk` shared by every store
// opened on it, so a "restart" is opening a new store on the same disk and a
// "crash" is simply dropping the store object: since save() is atomic, a
// crash loses exactly the writes that had not returned.
//
// Faults: fail_writes(n) makes the next n writes fail with an I/O error and
// change nothing, as a full or failing disk would.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "storage/core/machine_state.hpp"
#include "storage/core/raft_log_store.hpp"

namespace troupe::storage {

struct memory_disk_contents {
  hard_state state;
  std::optional<snapshot_metadata> base;
  machine_state machine;
  std::vector<log_entry> entries;
};

struct memory_disk {
  memory_disk_contents contents;
  std::size_t writes = 0;          // successful durable writes (each one fsync)
  std::size_t failing_writes = 0;  // injected: how many next writes fail
};

class memory_log_store final : public raft_log_store {
 public:
  explicit memory_log_store(std::shared_ptr<memory_disk> disk) : disk_(std::move(disk)) {}

  std::variant<stored_state, log_store_error> load() override;
  std::optional<log_store_error> save(const durable_write& write) override;

  void fail_writes(std::size_t count) { disk_->failing_writes = count; }

 private:
  std::optional<log_store_error> injected_failure();

  std::shared_ptr<memory_disk> disk_;
};

}  // namespace troupe::storage
