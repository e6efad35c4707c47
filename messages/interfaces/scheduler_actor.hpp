// The scheduler (the scheduler issue): watches unscheduled pods and nodes
// through the api actor, filters and scores nodes, binds pods.
//
//   event e              a watch event from the api actor
//   status               -> component_status
#pragma once

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/atoms.hpp"
#include "messages/core/api.hpp"
#include "messages/status.hpp"

namespace troupe {

using scheduler_actor = caf::typed_actor<caf::reacts_to<event_atom, api_watch_event>,
                                         caf::replies_to<status_atom>::with<component_status>>;

}  // namespace troupe
