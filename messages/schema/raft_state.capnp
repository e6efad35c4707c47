# The durable state of one Raft replica besides its log entries, as kept in
# the `meta` database of its LMDB environment (storage/lmdb_log_store.hpp).
# Fields are only ever added (never renumbered, retyped or removed), so that a
# newer Troupe reads an older data directory; a change older builds must not
# read bumps StoreHeader.formatVersion instead.
@0xaa288058e8f2369a;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("troupe::schema");

# Written once when the data directory is created; checked on every open.
struct StoreHeader {
  formatVersion @0 :UInt32;
  cluster @1 :Text;   # the cluster the directory belongs to
  replica @2 :Text;   # the replica (node name) that owns it
}

# Raft's currentTerm and votedFor, plus the commit index.
struct HardState {
  term @0 :UInt64;
  vote @1 :Text;      # empty: no vote in `term`
  commit @2 :UInt64;
}

# Voters and learners are disjoint sets of replica names.
struct Configuration {
  voters @0 :List(Text);
  learners @1 :List(Text);
}

# The latest snapshot; its image (opaque bytes) is in the `snapshot` database.
struct SnapshotMetadata {
  index @0 :UInt64;
  term @1 :UInt64;
  config @2 :Configuration;   # the configuration as of `index`
}
