// The replicated log as one replica holds it: a snapshot point followed by
// the entries since, with three marks.
//
// Invariants:
//   1. Entries are contiguous: entries_[i].index == snapshot_.index + 1 + i.
//   2. applied_ <= committed_ <= last_index(); snapshot_.index <= applied_.
//   3. stable_ <= last_index(): entries up to stable_ are persisted.
//   4. Committed entries are never truncated (a conflicting append below the
//      commit index is a protocol violation and asserts).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "actors/store/core/raft_types.hpp"

namespace troupe::store::raft {

// Bytes an entry counts for in message and uncommitted bounds.
std::size_t entry_bytes(const log_entry& entry);

class raft_log {
 public:
  // Reloads persisted state: everything given is stable.
  void restore(const snapshot_metadata& snapshot, std::vector<log_entry> entries,
               std::uint64_t commit);

  std::uint64_t first_index() const { return snapshot_.index + 1; }
  std::uint64_t last_index() const { return snapshot_.index + entries_.size(); }
  std::uint64_t last_term() const;
  // The term of `index`, or nothing when it is compacted away or beyond the end.
  std::optional<std::uint64_t> term(std::uint64_t index) const;
  bool matches(std::uint64_t index, std::uint64_t term) const;
  // Raft's election restriction: is a log ending at (index, term) at least as
  // up to date as this one?
  bool is_up_to_date(std::uint64_t index, std::uint64_t term) const;

  // A follower's append after (previous_index, previous_term). Returns the
  // index of the last new entry, or nothing if the previous entry does not match.
  std::optional<std::uint64_t> try_append(std::uint64_t previous_index, std::uint64_t previous_term,
                                          const std::vector<log_entry>& entries);
  // A leader's append of entries it numbered itself.
  void append(std::vector<log_entry> entries);

  // The entry at `index` in [first_index(), last_index()] (asserted).
  const log_entry& entry(std::uint64_t index) const;
  // Entries in [from, last_index()] up to `bytes_max` (at least one if any).
  std::vector<log_entry> entries_from(std::uint64_t from, std::size_t bytes_max) const;

  void commit_to(std::uint64_t index);
  std::uint64_t committed() const { return committed_; }
  std::uint64_t applied() const { return applied_; }
  std::uint64_t stable() const { return stable_; }

  // Entries not yet persisted, and committed entries that are persisted and
  // not yet handed out for applying.
  std::vector<log_entry> unstable_entries() const;
  std::vector<log_entry> next_committed_entries() const;
  void stable_to(std::uint64_t index);
  void applied_to(std::uint64_t index);

  // Replaces the whole log by a snapshot received from the leader.
  void install(const snapshot_metadata& snapshot);
  // Drops entries up to `snapshot.index` (<= applied) after a local snapshot.
  void compact(const snapshot_metadata& snapshot);
  const snapshot_metadata& snapshot() const { return snapshot_; }

 private:
  snapshot_metadata snapshot_;
  std::vector<log_entry> entries_;
  std::uint64_t committed_ = 0;
  std::uint64_t applied_ = 0;
  std::uint64_t stable_ = 0;
};

}  // namespace troupe::store::raft
