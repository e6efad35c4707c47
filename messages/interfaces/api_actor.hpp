// The api actor (the API server issue): the one path for every read and write.
// Decodes, defaults, validates, admits and stores; lists and watches from its
// watch cache.
//
//   call request         -> api_response (errors as a Kubernetes Status body)
//   watch request w      -> watch id; `w` receives api_watch_event in order
//   cancel id            ends a watch
//   status               -> component_status
#pragma once

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include <cstdint>

#include "messages/api.hpp"
#include "messages/atoms.hpp"
#include "messages/status.hpp"

namespace troupe {

using api_watcher_actor = caf::typed_actor<caf::reacts_to<event_atom, api_watch_event>>;

using api_actor = caf::typed_actor<
    caf::replies_to<call_atom, api_request>::with<api_response>,
    caf::replies_to<watch_atom, api_request, api_watcher_actor>::with<std::uint64_t>,
    caf::reacts_to<cancel_atom, std::uint64_t>,
    caf::replies_to<status_atom>::with<component_status>>;

}  // namespace troupe
