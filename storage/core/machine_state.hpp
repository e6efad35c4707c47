// The state machine as a durable store keeps it, in memory: records and
// clients by id, with the applied index and revisions. memory_log_store holds
// one; applying machine_changes to it checks them the way the LMDB store does.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "storage/core/machine_changes.hpp"
#include "storage/core/raft_durable_state.hpp"

namespace troupe::storage {

struct machine_state {
  std::uint64_t applied = 0;
  std::int64_t current_revision = 1;
  std::int64_t compacted_revision = 0;
  std::map<record_id, machine_record> records;
  std::map<std::uint64_t, mvcc_client_record> clients;

  // Names the first inconsistency of `changes` with this state (a record
  // written twice, an erased record or evicted client that is not there, an
  // applied index going back), or nothing when apply() may take them.
  std::optional<std::string> check(const machine_changes& changes) const;
  // Applies checked changes in order.
  void apply(const machine_changes& changes);
  machine_image image() const;
  static machine_state of(const machine_image& image);
};

// The state machine a snapshot from the leader holds (mvcc_store's snapshot
// format), as of the snapshot's index; a message when it does not decode.
std::variant<machine_image, std::string> machine_image_of(const snapshot& received);

}  // namespace troupe::storage
