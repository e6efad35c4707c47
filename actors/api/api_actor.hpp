// The api actor: drives the api core (actors/api/core/server) against the
// consensus store. Interface: api_actor in messages/interfaces/api_actor.hpp.
//
//   - At start it lists every object under /registry/ into its watch cache
//     (paged, at one revision), watches the store from that revision on,
//     creates the namespaces kube-apiserver creates (default, kube-system,
//     kube-public, kube-node-lease) if absent, and only then serves;
//     requests arriving earlier wait (at most pending_max of them).
//   - Each call runs one api_operation (its body decoded, defaulted and
//     validated by prepare, on the api's own thread: with two cores, a hand-
//     off to helper actors cost more than it spread, bench/gateway). Its
//     store reads and transactions go through the store client; reads the
//     operation allows from the cache are answered at once. At most
//     operations_max run at a time; beyond, 429 TooManyRequests.
//   - In-process callers may pass an api_reply with a call: the response
//     goes to it directly instead of back through a requesting actor.
//   - Lists and watches are served from the watch cache (or, where kube
//     delegates to etcd, by a store list operation); a consistent list or
//     watch (no resourceVersion) first reads the store's revision and waits
//     for the cache to reach it.
//   - Watches get their events in batches; bookmarks every bookmark_interval
//     when asked for; each ends at its timeout, and all end (cancel) if the
//     cache has to re-list.
#pragma once

#include <caf/actor_system.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "actors/api/core/server/object_meta.hpp"
#include "messages/interfaces/api_actor.hpp"
#include "messages/interfaces/membership_actor.hpp"
#include "messages/interfaces/store_replica_actor.hpp"

namespace troupe::api {

struct api_config {
  store_client_actor store;
  membership_actor membership;  // to find kubelets (pod logs)
  std::string node;             // this host's name, for status
  // Wall-clock time (creationTimestamp, deletion deadlines): an input.
  std::function<api_clock::time_point()> now;
  std::uint64_t seed = 1;  // uids and generated names
  // Changes the watch cache keeps for watches that resume from a version.
  std::size_t history_max = 100'000;
  std::size_t operations_max = 16'384;
  std::size_t pending_max = 16'384;
  std::size_t watches_max = 16'384;
  // How long a consistent read waits for the cache before the store
  // answers it instead (kube's 3 s), and how long a read of a future
  // version waits before "Too large resource version".
  std::chrono::milliseconds freshness_wait{3000};
  std::chrono::milliseconds bookmark_interval{60'000};
  // A watch without timeoutSeconds ends after a random time in
  // [watch_timeout, 2 * watch_timeout) (kube's minRequestTimeout rule).
  std::chrono::seconds watch_timeout{1800};
  // Events a watch may get in one message.
  std::size_t watch_batch_max = 512;
};

api_actor spawn_api(caf::actor_system& system, api_config config);

}  // namespace troupe::api
