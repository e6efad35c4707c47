// Spawns a node's membership actor: the thin CAF shell around
// core/membership_table.hpp. It keeps the links (actor handles) to peers,
// sends heartbeats, dials through a connector and answers registry queries.
// Interface and message semantics: messages/interfaces/membership_actor.hpp.
#pragma once

#include <caf/actor_system.hpp>

#include <functional>
#include <string>
#include <vector>

#include "actors/membership/core/membership_settings.hpp"
#include "messages/interfaces/membership_actor.hpp"
#include "net/core/endpoint.hpp"

namespace troupe::membership {

// Receives one human-readable line per membership event ("worker-1 joined
// (127.0.0.1:7452, roles worker)"). Called on the actor's thread: keep it short.
using event_sink = std::function<void(const std::string&)>;

struct membership_config {
  member_summary self;
  std::vector<net::endpoint> seeds;
  membership_settings settings;
  connector_actor connector;
  event_sink on_event;
};

membership_actor spawn_membership(caf::actor_system& system, membership_config config);

}  // namespace troupe::membership
