// A deterministic simulation of Raft replicas (actors/store/core/raft) in one
// thread: a simulated network (delay, reordering, loss, duplication,
// partitions), clocks that jump ahead, disks (storage/core/memory_log_store: a crash loses what a
// replica had not persisted; injected write failures stop the replica),
// crashes and restarts, snapshots, leader transfers and membership changes,
// and clients writing and reading (through ReadIndex) the MVCC store
// (storage/core/mvcc_store) as the replicated state machine, its commands in
// the store's Cap'n Proto format. Every choice derives from one seed, so a
// run replays exactly.
//
// Invariants checked while it runs (a violation throws with the seed):
//   election safety      at most one leader per term
//   log matching         equal (index, term) imply equal entries and prefixes
//   leader completeness  a leader holds every entry any replica applied
//   state-machine safety no two replicas apply different entries at an index
//   watch streams        watchers re-attached across crashes and leader
//                        changes see every revision once, in order, and all
//                        the same events
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "actors/store/core/raft.hpp"
#include "messages/core/store.hpp"

namespace troupe::testing {

// One client operation as the client observed it (for linearizability).
struct recorded_operation {
  enum class kind : std::uint8_t { put, get };
  kind type = kind::put;
  std::uint64_t client = 0;
  std::string key;
  std::string value;  // put: written; get: read ("" with found == false: absent)
  bool found = false;
  std::uint64_t invoked_ms = 0;
  std::uint64_t completed_ms = 0;
  bool completed = false;  // false: outcome unknown (timed out or lost)
};

struct simulation_options {
  std::uint64_t seed = 1;
  std::size_t replicas = 3;
  std::uint64_t safety_ms = 2000;    // faults on
  std::uint64_t liveness_ms = 4000;  // faults off: must converge within this
  bool membership_changes = false;
  // The deliberately broken variant: every replica answers reads from its
  // own state machine at once, without ReadIndex.
  bool stale_reads = false;
};

struct simulation_result {
  bool converged = false;
  std::uint64_t converged_at_ms = 0;
  std::size_t leaders_elected = 0;
  std::size_t entries_applied = 0;  // distinct indexes applied anywhere
  std::size_t snapshots_installed = 0;
  std::size_t membership_changes = 0;  // committed and applied somewhere
  std::size_t watch_events = 0;        // revisions every watcher saw in order
  std::vector<recorded_operation> history;
};

class invariant_violation : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

simulation_result simulate(const simulation_options& options);

}  // namespace troupe::testing
