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
                               caf::reacts_to<tick_atom, std::uint64_t>,
                               caf::reacts_to<flush_atom>>;

constexpr std::size_t watches_max = 16 * 1024;
// Bounds of one txn_batch message.
constexpr std::size_t batch_txns_max = 512;
constexpr std::size_t batch_bytes_max = 4 * 1024 * 1024;

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

// A txn waiting for the next batch to its replica.
struct queued_txn {
  std::shared_ptr<call<txn_response>> request;
  txn_request txn;
};

struct client_state {
  client_config config;
  std::map<std::string, store_replica_actor> replicas;
  std::string leader;
  std::size_t rotation = 0;
  bool refreshing = false;
  std::size_t in_progress = 0;
  // At-most-once identities: the store keeps one sequence per client id, so
  // each txn in flight runs on a lane of its own (client_id + lane) whose
  // sequence rises by one per txn; a lane is reused once its txn is done.
  std::vector<std::uint64_t> free_lanes;
  std::uint64_t lanes = 0;
  std::map<std::uint64_t, std::uint64_t> lane_sequence;
  // Txns queued per replica (by name) until the flush this client sends
  // itself: everything requested meanwhile travels in one message.
  std::map<std::string, std::pair<store_replica_actor, std::vector<queued_txn>>> txn_queue;
  bool flush_queued = false;
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

// The replica to try now; with none known, asks membership and schedules
// `retry` instead.
std::optional<std::pair<std::string, store_replica_actor>> pick_or_retry(
    self_pointer self, std::function<void()> retry) {
  auto target = pick(self);
  if (!target) {
    refresh(self);
    later(self, std::move(retry));
  }
  return target;
}

// After a failed attempt at `target`: a permanent refusal goes to `give_up`.
// Otherwise `retry` runs at the hinted leader at once or, with no leader
// known, at another replica after a pause; `last_error` keeps what was seen.
void on_failure(self_pointer self, const std::string& target, const caf::error& error,
                const std::function<void(const caf::error&)>& give_up,
                const std::function<void()>& retry, std::string* last_error = nullptr) {
  auto& state = self->state;
  auto code = store_error_of(error);
  if (code && permanent(*code)) {
    give_up(error);
    return;
  }
  if (last_error) *last_error = target + ": " + self->system().render(error);
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

// Ends `request` with `timeout` once its deadline has passed.
template <class T>
bool expired(self_pointer self, call<T>& request) {
  if (self->clock().now() < request.deadline) return false;
  request.done(make_error(store_error::timeout, request.last_error));
  return true;
}

template <class T, class... Args>
void attempt(self_pointer self, std::shared_ptr<call<T>> request, Args... args) {
  if (expired(self, *request)) return;
  auto retry = [=] { attempt<T>(self, request, args...); };
  auto target = pick_or_retry(self, retry);
  if (!target) return;
  auto now = self->clock().now();
  auto budget = std::min<std::int64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(self->state.config.attempt_timeout)
          .count(),
      std::chrono::duration_cast<std::chrono::milliseconds>(request->deadline - now).count() + 1);
  auto name = target->first;
  self->request(target->second, std::chrono::milliseconds(budget), args...)
      .then([=](T& value) { request->done(std::move(value)); },
            [=](caf::error& error) {
              on_failure(
                  self, name, error, [=](const caf::error& refusal) { request->done(refusal); },
                  retry, &request->last_error);
            });
}

void attempt_txn(self_pointer self, std::shared_ptr<call<txn_response>> request, txn_request txn) {
  if (expired(self, *request)) return;
  auto target = pick_or_retry(self, [=] { attempt_txn(self, request, txn); });
  if (!target) return;
  auto& state = self->state;
  auto& queued = state.txn_queue[target->first];
  queued.first = target->second;
  queued.second.push_back({request, std::move(txn)});
  if (!state.flush_queued) {
    state.flush_queued = true;
    self->send(self, flush_atom::value);
  }
}

void txn_failed(self_pointer self, const std::string& target, const queued_txn& item,
                const caf::error& error) {
  on_failure(
      self, target, error, [=](const caf::error& refusal) { item.request->done(refusal); },
      [=] { attempt_txn(self, item.request, item.txn); }, &item.request->last_error);
}

void send_batch(self_pointer self, const std::string& target, const store_replica_actor& replica,
                std::shared_ptr<std::vector<queued_txn>> items) {
  txn_batch batch;
  for (const auto& item : *items) batch.requests.push_back(item.txn);
  self->request(replica, self->state.config.attempt_timeout, txn_atom::value, std::move(batch))
      .then(
          [=](txn_batch_outcome& result) {
            for (std::size_t i = 0; i < items->size(); ++i) {
              const auto& item = (*items)[i];
              if (i >= result.outcomes.size()) {
                txn_failed(self, target, item, make_error(caf::sec::unexpected_response));
                continue;
              }
              auto& outcome = result.outcomes[i];
              if (outcome.error == 0)
                item.request->done(std::move(outcome.response));
              else
                txn_failed(self, target, item,
                           make_error(static_cast<store_error>(outcome.error), outcome.detail));
            }
          },
          [=](caf::error& error) {
            for (const auto& item : *items) txn_failed(self, target, item, error);
          });
}

// Sends every queued txn, at most batch_txns_max and about batch_bytes_max
// per message.
void flush_txns(self_pointer self) {
  self->state.flush_queued = false;
  for (auto& [target, queued] : std::exchange(self->state.txn_queue, {})) {
    auto items = std::make_shared<std::vector<queued_txn>>();
    std::size_t bytes = 0;
    for (auto& item : queued.second) {
      for (const auto& operation : item.txn.success)
        bytes += operation.key.size() + operation.value.size();
      items->push_back(std::move(item));
      if (items->size() >= batch_txns_max || bytes >= batch_bytes_max) {
        send_batch(self, target, queued.first,
                   std::exchange(items, std::make_shared<std::vector<queued_txn>>()));
        bytes = 0;
      }
    }
    if (!items->empty()) send_batch(self, target, queued.first, items);
  }
}

// Runs a request with the client's bounds, answering through a promise:
// `start` makes the first attempt, `finished` runs when it is answered,
// whatever the answer.
template <class T>
caf::result<T> run(self_pointer self, std::function<void()> finished,
                   std::function<void(std::shared_ptr<call<T>>)> start) {
  auto& state = self->state;
  if (state.in_progress >= state.config.requests_max)
    return make_error(
        store_error::queue_full,
        "the store client has " + std::to_string(state.in_progress) + " requests in progress");
  ++state.in_progress;
  auto promise = self->make_response_promise<T>();
  auto request = std::make_shared<call<T>>();
  request->deadline = self->clock().now() + state.config.timeout;
  request->done = [self, promise, finished](caf::expected<T> result) mutable {
    --self->state.in_progress;
    if (finished) finished();
    if (result)
      promise.deliver(std::move(*result));
    else
      promise.deliver(result.error());
  };
  start(request);
  return promise;
}

// Ranges and compactions go one request per message.
template <class T, class... Args>
caf::result<T> run_single(self_pointer self, Args... args) {
  return run<T>(self, nullptr,
                [=](std::shared_ptr<call<T>> request) { attempt<T>(self, request, args...); });
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
  auto target = pick_or_retry(self, [=] { attach(self, id); });
  if (!target) return;
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
            on_failure(
                self, name, error, [=](const caf::error& refusal) { end_watch(self, id, refusal); },
                [=] { attach(self, id); });
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
        return run_single<range_response>(self, range_atom::value, request);
      },
      [=](txn_atom, txn_request request) -> caf::result<txn_response> {
        auto& state = self->state;
        auto start = [=](std::shared_ptr<call<txn_response>> call) {
          attempt_txn(self, call, request);
        };
        if (request.client != 0) return run<txn_response>(self, nullptr, start);
        std::uint64_t lane = 0;
        if (!state.free_lanes.empty()) {
          lane = state.free_lanes.back();
          state.free_lanes.pop_back();
        } else {
          lane = state.lanes++;
        }
        auto identified = request;
        identified.client = state.config.client_id + lane;
        identified.sequence = ++state.lane_sequence[lane];
        return run<txn_response>(
            self, [=] { self->state.free_lanes.push_back(lane); },
            [=](std::shared_ptr<call<txn_response>> call) { attempt_txn(self, call, identified); });
      },
      [=](change_atom, const replica_change& change) -> caf::result<store_members> {
        return run_single<store_members>(self, change_atom::value, change);
      },
      [=](compact_atom, std::int64_t revision) -> caf::result<std::int64_t> {
        return run_single<std::int64_t>(self, compact_atom::value, revision);
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
      [=](flush_atom) { flush_txns(self); },
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
