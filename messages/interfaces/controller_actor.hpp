// A controller (the controllers issue): ReplicaSet, Deployment, garbage
// collector, ... one actor each, published under its name. Watch events only
// enqueue keys; reconcile runs from a de-duplicating, rate-limited queue.
//
//   event e              a watch event from the api actor
//   sync                 reconcile every key now (resync)
//   status               -> component_status
#pragma once

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/atoms.hpp"
#include "messages/core/api.hpp"
#include "messages/status.hpp"

namespace troupe {

using controller_actor =
    caf::typed_actor<caf::reacts_to<event_atom, api_watch_event>, caf::reacts_to<sync_atom>,
                     caf::replies_to<status_atom>::with<component_status>>;

}  // namespace troupe
