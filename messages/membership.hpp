// Messages of the membership protocol and registry.
//
// Every node's membership actor sends a `heartbeat` to every member it knows,
// each `heartbeat_interval`. A heartbeat carries the sender's own record with
// the actors it publishes (CAF handles, location transparent) and a digest of
// the members the sender currently sees alive, from which receivers learn
// whom else to dial. Only a heartbeat received directly from a node proves it
// alive: digests never do, so a dead node cannot be kept alive by gossip.
#pragma once

#include <caf/actor_control_block.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "messages/core/component_kind.hpp"
#include "messages/core/member_summary.hpp"
#include "messages/core/membership_limits.hpp"

namespace troupe {

struct published_actor {
  component_kind kind = component_kind::membership;
  std::string name;  // distinguishes several actors of one kind on a node
  std::string node;  // filled in by the registry: the node that publishes it
  caf::strong_actor_ptr handle;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, published_actor& x) {
  return f(x.kind, x.name, x.node, x.handle);
}

struct heartbeat {
  member_summary sender;
  std::vector<published_actor> actors;  // at most published_actors_max
  std::vector<member_summary> digest;   // at most members_max
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, heartbeat& x) {
  return f(x.sender, x.actors, x.digest);
}

// One row of the registry's answer to `members`.
struct member_info {
  member_summary summary;
  bool self = false;
  // Milliseconds since the last heartbeat from this node (0 for self).
  std::int64_t last_heard_ms_ago = 0;
  std::vector<std::string> published;  // "kind" or "kind/name"
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, member_info& x) {
  return f(x.summary, x.self, x.last_heard_ms_ago, x.published);
}

}  // namespace troupe
