// The api actor's state and the functions its three parts share (private to
// actors/api): api_actor.cpp runs operations and the cache's feed,
// api_lists.cpp serves lists, api_watches.cpp serves watches.
#pragma once

#include <caf/all.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "actors/api/api_actor.hpp"
#include "actors/api/core/server/api_operation.hpp"
#include "actors/api/core/server/request_options.hpp"
#include "actors/api/core/server/watch_cache.hpp"
#include "actors/api/core/server/watch_filter.hpp"
#include "actors/api/core/server/write_memo.hpp"

namespace troupe::api {

// The api actor's whole interface: api_actor plus the store watch that feeds
// its cache, its own timer (tick) and a reload of the cache (flush).
using api_actor_impl = api_actor::extend<caf::reacts_to<event_atom, watch_events>,
                                         caf::reacts_to<cancel_atom, std::uint64_t, caf::error>,
                                         caf::reacts_to<tick_atom>, caf::reacts_to<flush_atom>>;

struct running_operation {
  std::unique_ptr<api_operation> operation;
  std::function<void(api_response)> done;
};

struct api_watch {
  api_watcher_actor watcher;
  const resource_info* served = nullptr;
  watch_filter filter;
  bool bookmarks = false;
  caf::actor_clock::time_point deadline;
  caf::actor_clock::time_point next_bookmark;
};

// A list or watch waiting for the cache to reach `revision`.
struct waiting_read {
  std::int64_t revision = 0;
  caf::actor_clock::time_point deadline;
  std::function<void(bool fresh)> resume;
};

struct api_state {
  api_config config;
  api_random random;
  watch_cache cache{1};
  bool ready = false;
  std::vector<std::function<void()>> pending;
  std::uint64_t next_operation = 1;
  std::map<std::uint64_t, running_operation> operations;
  std::uint64_t next_watch = 1;
  std::map<std::uint64_t, api_watch> watches;
  std::vector<waiting_read> waiting;
  std::uint64_t store_watch = 0;
  std::int64_t loaded_revision = 0;
  // This api's own writes awaiting their watch event. Objects written and
  // not yet seen in the store's watch, at most (beyond, their changes are
  // decoded like anyone else's).
  write_memo recent_writes{65'536};

  static inline const char* name = "api";
};

using api_self = api_actor_impl::stateful_pointer<api_state>;

// Runs an operation to its answer, which goes to `done`.
void run_operation(api_self self, std::unique_ptr<api_operation> operation,
                   std::function<void(api_response)> done);

// Calls `resume(true)` once the cache has reached `revision`, or
// `resume(false)` after the config's freshness_wait (at once when
// pending_max reads already wait).
void when_fresh(api_self self, std::int64_t revision, std::function<void(bool)> resume);
// Reads the store's current revision, then `use(revision)`; failures
// answer through `fail`.
void with_store_revision(api_self self, std::function<void(std::int64_t)> use,
                         std::function<void(api_response)> fail);

// api_lists.cpp
void serve_list(api_self self, const api_request& request, const resource_info& resource,
                std::function<void(api_response)> done);

// api_watches.cpp
using watch_reply = std::function<void(std::uint64_t, api_response)>;
void serve_watch(api_self self, const api_request& request, const resource_info& resource,
                 api_watcher_actor watcher, watch_reply reply);
void dispatch_events(api_self self, const std::vector<cache_event>& events);
void watch_timers(api_self self);
void end_watch(api_self self, std::uint64_t id);
void end_all_watches(api_self self);

// The served text of a cached object (converted for autoscaling/v1).
std::string cached_text(const cached_object& object, const resource_info& served,
                        std::int64_t resource_version);

}  // namespace troupe::api
