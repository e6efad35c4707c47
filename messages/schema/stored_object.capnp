# An API object as the api server keeps it in the consensus store (the value
# of its key under /registry/). Fields are only ever added, never renumbered.
@0xc7a56dc7f1a1dcac;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("troupe::schema");

struct StoredObject {
  # The object as JSON text, without metadata.resourceVersion: the store's
  # mod_revision of the key is the resource version, known only once written.
  json @0 :Text;
  # Byte offset in `json` just after the '{' that opens the top-level
  # metadata object, where `"resourceVersion":"N"` is inserted on reads, so
  # serving a stored object needs no JSON parsing.
  resourceVersionOffset @1 :UInt32;
}
