// The api actor (the API server issue): the one path for every read and
// write. Decodes, defaults, validates, admits and stores; lists and watches
// from its watch cache.
//
//   call request         -> api_response (errors as a Kubernetes Status body)
//   call request reply   the same, delivered to `reply` instead of as a
//                        response (in-process callers only, see api_reply)
//   watch request w      -> (id, response): id > 0 and `w` receives the
//                           watch's events in order; id 0 when the watch is
//                           refused, with the failure as `response`
//   cancel id            ends a watch
//   status               -> component_status (ready once the watch cache is
//                           loaded)
#pragma once

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include <cstdint>
#include <memory>
#include <vector>

#include "messages/atoms.hpp"
#include "messages/core/api.hpp"
#include "messages/status.hpp"

namespace troupe {

// Receives one watch's events, in batches and in order; `cancel id` says the
// watch has ended (its timeout, a re-list of the watch cache, shutdown).
using api_watcher_actor =
    caf::typed_actor<caf::reacts_to<event_atom, std::uint64_t, std::vector<api_watch_event>>,
                     caf::reacts_to<cancel_atom, std::uint64_t>>;

// Where an in-process caller (the gateway) has the api deliver a call's
// response: called once, on the api's thread, which saves the hops of a
// requesting actor in between. A sink destroyed without a response (the
// api was gone and its message dropped) must answer for itself. Local
// only: it cannot cross the network.
class api_reply_sink {
 public:
  virtual ~api_reply_sink() = default;
  virtual void deliver(api_response response) = 0;
};
using api_reply = std::shared_ptr<api_reply_sink>;

using api_actor = caf::typed_actor<
    caf::replies_to<call_atom, api_request>::with<api_response>,
    caf::reacts_to<call_atom, api_request, api_reply>,
    caf::replies_to<watch_atom, api_request, api_watcher_actor>::with<std::uint64_t, api_response>,
    caf::reacts_to<cancel_atom, std::uint64_t>,
    caf::replies_to<status_atom>::with<component_status>>;

}  // namespace troupe

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(troupe::api_reply)
