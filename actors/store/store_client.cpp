#include "actors/store/store_client.hpp"

#include <caf/all.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "messages/errors.hpp"

namespace troupe::store {

namespace {

// The client also receives watch events from replicas and its own retries.
using client_actor =
    store_client_actor::extend<caf::reacts_to<event_atom, watch_events>,
                               caf::reacts_to<cancel_atom, std::uint64_t, caf::error>,
                               caf::reacts_to<tick_atom, std::uint64_t>>;

constexpr std::size_t watches_max = 16 * 1024;

// One request in progress, across its attempts.
template <class T>
struct call {
  caf::actor_clock::time_point deadline;
  std::function<void(caf::expected<T>)> done;
  std::string last_error = "no store replica answered";
};

struct client_watch {
  watch_request request;  // start_revision: where the next attach starts
  store_watcher_actor watcher;
  store_replica_actor replica;  // null while detached
  std::uint64_t replica_watch = 0;
  bool announced = false;  // the watch id went to the requester
  std::function<void(caf::expected<std::uint64_t>)> started;
};

struct client_state {
  client_config config;
  std::map<std::string, store_replica_actor> replicas;
  std::string leader;
  std::size_t rotation = 0;
  bool refreshing = false;
  std::size_t in_progress = 0;
  std::uint64_t next_sequence = 1;
  std::uint64_t next_retry = 1;
  std::map<std::uint64_t, std::function<void()>> retries;
  std::uint64_t next_watch = 1;
  std::map<std::uint64_t, client_watch> watches;
};

using self_pointer = client_actor::stateful_pointer<client_state>;

bool permanent(store_error error) {
  switch (error) {
    case store_error::malformed_request:
    case store_error::value_too_large:
    case store_error::compacted:
    case store_error::future_revision:
    case store_error::bad_data_dir:
      return true;
    default:
      return false;
  }
}

void refresh(self_pointer self) {
  auto& state = self->state;
  if (state.refreshing) return;
  state.refreshing = true;
  self->request(state.config.membership, std::chrono::seconds(2), find_atom::value,
                component_kind::store_replica)
      .then(
          [=](const std::vector<published_actor>& found) {
            auto& state = self->state;
            state.refreshing = false;
            state.replicas.clear();
            for (const auto& actor : found) {
              auto replica = caf::actor_cast<store_replica_actor>(actor.handle);
              if (!replica) continue;
              state.replicas[actor.name] = replica;
              self->monitor(replica);
            }
          },
          [=](const caf::error&) { self->state.refreshing = false; });
}

// The leader if known, else the next replica in turn.
std::optional<std::pair<std::string, store_replica_actor>> pick(self_pointer self) {
  auto& state = self->state;
  if (state.replicas.empty()) return std::nullopt;
  auto leader = state.replicas.find(state.leader);
  if (leader != state.replicas.end()) return *leader;
  auto it = state.replicas.begin();
  std::advance(it, static_cast<long>(state.rotation++ % state.replicas.size()));
  return *it;
}

void later(self_pointer self, std::function<void()> retry) {
  auto id = self->state.next_retry++;
  self->state.retries.emplace(id, std::move(retry));
  self->delayed_send(self, self->state.config.retry_delay, tick_atom::value, id);
}

// Where to go after a failed attempt at `target`: the hinted leader at once,
// or, with no leader known, another replica after a pause.
void on_failure(self_pointer self, const std::string& target, const caf::error& error,
                const std::function<void()>& retry) {
  auto& state = self->state;
  auto code = store_error_of(error);
  if (code == store_error::not_leader) {
    auto hint = error_detail(error);
    if (!hint.empty() && hint != target) {
      state.leader = hint;
      if (state.replicas.count(hint)) {
        retry();
        return;
      }
      refresh(self);
    }
  }
  if (state.leader == target || code != store_error::not_leader) state.leader.clear();
  if (!code) refresh(self);  // unreachable or timed out: the replica may have moved
  later(self, retry);
}

template <class T, class... Args>
void attempt(self_pointer self, std::shared_ptr<call<T>> request, Args... args) {
  auto now = self->clock().now();
  if (now >= request->deadline) {
    request->done(make_error(store_error::timeout, request->last_error));
    return;
  }
  auto target = pick(self);
  auto retry = [=] { attempt<T>(self, request, args...); };
  if (!target) {
    refresh(self);
    later(self, retry);
    return;
  }
  auto budget = std::min<std::int64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(self->state.config.attempt_timeout)
          .count(),
      std::chrono::duration_cast<std::chrono::milliseconds>(request->deadline - now).count() + 1);
  auto name = target->first;
  self->request(target->second, std::chrono::milliseconds(budget), args...)
      .then([=](T& value) { request->done(std::move(value)); },
            [=](caf::error& error) {
              auto code = store_error_of(error);
              if (code && permanent(*code)) {
                request->done(std::move(error));
                return;
              }
              request->last_error = name + ": " + self->system().render(error);
              on_failure(self, name, error, retry);
            });
}

// Runs a request with the client's bounds, answering through a promise.
template <class T, class... Args>
caf::result<T> run(self_pointer self, Args... args) {
  auto& state = self->state;
  if (state.in_progress >= state.config.requests_max)
    return make_error(
        store_error::queue_full,
        "the store client has " + std::to_string(state.in_progress) + " requests in progress");
  ++state.in_progress;
  auto promise = self->make_response_promise<T>();
  auto request = std::make_shared<call<T>>();
  request->deadline = self->clock().now() + state.config.timeout;
  request->done = [self, promise](caf::expected<T> result) mutable {
    --self->state.in_progress;
    if (result)
      promise.deliver(std::move(*result));
    else
      promise.deliver(result.error());
  };
  attempt<T>(self, request, args...);
  return promise;
}

void attach(self_pointer self, std::uint64_t id);

void end_watch(self_pointer self, std::uint64_t id, const caf::error& reason) {
  auto found = self->state.watches.find(id);
  if (found == self->state.watches.end()) return;
  auto& watch = found->second;
  if (!watch.announced)
    watch.started(reason);
  else
    self->send(watch.watcher, cancel_atom::value, id, reason);
  if (watch.replica) self->send(watch.replica, cancel_atom::value, watch.replica_watch);
  self->state.watches.erase(found);
}

void attach(self_pointer self, std::uint64_t id) {
  auto found = self->state.watches.find(id);
  if (found == self->state.watches.end() || found->second.replica) return;
  auto target = pick(self);
  if (!target) {
    refresh(self);
    later(self, [=] { attach(self, id); });
    return;
  }
  auto [name, replica] = *target;
  self->request(replica, self->state.config.attempt_timeout, watch_atom::value,
                found->second.request, caf::actor_cast<store_watcher_actor>(self))
      .then(
          [=](std::uint64_t replica_watch) {
            auto found = self->state.watches.find(id);
            if (found == self->state.watches.end() || found->second.replica) {
              self->send(replica, cancel_atom::value, replica_watch);  // cancelled meanwhile
              return;
            }
            auto& watch = found->second;
            watch.replica = replica;
            watch.replica_watch = replica_watch;
            self->monitor(replica);
            if (!watch.announced) {
              watch.announced = true;
              watch.started(id);
            }
          },
          [=](caf::error& error) {
            auto code = store_error_of(error);
            if (code && permanent(*code)) {
              end_watch(self, id, error);
              return;
            }
            on_failure(self, name, error, [=] { attach(self, id); });
          });
}

caf::result<std::uint64_t> start_watch(self_pointer self, watch_request request,
                                       store_watcher_actor watcher) {
  auto& state = self->state;
  if (!watcher) return make_error(store_error::malformed_request, "no watcher");
  if (state.watches.size() >= watches_max)
    return make_error(store_error::queue_full, "too many watches");
  auto id = state.next_watch++;
  auto promise = self->make_response_promise<std::uint64_t>();
  client_watch watch{request, watcher, store_replica_actor{}, 0, false, nullptr};
  watch.started = [promise](caf::expected<std::uint64_t> result) mutable {
    if (result)
      promise.deliver(*result);
    else
      promise.deliver(result.error());
  };
  state.watches.emplace(id, std::move(watch));
  if (request.start_revision != 0) {
    attach(self, id);
    return promise;
  }
  // "From now": right after a linearizable read, so that a later re-attach
  // elsewhere resumes from a revision every replica agrees on.
  auto read = std::make_shared<call<range_response>>();
  read->deadline = self->clock().now() + state.config.timeout;
  read->done = [=](caf::expected<range_response> result) {
    auto found = self->state.watches.find(id);
    if (found == self->state.watches.end()) return;
    if (!result) {
      end_watch(self, id, result.error());
      return;
    }
    found->second.request.start_revision = result->revision + 1;
    attach(self, id);
  };
  range_request probe{request.key, request.range_end, 0, 1, false};
  attempt<range_response>(self, read, range_atom::value, probe);
  return promise;
}

// Events from a replica: passed on under the client's watch id, each change
// once (a re-attached watch may repeat the last revision it had sent).
void on_events(self_pointer self, watch_events& events) {
  auto sender = self->current_sender();
  for (auto& [id, watch] : self->state.watches) {
    if (!watch.replica || watch.replica_watch != events.watch_id ||
        caf::actor_cast<caf::strong_actor_ptr>(watch.replica) != sender)
      continue;
    auto from = watch.request.start_revision;
    std::erase_if(events.puts_and_deletes,
                  [&](const key_value& change) { return change.mod_revision < from; });
    watch.request.start_revision = std::max(from, events.revision + 1);
    if (events.puts_and_deletes.empty()) return;
    events.watch_id = id;
    self->send(watch.watcher, event_atom::value, std::move(events));
    return;
  }
}

void on_down(self_pointer self, const caf::down_msg& down) {
  auto& state = self->state;
  std::erase_if(state.replicas, [&](const auto& item) {
    if (item.second.address() != down.source) return false;
    if (state.leader == item.first) state.leader.clear();
    return true;
  });
  for (auto& [id, watch] : state.watches) {
    if (!watch.replica || watch.replica.address() != down.source) continue;
    watch.replica = store_replica_actor{};
    auto watch_id = id;
    later(self, [=] { attach(self, watch_id); });
  }
}

client_actor::behavior_type client_behavior(self_pointer self, client_config config) {
  self->state.config = std::move(config);
  self->set_down_handler([=](caf::down_msg& down) { on_down(self, down); });
  refresh(self);
  return {
      [=](range_atom, const range_request& request) -> caf::result<range_response> {
        return run<range_response>(self, range_atom::value, request);
      },
      [=](txn_atom, txn_request request) -> caf::result<txn_response> {
        if (request.client == 0) {
          request.client = self->state.config.client_id;
          request.sequence = self->state.next_sequence++;
        }
        return run<txn_response>(self, txn_atom::value, request);
      },
      [=](compact_atom, std::int64_t revision) -> caf::result<std::int64_t> {
        return run<std::int64_t>(self, compact_atom::value, revision);
      },
      [=](watch_atom, const watch_request& request, const store_watcher_actor& watcher)
          -> caf::result<std::uint64_t> { return start_watch(self, request, watcher); },
      [=](cancel_atom, std::uint64_t id) {
        auto found = self->state.watches.find(id);
        if (found == self->state.watches.end()) return;
        if (found->second.replica)
          self->send(found->second.replica, cancel_atom::value, found->second.replica_watch);
        self->state.watches.erase(found);
      },
      [=](status_atom) {
        auto& state = self->state;
        return component_status{component_kind::store_replica, "client", !state.leader.empty(),
                                "store client: " + std::to_string(state.replicas.size()) +
                                    " replicas, leader " +
                                    (state.leader.empty() ? "unknown" : state.leader) + ", " +
                                    std::to_string(state.in_progress) + " requests, " +
                                    std::to_string(state.watches.size()) + " watches"};
      },
      [=](event_atom, watch_events& events) { on_events(self, events); },
      [=](cancel_atom, std::uint64_t replica_watch, const caf::error& reason) {
        auto sender = self->current_sender();
        for (auto& [id, watch] : self->state.watches)
          if (watch.replica && watch.replica_watch == replica_watch &&
              caf::actor_cast<caf::strong_actor_ptr>(watch.replica) == sender) {
            end_watch(self, id, reason);
            return;
          }
      },
      [=](tick_atom, std::uint64_t retry) {
        auto found = self->state.retries.find(retry);
        if (found == self->state.retries.end()) return;
        auto run_it = std::move(found->second);
        self->state.retries.erase(found);
        run_it();
      },
  };
}

}  // namespace

store_client_actor spawn_store_client(caf::actor_system& system, client_config config) {
  return caf::actor_cast<store_client_actor>(system.spawn(client_behavior, std::move(config)));
}

}  // namespace troupe::store
