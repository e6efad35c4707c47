// How a replica writes one `ready` batch of the Raft core, given the hard
// state it last wrote. Pure: the replica actor carries the plan out.
//
//   - `early`: messages that may leave before the durable write. A leader's
//     appends and heartbeats depend on nothing the batch persists when its
//     term and vote are unchanged (they are durable already), so they go out
//     before the fsync, as in etcd: the leader counts its own copy only after
//     advance(). Every other message waits for the write (persist before
//     send) and stays in the batch.
//   - `write`: false when the batch changes nothing but the commit index. That
//     change is not written (etcd's WAL does not sync it either): a restart
//     re-learns the commit index from the leader, and a snapshot implies its own.
#pragma once

#include <vector>

#include "actors/store/core/raft_types.hpp"

namespace troupe::store {

struct write_plan {
  std::vector<raft::message> early;
  bool write = true;
};

// Moves the early messages out of batch.messages.
write_plan plan_write(raft::ready& batch, const storage::hard_state& last_written);

}  // namespace troupe::store
