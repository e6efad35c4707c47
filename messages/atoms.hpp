// Every atom Troupe's interfaces use. CAF 0.17 atoms are at most 10 characters.
#pragma once

#include <caf/atom.hpp>

namespace troupe {

// membership
using heartbeat_atom = caf::atom_constant<caf::atom("heartbeat")>;
using tick_atom = caf::atom_constant<caf::atom("tick")>;
using members_atom = caf::atom_constant<caf::atom("members")>;
using find_atom = caf::atom_constant<caf::atom("find")>;
using announce_atom = caf::atom_constant<caf::atom("announce")>;
using isolate_atom = caf::atom_constant<caf::atom("isolate")>;
using dial_atom = caf::atom_constant<caf::atom("dial")>;

// every component
using status_atom = caf::atom_constant<caf::atom("status")>;
using event_atom = caf::atom_constant<caf::atom("event")>;

// store
using range_atom = caf::atom_constant<caf::atom("range")>;
using txn_atom = caf::atom_constant<caf::atom("txn")>;
using watch_atom = caf::atom_constant<caf::atom("watch")>;
using cancel_atom = caf::atom_constant<caf::atom("cancel")>;
using compact_atom = caf::atom_constant<caf::atom("compact")>;
using raft_atom = caf::atom_constant<caf::atom("raft")>;
using flush_atom = caf::atom_constant<caf::atom("flush")>;
using change_atom = caf::atom_constant<caf::atom("change")>;

// api, kubelet
using call_atom = caf::atom_constant<caf::atom("call")>;
using logs_atom = caf::atom_constant<caf::atom("logs")>;
using sync_atom = caf::atom_constant<caf::atom("sync")>;

}  // namespace troupe
