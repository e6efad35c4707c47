// The kubelet of one node (the kubelet issue): registers the Node, renews its
// Lease, runs bound pods through a container runtime, reports status.
//
//   event e              a watch event for pods bound to this node
//   logs request         -> a chunk of a container's log (api_response, text/plain)
//   status               -> component_status
#pragma once

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/atoms.hpp"
#include "messages/core/api.hpp"
#include "messages/status.hpp"

namespace troupe {

using kubelet_actor = caf::typed_actor<caf::reacts_to<event_atom, api_watch_event>,
                                       caf::replies_to<logs_atom, api_request>::with<api_response>,
                                       caf::replies_to<status_atom>::with<component_status>>;

}  // namespace troupe
