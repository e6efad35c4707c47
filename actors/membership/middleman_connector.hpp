// A connector that dials peers over the network through `network` (CAF's
// middleman, or its OpenSSL manager for mutual TLS) and checks that the actor
// published there speaks membership_actor's interface.
#pragma once

#include <caf/actor_system.hpp>
#include <caf/io/middleman_actor.hpp>

#include "messages/interfaces/membership_actor.hpp"

namespace troupe::membership {

connector_actor spawn_middleman_connector(caf::actor_system& system,
                                          caf::io::middleman_actor network);

}  // namespace troupe::membership
