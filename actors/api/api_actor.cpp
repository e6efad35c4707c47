#include "actors/api/api_actor.hpp"

#include <utility>

#include "actors/api/api_actor_state.hpp"
#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"
#include "actors/api/core/server/stored_object.hpp"
#include "messages/errors.hpp"
#include "messages/interfaces/kubelet_actor.hpp"

namespace troupe::api {

namespace {

// Store requests carry no timeout of their own: the store client ends each
// one within its configured timeout (and a CAF timeout per request costs a
// clock-thread round trip on the hot path). A client that goes away fails
// its requests at once (request_receiver_down).
constexpr auto store_request_timeout = caf::infinite;
// The snapshot the cache loads at start is read in pages of this size.
constexpr std::int64_t snapshot_page_size = 5'000;
// The timer that ends watches, sends bookmarks and expires waits.
constexpr auto tick_interval = std::chrono::milliseconds(100);

// The namespaces kube-apiserver creates at start.
const std::vector<std::string> system_namespaces{"default", "kube-system", "kube-public",
                                                 "kube-node-lease"};

store_error error_code_of(const caf::error& error) {
  return store_error_of(error).value_or(store_error::timeout);
}

operation_context context_of(api_self self) {
  return operation_context{self->state.config.now(), self->state.random};
}

void step(api_self self, std::uint64_t id, operation_step next);

void continue_with(api_self self, std::uint64_t id,
                   const std::function<operation_step(api_operation&, operation_context&)>& call) {
  auto found = self->state.operations.find(id);
  if (found == self->state.operations.end()) return;
  auto context = context_of(self);
  step(self, id, call(*found->second.operation, context));
}

void store_failed(api_self self, std::uint64_t id, const caf::error& error) {
  auto code = error_code_of(error);
  auto detail = error_detail(error);
  continue_with(self, id, [&](api_operation& operation, operation_context& context) {
    return operation.on_store_error(code, detail, context);
  });
}

void read_from_store(api_self self, std::uint64_t id, std::vector<std::string> keys) {
  auto values = std::make_shared<std::vector<std::optional<key_value>>>(keys.size());
  auto remaining = std::make_shared<std::size_t>(keys.size());
  auto failed = std::make_shared<bool>(false);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    self->request(self->state.config.store, store_request_timeout, range_atom::value,
                  range_request{keys[i], "", 0, 0, false})
        .then(
            [=](const range_response& response) {
              if (!response.kvs.empty()) (*values)[i] = response.kvs.front();
              if (--*remaining > 0 || *failed) return;
              continue_with(self, id, [&](api_operation& operation, operation_context& context) {
                return operation.on_keys(*values, false, context);
              });
            },
            [=](const caf::error& error) {
              if (*failed) return;
              *failed = true;
              store_failed(self, id, error);
            });
  }
}

void start_logs(api_self self, std::uint64_t id, stream_logs logs) {
  self->request(self->state.config.membership, std::chrono::seconds(5), find_atom::value,
                component_kind::kubelet, logs.node)
      .then(
          [=](const published_actor& found) {
            auto kubelet = caf::actor_cast<kubelet_actor>(found.handle);
            self->request(kubelet, std::chrono::seconds(30), logs_atom::value, logs.request)
                .then([=](const api_response& response) { step(self, id, answer{response}); },
                      [=](const caf::error& error) {
                        step(self, id,
                             answer{failure_response({service_unavailable(
                                 "the kubelet of node " + logs.node +
                                 " did not answer: " + self->system().render(error))})});
                      });
          },
          [=](const caf::error&) {
            step(self, id,
                 answer{failure_response(
                     {service_unavailable("no kubelet serves node \"" + logs.node +
                                          "\"; pod logs come from the node's kubelet")})});
          });
}

// Carries out `next` and what follows it, until the operation waits for the
// store or answers. A loop, so cache reads never nest.
void step(api_self self, std::uint64_t id, operation_step next) {
  auto& state = self->state;
  while (true) {
    auto found = state.operations.find(id);
    if (found == state.operations.end()) return;
    if (auto* done = std::get_if<answer>(&next)) {
      auto callback = std::move(found->second.done);
      state.operations.erase(found);
      callback(std::move(done->response));
      return;
    }
    if (auto* keys = std::get_if<read_keys>(&next)) {
      if (!keys->from_cache) return read_from_store(self, id, std::move(keys->keys));
      std::vector<cached_pointer> objects;
      objects.reserve(keys->keys.size());
      for (const auto& key : keys->keys) objects.push_back(state.cache.get(key));
      auto context = context_of(self);
      next = found->second.operation->on_cached(objects, context);
      continue;
    }
    if (auto* range = std::get_if<read_range>(&next)) {
      self->request(state.config.store, store_request_timeout, range_atom::value, range->range)
          .then(
              [=](const range_response& response) {
                continue_with(self, id, [&](api_operation& operation, operation_context& context) {
                  return operation.on_range(response, context);
                });
              },
              [=](const caf::error& error) { store_failed(self, id, error); });
      return;
    }
    if (auto* txn = std::get_if<write>(&next)) {
      auto written = std::move(txn->written);
      state.recent_writes.expect(written);
      self->request(state.config.store, store_request_timeout, txn_atom::value, txn->txn)
          .then(
              [=](const txn_response& response) {
                auto revision =
                    response.succeeded ? std::optional(response.revision) : std::nullopt;
                self->state.recent_writes.answered(written, revision, self->state.cache.revision());
                continue_with(self, id, [&](api_operation& operation, operation_context& context) {
                  return operation.on_write(response, context);
                });
              },
              [=](const caf::error& error) {
                self->state.recent_writes.answered(written, std::nullopt, 0);
                store_failed(self, id, error);
              });
      return;
    }
    return start_logs(self, id, std::get<stream_logs>(std::move(next)));
  }
}

const resource_info* resource_of(const api_request& request) {
  return find_resource(request.group, request.version, request.resource);
}

api_response unknown_resource(const api_request& request) {
  return failure_response({not_found(resource_name{request.group, request.resource, "", ""})});
}

void serve_call(api_self self, const api_request& request, std::function<void(api_response)> done) {
  const auto* resource = resource_of(request);
  if (!resource) return done(unknown_resource(request));
  if (request.verb == "list") return serve_list(self, request, *resource, std::move(done));
  run_operation(self, make_operation(request, *resource), std::move(done));
}

// Serves a call now, or once the cache is loaded (at most pending_max wait).
void accept_call(api_self self, api_request request, std::function<void(api_response)> done) {
  auto& state = self->state;
  if (state.ready) return serve_call(self, request, std::move(done));
  if (state.pending.size() >= state.config.pending_max)
    return done(failure_response({too_many_requests(1)}));
  state.pending.push_back(
      [=, request = std::move(request)]() mutable { serve_call(self, request, std::move(done)); });
}

void become_ready(api_self self) {
  auto& state = self->state;
  state.ready = true;
  auto pending = std::move(state.pending);
  for (auto& resume : pending) resume();
}

void create_system_namespaces(api_self self) {
  auto remaining = std::make_shared<std::size_t>(system_namespaces.size());
  const auto* namespaces = find_resource("", "v1", "namespaces");
  for (const auto& name : system_namespaces) {
    if (self->state.cache.get(namespace_key(name))) {
      if (--*remaining == 0) become_ready(self);
      continue;
    }
    api_request request;
    request.verb = "create";
    request.version = "v1";
    request.resource = "namespaces";
    request.content_type = "application/json";
    request.body =
        nlohmann::json{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}}
            .dump();
    run_operation(self, make_operation(request, *namespaces), [=](api_response) {
      if (--*remaining == 0) become_ready(self);
    });
  }
}

