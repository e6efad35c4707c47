// One consensus store replica without CAF or I/O: the Raft core
// (raft.hpp) joined to the MVCC state machine (storage/core/mvcc_store.hpp),
// with the bookkeeping of client requests and watches. The replica actor
// (actors/store/replica_actor.cpp) wires it to messages, timers and the
// durable log store; the deterministic tests drive it directly.
//
// Driving it (the actor's loop, in this order):
//   1. feed inputs: tick(), step(message), submit_txn/submit_range/watch...;
//   2. while has_ready(): batch = take_ready(); optionally
//      apply_committed(batch) and carry its output out; persist, in one
//      durable write, take_machine_write() (the state machine's changes
//      since the last write and the log's new base), batch.snapshot,
//      batch.entries and batch.state, then call machine_written(); then
//      out = finish(batch) and carry `out` out: send its messages, answer
//      its completions and deliver its watch events.
//   3. when a batch needs no durable write, the machine's changes wait for
//      the next one; machine_write_due() says when they should not wait (too
//      many, a log compaction pending, or a tick passed since the last write:
//      the replica is idle), checked after each batch and each tick.
//      Acknowledged writes are durable in the log meanwhile: a restart loads
//      the state machine as last written and re-applies the committed
//      entries after it.
// A failed write must stop the replica (nothing of the batch may be acted
// on): the actor exits and a restart reloads what was durable.
//
// Requests are named by tickets (the actor's handle on a pending reply). A
// submit either refuses at once (the returned error) or completes the ticket
// exactly once in a later finish()/tick() output: answered, refused
// (not_leader when leadership is lost: the outcome is then unknown and the
// client retries with the same request id, which the MVCC client table makes
// safe) or timed out.
//
// Invariants:
//   1. The state machine has applied exactly the log entries up to
//      raft.log().applied(), in order.
//   2. Every pending ticket completes once; pending work is bounded by
//      settings.pending_requests_max and watches by watches_max.
//   3. A watch delivers every change of its range from its start revision on,
//      in revision order, with no gap and no duplicate; if its start falls
//      below the compaction point it is refused with `compacted`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "actors/store/core/raft.hpp"
#include "storage/core/mvcc_store.hpp"
#include "storage/core/raft_log_store.hpp"

namespace troupe::store {

using ticket = std::uint64_t;

struct store_replica_settings {
  raft::raft_settings raft;
  // The log keeps this many entries behind the durable state machine for
  // followers that lag (etcd's snapshot catch-up entries), and is compacted
  // once twice that has accumulated. A follower further behind gets an image
  // of the state machine, which the leader serializes on its thread.
  std::uint64_t log_entries_retained = 10'000;
  // Write the state machine's changes with the next durable write of the log,
  // or on their own once this many records have accumulated.
  std::size_t machine_changes_max = 64 * 1024;
  // Keep this many revisions readable; older ones are compacted away
  // automatically by the leader (etcd's revision retention) once a tenth of
  // that has accumulated beyond it. 0: never.
  std::int64_t revisions_retained = 100'000;
  // Client requests (txns, compactions and linearizable reads) waiting at
  // this replica.
  std::size_t pending_requests_max = 16 * 1024;
  // A request not done within this many ticks is answered `timeout`.
  std::uint32_t request_timeout_ticks = 500;
  std::size_t watches_max = 16 * 1024;
  // Events per watch delivery (a revision is never split across deliveries).
  std::size_t watch_batch_events_max = 512;

  std::optional<std::string> validate() const;
};

template <class T>
struct completion {
  ticket id = 0;
  std::variant<T, store_error> result;
};

struct store_replica_output {
  std::vector<raft::message> messages;
  std::vector<completion<txn_response>> txns;
  std::vector<completion<range_response>> ranges;
  std::vector<completion<std::int64_t>> compactions;
  std::vector<completion<store_members>> changes;
  std::vector<watch_events> watch;  // each names its watch id
  // Watches ended by the replica (only `compacted`: a snapshot from the
  // leader skipped past them); the watcher re-watches from a newer revision.
  std::vector<std::pair<std::uint64_t, store_error>> ended_watches;
};

// What the next durable write carries for the state machine.
struct machine_write {
  storage::machine_changes changes;
  std::optional<storage::snapshot_metadata> compaction;  // the log's new base
  bool empty() const { return changes.empty() && !compaction; }
};

class store_replica {
 public:
  // `loaded` is what the log store held; `nonce` tells this incarnation's
  // proposals apart from every other replica's (randomness is an input).
  // Fails with bad_data_dir when the stored state machine does not load.
  static std::variant<store_replica, storage::log_store_error> open(
      raft::replica_id self, storage::stored_state loaded, storage::configuration bootstrap,
      store_replica_settings settings, std::uint64_t seed);

