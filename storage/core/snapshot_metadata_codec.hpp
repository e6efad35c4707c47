// Snapshot metadata (index, term, configuration) in the Cap'n Proto struct of
// messages/schema/raft_state.capnp, shared by the LMDB meta records and the
// Raft wire format.
#pragma once

#include <string>
#include <variant>

#include "messages/schema/raft_state.capnp.h"
#include "storage/core/capnp_decode.hpp"
#include "storage/core/raft_durable_state.hpp"

namespace troupe::storage {

void write_snapshot_metadata(schema::SnapshotMetadata::Builder builder,
                             const snapshot_metadata& metadata);

// Refuses a configuration naming a replica as both voter and learner; the
// error reads "<config_path>: <name> is both voter and learner".
std::variant<snapshot_metadata, decode_error> read_snapshot_metadata(
    schema::SnapshotMetadata::Reader reader, const std::string& config_path);

}  // namespace troupe::storage