void load_snapshot(api_self self, std::shared_ptr<std::vector<key_value>> loaded, std::string from,
                   std::int64_t revision);

void watch_store(api_self self) {
  auto& state = self->state;
  auto prefix = std::string(registry_prefix);
  watch_request request{prefix, prefix_range_end(prefix), state.loaded_revision + 1};
  self->request(state.config.store, caf::infinite, watch_atom::value, request,
                caf::actor_cast<store_watcher_actor>(self))
      .then([=](std::uint64_t id) { self->state.store_watch = id; },
            [=](const caf::error&) {
              // The store client retries watches itself; a refusal here
              // means its bound was hit: start over after a pause.
              self->state.store_watch = 0;
              self->delayed_send(self, std::chrono::seconds(1), flush_atom::value);
            });
}

// Reads every object under /registry/ in pages at one revision (the first
// page's), then resets the cache and starts the store watch after it.
void load_snapshot(api_self self, std::shared_ptr<std::vector<key_value>> loaded, std::string from,
                   std::int64_t revision) {
  auto end = prefix_range_end(registry_prefix);
  self->request(self->state.config.store, store_request_timeout, range_atom::value,
                range_request{from, end, revision, snapshot_page_size, false})
      .then(
          [=](range_response& response) {
            for (auto& kv : response.kvs) loaded->push_back(std::move(kv));
            if (response.more && !loaded->empty())
              return load_snapshot(self, loaded, loaded->back().key + '\0', response.revision);
            auto& state = self->state;
            state.cache.reset(*loaded, response.revision);
            state.loaded_revision = response.revision;
            watch_store(self);
            if (!state.ready) create_system_namespaces(self);
          },
          [=](const caf::error&) {
            // No store yet (no leader, or compacted under a paged read):
            // try again from the start shortly.
            self->delayed_send(self, std::chrono::milliseconds(200), flush_atom::value);
          });
}