  // Inputs. Refusals of submits are returned and change nothing.
  void tick(store_replica_output& out);
  void step(const raft::message& incoming) { raft_->step(incoming); }
  std::optional<store_error> submit_txn(ticket id, const txn_request& request);
  std::optional<store_error> submit_range(ticket id, const range_request& request,
                                          store_replica_output& out);
  std::optional<store_error> submit_compact(ticket id, std::int64_t revision);
  // One replica change at a time (queue_full while one is pending); it
  // completes with the replicas once committed. Only a learner may be made a
  // voter (malformed_request otherwise), once it has caught up with the log
  // (learner_not_ready until then).
  std::optional<store_error> submit_change(ticket id, const replica_change& change);
  // Starts a watch (its id is returned) whose events finish() and tick()
  // deliver from now on, beginning with any history since start_revision.
  std::variant<std::uint64_t, store_error> watch(const watch_request& request,
                                                 store_replica_output& out);
  void cancel_watch(std::uint64_t watch_id) { watches_.erase(watch_id); }
  void transfer_leadership(const raft::replica_id& target) { raft_->transfer_leadership(target); }

  bool has_ready() const { return raft_->has_ready(); }
  raft::ready take_ready() { return raft_->take_ready(); }
  // Before `batch` is durable (optional): applies its committed entries and
  // collects their answers and watch events, so these need not wait for the
  // batch's own write. The log hands out only entries this replica wrote
  // in an earlier batch, and committed ones are durable on a quorum. A
  // batch with a snapshot applies nothing here: the snapshot comes first.
  // Errors as finish().
  std::optional<std::string> apply_committed(raft::ready& batch, store_replica_output& out);
  // After `batch` is durable: applies, serves and collects what to do. An
  // error (a snapshot or committed entry that does not decode: corruption)
  // means the replica must stop.
  std::optional<std::string> finish(const raft::ready& batch, store_replica_output& out);

  // The state machine's side of durable writes (see "Driving it").
  machine_write take_machine_write();
  void machine_written(const machine_write& done);
  bool machine_write_due() const;

  const raft::node& raft() const { return *raft_; }
  const storage::mvcc_store& state() const { return state_; }
  std::size_t pending_requests() const {
    return txns_.size() + compactions_.size() + changes_.size() + reads_.size() + waiting_.size();
  }
  std::size_t watch_count() const { return watches_.size(); }
  // The leader as far as this replica knows (empty: none known).
  const raft::replica_id& leader() const { return raft_->leader(); }

 private:
  struct pending_txn {
    ticket id = 0;
    std::uint32_t deadline = 0;
  };
  struct pending_read {
    ticket id = 0;
    range_request request;
    std::uint32_t deadline = 0;
    std::uint64_t index = 0;  // 0 until ReadIndex confirmed it
  };
  struct watch_state {
    watch_request request;
    std::int64_t next_revision = 0;
  };

  store_replica(raft::replica_id self, raft::persisted_state persisted, storage::mvcc_store state,
                store_replica_settings settings, std::uint64_t seed);
  void set_state(storage::mvcc_store state);

  std::optional<store_error> admit() const;
  store_error refusal_of(raft::raft_error error) const;
  std::optional<std::string> apply(const storage::log_entry& entry, store_replica_output& out);
  void complete_changes(const raft::ready& batch, store_replica_output& out);
  void serve_reads(store_replica_output& out);
  void deliver_watches(store_replica_output& out);
  void maybe_compact_log();
  void maybe_offer_snapshot();
  void maybe_compact_by_retention();
  // Leadership lost: every pending request is refused (not_leader).
  void check_leadership(store_replica_output& out);

  store_replica_settings settings_;
  std::unique_ptr<raft::node> raft_;
  storage::mvcc_store state_;
  std::uint64_t machine_durable_ = 0;  // the applied index of the durable state machine
  std::optional<storage::snapshot_metadata> compaction_;  // for the next machine write
  std::uint32_t machine_written_at_ = 0;                  // the tick of the last machine write
  std::uint64_t nonce_ = 0;
  std::uint64_t next_sequence_ = 1;
  std::uint32_t now_ = 0;  // ticks since start
  raft::role last_role_ = raft::role::follower;
  std::uint64_t last_term_ = 0;
  // Txns proposed here, by the sequence of their log entry's request id.
  std::map<std::uint64_t, pending_txn> txns_;
  // Compactions proposed here, likewise.
  std::map<std::uint64_t, pending_txn> compactions_;
  // Replica changes proposed here, by their log index, with the term they
  // were proposed in (the entry at that index is theirs only in that term).
  struct pending_change {
    ticket id = 0;
    std::uint32_t deadline = 0;
    std::uint64_t term = 0;
  };
  std::map<std::uint64_t, pending_change> changes_;
  // Linearizable reads by ReadIndex context, and those confirmed and waiting
  // for the state machine to reach their index.
  std::map<std::uint64_t, pending_read> reads_;
  std::vector<pending_read> waiting_;
  std::uint64_t next_watch_ = 1;
  std::map<std::uint64_t, watch_state> watches_;
};

}  // namespace troupe::store
