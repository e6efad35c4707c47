#include "actors/store/replica_actor.hpp"

#include <caf/all.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "actors/store/core/raft_message_codec.hpp"
#include "messages/errors.hpp"
#include "storage/lmdb_log_store.hpp"

namespace troupe::store {

namespace {

// What spawn_replica prepares before the actor exists (opening the data dir
// may fail, and the caller must hear why).
struct opened_replica {
  replica_config config;
  std::unique_ptr<storage::lmdb_log_store> disk;
  std::optional<store_replica> core;
};

struct replica_state {
  std::shared_ptr<opened_replica> opened;
  std::map<std::string, store_replica_actor> peers;
  std::set<std::string> looking_up;
  ticket next_ticket = 1;
  std::map<ticket, caf::typed_response_promise<txn_response>> txns;
  std::map<ticket, caf::typed_response_promise<range_response>> ranges;
  std::map<ticket, caf::typed_response_promise<std::int64_t>> compactions;
  std::map<std::uint64_t, store_watcher_actor> watchers;
  // A new watch's history, sent after the reply that names the watch.
  std::vector<watch_events> deferred_events;
  bool flush_queued = false;
  bool stopped = false;
};

using self_pointer = store_replica_actor::stateful_pointer<replica_state>;

store_replica& core_of(self_pointer self) {
  return *self->state.opened->core;
}

caf::error refusal(self_pointer self, store_error error) {
  return make_error(error, core_of(self).leader());
}

void look_up(self_pointer self, const std::string& name) {
  auto& state = self->state;
  if (!state.looking_up.insert(name).second) return;
  self->request(state.opened->config.membership, std::chrono::seconds(2), find_atom::value,
                component_kind::store_replica, name)
      .then(
          [=](const published_actor& found) {
            self->state.looking_up.erase(name);
            auto peer = caf::actor_cast<store_replica_actor>(found.handle);
            if (!peer) return;
            self->monitor(peer);
            self->state.peers[name] = peer;
          },
          [=](const caf::error&) { self->state.looking_up.erase(name); });
}

void send_to_peer(self_pointer self, const raft::message& outgoing) {
  auto peer = self->state.peers.find(outgoing.to);
  if (peer == self->state.peers.end()) {
    look_up(self, outgoing.to);  // Raft retries what is lost meanwhile
    return;
  }
  self->send(peer->second, raft_atom::value,
             raft_envelope{outgoing.from, outgoing.to, raft::encode_message(outgoing)});
}

template <class T>
void answer(std::map<ticket, caf::typed_response_promise<T>>& promises, self_pointer self,
            completion<T>& done) {
  auto promise = promises.find(done.id);
  if (promise == promises.end()) return;
  if (auto* value = std::get_if<T>(&done.result))
    promise->second.deliver(std::move(*value));
  else
    promise->second.deliver(refusal(self, std::get<store_error>(done.result)));
  promises.erase(promise);
}

void stop(self_pointer self, const std::string& why);

void send_events(self_pointer self, const watch_events& events) {
  auto watcher = self->state.watchers.find(events.watch_id);
  if (watcher != self->state.watchers.end()) self->send(watcher->second, event_atom::value, events);
}

void carry_out(self_pointer self, store_replica_output& out) {
  auto& state = self->state;
  for (const auto& events : std::exchange(state.deferred_events, {})) send_events(self, events);
  for (const auto& outgoing : out.messages) send_to_peer(self, outgoing);
  for (auto& done : out.txns) answer(state.txns, self, done);
  for (auto& done : out.ranges) answer(state.ranges, self, done);
  for (auto& done : out.compactions) answer(state.compactions, self, done);
  for (const auto& events : out.watch) send_events(self, events);
  for (const auto& [id, error] : out.ended_watches) {
    auto watcher = state.watchers.find(id);
    if (watcher == state.watchers.end()) continue;
    self->send(watcher->second, cancel_atom::value, id, make_error(error));
    state.watchers.erase(watcher);
  }
  if (out.compaction) {
    if (auto error = state.opened->disk->compact(*out.compaction))
      stop(self, "cannot store a snapshot: " + error->message);
  }
}

// Group commit: every request queued behind this flush shares its fsync.
void process_ready(self_pointer self) {
  auto& state = self->state;
  auto& core = core_of(self);
  while (!state.stopped && core.has_ready()) {
    auto batch = core.take_ready();
    if (auto error = state.opened->disk->save(batch.snapshot, batch.entries, batch.state)) {
      stop(self, "cannot persist the log: " + error->message);
      return;
    }
    store_replica_output out;
    if (auto fatal = core.finish(batch, out)) {
      stop(self, *fatal);
      return;
    }
    carry_out(self, out);
  }
}

void queue_flush(self_pointer self) {
  auto& state = self->state;
  if (state.flush_queued || state.stopped || !core_of(self).has_ready()) return;
  state.flush_queued = true;
  self->send(self, flush_atom::value);
}

void stop(self_pointer self, const std::string& why) {
  auto& state = self->state;
  if (state.stopped) return;
  state.stopped = true;
  auto message = "store replica " + state.opened->config.name + " stopped: " + why;
  if (state.opened->config.on_fatal) state.opened->config.on_fatal(message);
  auto error = make_error(store_error::bad_data_dir, message);
  for (auto& [id, promise] : state.txns) promise.deliver(error);
  for (auto& [id, promise] : state.ranges) promise.deliver(error);
  for (auto& [id, promise] : state.compactions) promise.deliver(error);
  state.txns.clear();
  state.ranges.clear();
  state.compactions.clear();
  self->quit(error);
}

std::string describe(self_pointer self) {
  const auto& core = core_of(self);
  const auto& raft = core.raft();
  return "role " + raft::to_string(raft.current_role()) + ", term " + std::to_string(raft.term()) +
         ", leader " + (raft.leader().empty() ? std::string("unknown") : raft.leader()) +
         ", applied " + std::to_string(raft.log().applied()) + ", revision " +
         std::to_string(core.state().current_revision()) + ", " +
         std::to_string(core.pending_requests()) + " pending, " +
         std::to_string(core.watch_count()) + " watches";
}

void forget(self_pointer self, const caf::actor_addr& gone) {
  auto& state = self->state;
  std::erase_if(state.peers, [&](const auto& item) { return item.second.address() == gone; });
  std::erase_if(state.watchers, [&](const auto& item) {
    if (item.second.address() != gone) return false;
    core_of(self).cancel_watch(item.first);
    return true;
  });
}

template <class T, class Submit>
caf::result<T> submit(self_pointer self, std::map<ticket, caf::typed_response_promise<T>>& promises,
                      Submit attempt) {
  auto id = self->state.next_ticket++;
  store_replica_output out;
  if (auto error = attempt(id, out)) return refusal(self, *error);
  auto promise = self->make_response_promise<T>();
  promises.emplace(id, promise);
  carry_out(self, out);
  queue_flush(self);
  return promise;
}

store_replica_actor::behavior_type replica_behavior(self_pointer self,
                                                    std::shared_ptr<opened_replica> opened) {
  self->state.opened = std::move(opened);
  const auto& config = self->state.opened->config;
  self->set_down_handler([=](caf::down_msg& down) { forget(self, down.source); });
  self->request(config.membership, caf::infinite, announce_atom::value,
                published_actor{component_kind::store_replica, config.name, "",
                                caf::actor_cast<caf::strong_actor_ptr>(self)})
      .then([](std::size_t) {}, [](const caf::error&) {});
  self->send(self, tick_atom::value);
  return {
      [=](range_atom, const range_request& request) -> caf::result<range_response> {
        return submit<range_response>(self, self->state.ranges,
                                      [&](ticket id, store_replica_output& out) {
                                        return core_of(self).submit_range(id, request, out);
                                      });
      },
      [=](txn_atom, const txn_request& request) -> caf::result<txn_response> {
        return submit<txn_response>(self, self->state.txns, [&](ticket id, store_replica_output&) {
          return core_of(self).submit_txn(id, request);
        });
      },
      [=](compact_atom, std::int64_t revision) -> caf::result<std::int64_t> {
        return submit<std::int64_t>(self, self->state.compactions,
                                    [&](ticket id, store_replica_output&) {
                                      return core_of(self).submit_compact(id, revision);
                                    });
      },
      [=](watch_atom, const watch_request& request,
          const store_watcher_actor& watcher) -> caf::result<std::uint64_t> {
        if (!watcher) return make_error(store_error::malformed_request, "no watcher");
        store_replica_output out;
        auto started = core_of(self).watch(request, out);
        if (auto* error = std::get_if<store_error>(&started)) return refusal(self, *error);
        auto id = std::get<std::uint64_t>(started);
        self->monitor(watcher);
        self->state.watchers[id] = watcher;
        // The reply goes out first; the history follows with the next
        // carry_out (a flush, at the latest).
        auto& deferred = self->state.deferred_events;
        deferred.insert(deferred.end(), out.watch.begin(), out.watch.end());
        self->send(self, flush_atom::value);
        self->state.flush_queued = true;
        return id;
      },
      [=](cancel_atom, std::uint64_t id) {
        core_of(self).cancel_watch(id);
        self->state.watchers.erase(id);
      },
      [=](raft_atom, const raft_envelope& envelope) {
        auto decoded = raft::decode_message(envelope.bytes);
        if (auto* message = std::get_if<raft::message>(&decoded)) {
          core_of(self).step(*message);
          queue_flush(self);
        }
      },
      [=](status_atom) {
        const auto& core = core_of(self);
        return component_status{component_kind::store_replica, self->state.opened->config.name,
                                !core.leader().empty(), describe(self)};
      },
      [=](tick_atom) {
        store_replica_output out;
        core_of(self).tick(out);
        carry_out(self, out);
        queue_flush(self);
        self->delayed_send(self, self->state.opened->config.tick_interval, tick_atom::value);
      },
      [=](flush_atom) {
        self->state.flush_queued = false;
        store_replica_output nothing;
        carry_out(self, nothing);
        process_ready(self);
      },
  };
}

}  // namespace

std::variant<store_replica_actor, std::string> spawn_replica(caf::actor_system& system,
                                                             replica_config config) {
  if (auto error = config.settings.validate()) return "store settings: " + *error;
  auto opened = std::make_shared<opened_replica>();
  auto disk = storage::lmdb_log_store::open(config.directory, {config.cluster, config.name});
  if (auto* error = std::get_if<storage::log_store_error>(&disk)) return error->message;
  opened->disk = std::get<std::unique_ptr<storage::lmdb_log_store>>(std::move(disk));
  auto loaded = opened->disk->load();
  if (auto* error = std::get_if<storage::log_store_error>(&loaded)) return error->message;
  auto core = store_replica::open(config.name, std::get<storage::stored_state>(std::move(loaded)),
                                  config.bootstrap, config.settings, config.seed);
  if (auto* error = std::get_if<storage::log_store_error>(&core)) return error->message;
  opened->core.emplace(std::get<store_replica>(std::move(core)));
  opened->config = std::move(config);
  return system.spawn<caf::detached>(replica_behavior, std::move(opened));
}

}  // namespace troupe::store
