# One Raft message between store replicas (actors/store/core/raft_types.hpp,
# struct message), as shipped over the network. Fields are only ever added
# (never renumbered, retyped or removed) so that replicas of different versions
# talk to each other during a rolling upgrade.
@0x8d1fd5c66dff73b2;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("troupe::schema");

using LogEntry = import "log_entry.capnp".LogEntry;
using SnapshotMetadata = import "raft_state.capnp".SnapshotMetadata;

struct RaftMessage {
  type @0 :Type;
  from @1 :Text;        # node name of the sender; never empty
  to @2 :Text;          # node name of the receiver; never empty
  term @3 :UInt64;
  logTerm @4 :UInt64;   # append: term of `index`; votes: last log term
  index @5 :UInt64;     # append: previous index; votes: last index; responses: match
  entries @6 :List(LogEntry);   # append: consecutive, starting at index + 1
  commit @7 :UInt64;
  reject @8 :Bool;
  rejectHint @9 :UInt64;   # the follower's last index when rejecting an append
  context @10 :UInt64;     # read-index round (heartbeats)
  force @11 :Bool;         # vote for a leadership transfer: ignores leader leases
  snapshot @12 :Snapshot;  # null unless the message carries a snapshot

  enum Type {
    append @0;
    appendResponse @1;
    heartbeat @2;
    heartbeatResponse @3;
    preVote @4;
    preVoteResponse @5;
    vote @6;
    voteResponse @7;
    snapshot @8;
    timeoutNow @9;
  }
}

# A state-machine image as of metadata.index; `data` is the state machine's
# own format.
struct Snapshot {
  metadata @0 :SnapshotMetadata;
  data @1 :Data;
}
