// Registers every message type and error category Troupe sends with an actor
// system config. Call it on every config before creating the actor system:
// CAF silently drops messages of unregistered types on the wire (STACK.md).
#pragma once

#include <caf/actor_system_config.hpp>

namespace troupe {

void register_message_types(caf::actor_system_config& config);

}  // namespace troupe