// The store watch ended (the cache fell behind the store's compaction):
// every watch ends and the cache loads a new snapshot.
void reload(api_self self) {
  end_all_watches(self);
  self->state.recent_writes.clear();
  if (self->state.store_watch != 0)
    self->send(self->state.config.store, cancel_atom::value, self->state.store_watch);
  self->state.store_watch = 0;
  load_snapshot(self, std::make_shared<std::vector<key_value>>(), std::string(registry_prefix), 0);
}

void expire_waits(api_self self) {
  auto& state = self->state;
  auto now = self->clock().now();
  auto waiting = std::move(state.waiting);
  for (auto& read : waiting) {
    if (read.deadline <= now)
      read.resume(false);
    else
      state.waiting.push_back(std::move(read));
  }
}

}  // namespace

void run_operation(api_self self, std::unique_ptr<api_operation> operation,
                   std::function<void(api_response)> done) {
  auto& state = self->state;
  if (state.operations.size() >= state.config.operations_max)
    return done(failure_response({too_many_requests(1)}));
  auto id = state.next_operation++;
  state.operations.emplace(id, running_operation{std::move(operation), std::move(done)});
  continue_with(self, id, [](api_operation& operation, operation_context& context) {
    operation.prepare(context);
    return operation.start(context);
  });
}

void when_fresh(api_self self, std::int64_t revision, std::function<void(bool)> resume) {
  auto& state = self->state;
  if (state.cache.revision() >= revision) return resume(true);
  // Bounded: beyond, a read is treated as if its wait ran out (a consistent
  // list then goes to the store, bounded by operations_max).
  if (state.waiting.size() >= state.config.pending_max) return resume(false);
  state.waiting.push_back(
      {revision, self->clock().now() + state.config.freshness_wait, std::move(resume)});
}

void with_store_revision(api_self self, std::function<void(std::int64_t)> use,
                         std::function<void(api_response)> fail) {
  // A linearizable read of a key no object has: its answer carries the
  // store's current revision.
  self->request(self->state.config.store, store_request_timeout, range_atom::value,
                range_request{std::string(registry_prefix), "", 0, 1, false})
      .then([=](const range_response& response) { use(response.revision); },
            [=](const caf::error& error) {
              fail(failure_response(store_failure(error_code_of(error), error_detail(error))));
            });
}

