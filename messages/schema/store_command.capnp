# A state-machine command of the consensus store: one transaction (or a
# compaction), as carried
# in the `command` payload bytes of a Raft log entry (log_entry.capnp) and so
# persisted in every replica's log. Fields and enumerants are only ever added
# (never renumbered, reordered or removed) so that replicas of different
# versions read each other's logs; a reader refuses an enumerant it does not
# know instead of guessing its meaning.
@0xbef0e265d7fa7435;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("troupe::schema");

# If every compare holds, apply `success`, else `failure`, atomically.
struct TxnRequest {
  compares @0 :List(Compare);
  success @1 :List(Operation);
  failure @2 :List(Operation);

  # Identifies the client request so that a retried write applies at most once.
  client @3 :UInt64;
  sequence @4 :UInt64;

  # Above 0: the command instead compacts the store to this revision (every
  # replica at the same log position); compares and branches are then empty.
  compactRevision @5 :Int64;
}

# The `target` field of `key` compared with `value` by `relation`.
struct Compare {
  key @0 :Data;
  target @1 :Target;
  relation @2 :Relation;
  value @3 :Int64;

  enum Target {
    modRevision @0;
    createRevision @1;
    version @2;
    exists @3;
  }

  enum Relation {
    equal @0;
    notEqual @1;
    less @2;
    greater @3;
  }
}

# One write or read of a transaction branch: `key`, or [key, rangeEnd) when
# rangeEnd is set; `value` only for a put.
struct Operation {
  kind @0 :Kind;
  key @1 :Data;
  rangeEnd @2 :Data;
  value @3 :Data;

  enum Kind {
    put @0;
    remove @1;
    range @2;
  }
}
