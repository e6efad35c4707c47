#include "actors/store/core/raft_progress.hpp"

#include <algorithm>

namespace troupe::store::raft {

void progress::become_probe() {
  // After a snapshot, resume right after it; otherwise after the match.
  next = std::max(match + 1, pending_snapshot + 1);
  state = mode::probe;
  probe_sent = false;
  pending_snapshot = 0;
  inflight.clear();
}

void progress::become_replicate() {
  next = match + 1;
  state = mode::replicate;
  probe_sent = false;
  pending_snapshot = 0;
  inflight.clear();
}

void progress::become_snapshot(std::uint64_t index) {
  state = mode::snapshot;
  pending_snapshot = index;
  snapshot_ticks = 0;
  probe_sent = false;
  inflight.clear();
}

bool progress::acknowledge(std::uint64_t index) {
  bool advanced = index > match;
  if (advanced) {
    match = index;
    probe_sent = false;
  }
  next = std::max(next, index + 1);
  while (!inflight.empty() && inflight.front() <= index) inflight.pop_front();
  return advanced;
}

bool progress::step_back(std::uint64_t rejected, std::uint64_t hint) {
  if (state == mode::replicate) {
    // Pipelined appends: only a rejection of what we believe is the match
    // window is fresh; roll back to right after the match.
    if (rejected <= match) return false;
    next = match + 1;
    return true;
  }
  if (next == 0 || next - 1 != rejected) return false;  // stale: not the latest probe
  next = std::max<std::uint64_t>(1, std::min(rejected, hint + 1));
  probe_sent = false;
  return true;
}

void progress::sent(std::uint64_t last) {
  if (state == mode::replicate) {
    if (last >= next) {
      next = last + 1;
      inflight.push_back(last);
    }
  } else if (state == mode::probe) {
    probe_sent = true;
  }
}

bool progress::paused(std::size_t inflight_max) const {
  switch (state) {
    case mode::probe:
      return probe_sent;
    case mode::replicate:
      return inflight.size() >= inflight_max;
    case mode::snapshot:
      return true;
  }
  return true;
}

}  // namespace troupe::store::raft
