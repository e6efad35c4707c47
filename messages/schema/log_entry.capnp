# The envelope of one replicated Raft log entry, as persisted in the store's
# LMDB log and shipped between replicas. Fields are only ever added (never
# renumbered) so that replicas of different versions read each other's logs.
@0x9e30ee1257cdf7f5;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("troupe::schema");

struct LogEntry {
  term @0 :UInt64;
  index @1 :UInt64;

  # Identifies a client request so that a retried write applies at most once.
  requestId :group {
    client @2 :UInt64;
    sequence @3 :UInt64;
  }

  payload :union {
    # A no-op a new leader appends to commit entries of earlier terms.
    empty @4 :Void;
    # An encoded state-machine command (the store's transaction format).
    command @5 :Data;
    # A single-server membership change.
    configChange @6 :ConfigChange;
  }
}

struct ConfigChange {
  kind @0 :Kind;
  replica @1 :Text;   # node name of the replica concerned

  enum Kind {
    addVoter @0;
    addLearner @1;
    removeReplica @2;
  }
}
