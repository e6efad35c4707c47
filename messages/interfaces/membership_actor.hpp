// The membership actor of a node: joins the cluster through its seeds, keeps
// the member table alive with heartbeats, and answers registry queries.
//
//   heartbeat            from a peer's membership actor (see membership.hpp)
//   tick                 its own timer: heartbeats, dials, failure detection
//   members              -> every alive member, self first
//   find kind            -> every alive member's published actors of `kind`
//   find kind node       -> that node's actor of `kind`, or membership_error::not_found
//   announce actor       a local component publishes itself -> count published
//   isolate on|off       fault injection for tests: drop all membership traffic
//   status               -> component_status
#pragma once

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "messages/atoms.hpp"
#include "messages/membership.hpp"
#include "messages/status.hpp"

namespace troupe {

using membership_actor =
    caf::typed_actor<caf::reacts_to<heartbeat_atom, heartbeat>, caf::reacts_to<tick_atom>,
                     caf::replies_to<members_atom>::with<std::vector<member_info>>,
                     caf::replies_to<find_atom, component_kind>::with<std::vector<published_actor>>,
                     caf::replies_to<find_atom, component_kind, std::string>::with<published_actor>,
                     caf::replies_to<announce_atom, published_actor>::with<std::size_t>,
                     caf::reacts_to<isolate_atom, bool>,
                     caf::replies_to<status_atom>::with<component_status>>;

// Opens connections for membership: `dial host port` answers the membership
// actor listening there (as a strong_actor_ptr whose interface was checked),
// or membership_error::unreachable / wrong_interface. The real connector uses
// CAF's middleman; tests may use an in-memory directory instead.
using connector_actor = caf::typed_actor<
    caf::replies_to<dial_atom, std::string, std::uint16_t>::with<caf::strong_actor_ptr>>;

}  // namespace troupe
