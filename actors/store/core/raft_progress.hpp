// What a leader knows about one follower's log, as in etcd-raft's tracker.
//
// States: probe (one append per heartbeat until the match is found),
// replicate (pipelined appends, at most inflight_messages_max unacknowledged),
// snapshot (waiting for an InstallSnapshot to be acknowledged).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

namespace troupe::store::raft {

struct progress {
  enum class mode : std::uint8_t { probe, replicate, snapshot };

  std::uint64_t match = 0;  // highest index known to be in the follower's log
  std::uint64_t next = 1;   // next index to send
  mode state = mode::probe;
  bool probe_sent = false;             // probe: an append is outstanding
  std::uint64_t pending_snapshot = 0;  // snapshot: the index being installed
  std::uint32_t snapshot_ticks = 0;    // snapshot: ticks without an acknowledgement
  bool recently_active = false;        // heard from since the last check-quorum round
  std::deque<std::uint64_t> inflight;  // replicate: last index of each unacknowledged append

  void become_probe();
  void become_replicate();
  void become_snapshot(std::uint64_t index);
  // An acknowledgement of `index`; returns true if it advanced the match.
  bool acknowledge(std::uint64_t index);
  // A rejection hint: the follower's log ends at `hint`; returns true if
  // `next` moved back (false for stale rejections).
  bool step_back(std::uint64_t rejected, std::uint64_t hint);
  // An append carrying entries up to `last` was sent.
  void sent(std::uint64_t last);
  bool paused(std::size_t inflight_max) const;
};

}  // namespace troupe::store::raft
