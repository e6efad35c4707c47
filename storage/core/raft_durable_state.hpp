// What a Raft replica keeps durably besides its log: the hard state, the
// configuration and snapshots. Plain data shared by the Raft core
// (actors/store/core) and the log stores that persist it (storage/).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace troupe::storage {

// Who votes and who only follows the log. Voters and learners are disjoint.
struct configuration {
  std::set<std::string> voters;
  std::set<std::string> learners;
  bool contains(const std::string& id) const { return voters.count(id) || learners.count(id); }
  friend bool operator==(const configuration&, const configuration&) = default;
};

struct snapshot_metadata {
  std::uint64_t index = 0;
  std::uint64_t term = 0;
  configuration config;  // the configuration as of `index`
  friend bool operator==(const snapshot_metadata&, const snapshot_metadata&) = default;
};

struct snapshot {
  snapshot_metadata metadata;
  std::vector<std::uint8_t> data;  // the state machine's own format
};

// What a replica must persist before it sends messages (Raft's "currentTerm,
// votedFor" plus the commit index, as etcd-raft does).
struct hard_state {
  std::uint64_t term = 0;
  std::string vote;  // empty: no vote in `term`
  std::uint64_t commit = 0;
  friend bool operator==(const hard_state&, const hard_state&) = default;
};

}  // namespace troupe::storage
