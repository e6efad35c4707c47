// Bounds of everything membership exchanges (TigerBeetle style: a limit on
// everything). Plain constants, usable by pure cores.
#pragma once

#include <cstddef>

namespace troupe {

// A node publishes at most this many actors (membership, store replica, api,
// scheduler, a dozen controllers, kubelet, proxy: well below).
constexpr std::size_t published_actors_max = 64;
// A published actor's name (e.g. a controller's) is at most this long.
constexpr std::size_t published_name_bytes_max = 63;
// The cluster holds at most this many nodes; a digest lists at most this many.
// Heartbeats are all-to-all, so this also bounds per-interval traffic.
constexpr std::size_t members_max = 1024;

}  // namespace troupe
