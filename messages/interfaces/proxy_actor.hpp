// The proxy of one node (the proxy issue): turns Services and EndpointSlices
// into nftables rules.
//
//   event e              a watch event for services or endpoint slices
//   status               -> component_status
#pragma once

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/atoms.hpp"
#include "messages/core/api.hpp"
#include "messages/status.hpp"

namespace troupe {

using proxy_actor = caf::typed_actor<caf::reacts_to<event_atom, api_watch_event>,
                                     caf::replies_to<status_atom>::with<component_status>>;

}  // namespace troupe