api_actor spawn_api(caf::actor_system& system, api_config config) {
  auto behavior = [](api_self self, api_config config) -> api_actor_impl::behavior_type {
    self->state.config = std::move(config);
    self->state.random.seed(self->state.config.seed);
    self->state.cache = watch_cache(self->state.config.history_max);
    load_snapshot(self, std::make_shared<std::vector<key_value>>(), std::string(registry_prefix),
                  0);
    self->delayed_send(self, tick_interval, tick_atom::value);
    // A watcher that goes away (its HTTP client left) ends its watches.
    self->set_down_handler([=](caf::down_msg& down) {
      std::vector<std::uint64_t> gone;
      for (const auto& [id, watch] : self->state.watches)
        if (watch.watcher.address() == down.source) gone.push_back(id);
      for (auto id : gone) self->state.watches.erase(id);
    });
    return {
        [=](call_atom, api_request& request) -> caf::result<api_response> {
          auto promise = self->make_response_promise<api_response>();
          accept_call(self, std::move(request), [promise](api_response response) mutable {
            promise.deliver(std::move(response));
          });
          return promise;
        },
        [=](call_atom, api_request& request, const api_reply& reply) {
          accept_call(self, std::move(request),
                      [reply](api_response response) { reply->deliver(std::move(response)); });
        },
        [=](watch_atom, api_request& request,
            api_watcher_actor& watcher) -> caf::result<std::uint64_t, api_response> {
          auto promise = self->make_response_promise<std::uint64_t, api_response>();
          auto run = [=, request = std::move(request)]() mutable {
            const auto* resource = resource_of(request);
            if (!resource) {
              promise.deliver(std::uint64_t{0}, unknown_resource(request));
              return;
            }
            serve_watch(self, request, *resource, watcher,
                        [promise](std::uint64_t id, api_response response) mutable {
                          promise.deliver(id, std::move(response));
                        });
          };
          auto& state = self->state;
          if (state.ready) {
            run();
          } else if (state.pending.size() < state.config.pending_max) {
            state.pending.push_back(std::move(run));
          } else {
            promise.deliver(std::uint64_t{0}, failure_response({too_many_requests(1)}));
          }
          return promise;
        },
        [=](cancel_atom, std::uint64_t id) { end_watch(self, id); },
        [=](status_atom) {
          auto& state = self->state;
          return component_status{component_kind::api, state.config.node, state.ready,
                                  "cache at revision " + std::to_string(state.cache.revision()) +
                                      ", " + std::to_string(state.cache.size()) + " objects, " +
                                      std::to_string(state.watches.size()) + " watches, " +
                                      std::to_string(state.operations.size()) +
                                      " requests in progress"};
        },
        [=](event_atom, const watch_events& batch) {
          auto& state = self->state;
          if (batch.watch_id != state.store_watch) return;
          auto events = state.cache.apply(batch, [self](const key_value& change) {
            return self->state.recent_writes.match(change);
          });
          dispatch_events(self, events);
          auto waiting = std::move(state.waiting);
          for (auto& read : waiting) {
            if (state.cache.revision() >= read.revision)
              read.resume(true);
            else
              state.waiting.push_back(std::move(read));
          }
        },
        [=](cancel_atom, std::uint64_t id, const caf::error&) {
          if (id == self->state.store_watch) reload(self);
        },
        [=](flush_atom) { reload(self); },
        [=](tick_atom) {
          watch_timers(self);
          expire_waits(self);
          self->delayed_send(self, tick_interval, tick_atom::value);
        },
    };
  };
  return caf::actor_cast<api_actor>(system.spawn(behavior, std::move(config)));
}

}  // namespace troupe::api
