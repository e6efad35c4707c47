#include "actors/store/replica_actor.hpp"

#include <caf/all.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <utility>

#include "actors/store/core/raft_message_codec.hpp"
#include "actors/store/core/write_plan.hpp"
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
  storage::hard_state written;  // the hard state as last written (or loaded)
};

// A txn_batch whose transactions are still pending.
struct pending_batch {
  caf::typed_response_promise<txn_batch_outcome> promise;
  txn_batch_outcome result;
  std::size_t remaining = 0;
};

struct replica_state {
  std::shared_ptr<opened_replica> opened;
  std::map<std::string, store_replica_actor> peers;
  std::set<std::string> looking_up;
  ticket next_ticket = 1;
  std::map<ticket, caf::typed_response_promise<txn_response>> txns;
  std::map<ticket, caf::typed_response_promise<range_response>> ranges;
  std::map<ticket, caf::typed_response_promise<std::int64_t>> compactions;
  std::map<ticket, caf::typed_response_promise<store_members>> changes;
  std::uint64_t next_batch = 1;
  std::map<std::uint64_t, pending_batch> batches;
  // The batch and position each batched txn's ticket answers.
  std::map<ticket, std::pair<std::uint64_t, std::size_t>> batch_slots;
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
  // No timeout: a pending timeout would hold a reference to this detached
  // actor (see ticker); membership always answers, found or not_found.
  self->request(state.opened->config.membership, caf::infinite, find_atom::value,
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
  auto bytes = raft::encode_message(outgoing);
  self->send(peer->second, raft_atom::value,
             raft_envelope{outgoing.from, outgoing.to,
                           std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size())});
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

txn_outcome outcome_of(self_pointer self, const std::variant<txn_response, store_error>& result) {
  txn_outcome outcome;
  if (auto* response = std::get_if<txn_response>(&result)) {
    outcome.response = *response;
  } else {
    outcome.error = static_cast<std::uint8_t>(std::get<store_error>(result));
    outcome.detail = core_of(self).leader();
  }
  return outcome;
}

// Fills in a batched txn's outcome; false if `done` is not batched.
bool answer_batched(self_pointer self, completion<txn_response>& done) {
  auto& state = self->state;
  auto slot = state.batch_slots.find(done.id);
  if (slot == state.batch_slots.end()) return false;
  auto [batch_id, position] = slot->second;
  state.batch_slots.erase(slot);
  auto batch = state.batches.find(batch_id);
  if (batch == state.batches.end()) return true;
  batch->second.result.outcomes[position] = outcome_of(self, done.result);
  if (--batch->second.remaining == 0) {
    batch->second.promise.deliver(std::move(batch->second.result));
    state.batches.erase(batch);
  }
  return true;
}

void send_events(self_pointer self, const watch_events& events) {
  auto watcher = self->state.watchers.find(events.watch_id);
  if (watcher != self->state.watchers.end()) self->send(watcher->second, event_atom::value, events);
}

void carry_out(self_pointer self, store_replica_output& out) {
  auto& state = self->state;
  for (const auto& events : std::exchange(state.deferred_events, {})) send_events(self, events);
  for (const auto& outgoing : out.messages) send_to_peer(self, outgoing);
  for (auto& done : out.txns)
    if (!answer_batched(self, done)) answer(state.txns, self, done);
  for (auto& done : out.ranges) answer(state.ranges, self, done);
  for (auto& done : out.compactions) answer(state.compactions, self, done);
  for (auto& done : out.changes) answer(state.changes, self, done);
  for (const auto& events : out.watch) send_events(self, events);
  for (const auto& [id, error] : out.ended_watches) {
    auto watcher = state.watchers.find(id);
    if (watcher == state.watchers.end()) continue;
    self->send(watcher->second, cancel_atom::value, id, make_error(error));
    state.watchers.erase(watcher);
  }
}

// One durable write of `batch` (if any) with the state machine's changes.
bool write(self_pointer self, const raft::ready* batch) {
  auto& state = self->state;
  auto& core = core_of(self);
  auto machine = core.take_machine_write();
  storage::durable_write durable{&machine.changes, machine.compaction};
  if (batch) {
    durable.received = batch->snapshot ? &*batch->snapshot : nullptr;
    durable.entries = batch->entries;
    durable.state = batch->state;
  }
  if (auto error = state.opened->disk->save(durable)) {
    stop(self, "cannot persist the log: " + error->message);
    return false;
  }
  if (durable.state) state.opened->written = *durable.state;
  core.machine_written(machine);
  return true;
}

// Group commit: every request queued behind this flush shares its fsync.
void process_ready(self_pointer self) {
  auto& state = self->state;
  auto& core = core_of(self);
  while (!state.stopped && core.has_ready()) {
    auto batch = core.take_ready();
    auto plan = plan_write(batch, state.opened->written);
    for (const auto& outgoing : plan.early) send_to_peer(self, outgoing);
    // Entries committed before this batch are answered before its fsync.
    store_replica_output applied;
    if (auto fatal = core.apply_committed(batch, applied)) {
      stop(self, *fatal);
      return;
    }
    carry_out(self, applied);
    if (plan.write || core.machine_write_due()) {
      if (!write(self, plan.write ? &batch : nullptr)) return;
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
  for (auto& [id, promise] : state.changes) promise.deliver(error);
  for (auto& [id, batch] : state.batches) batch.promise.deliver(error);
  state.batches.clear();
  state.batch_slots.clear();
  state.txns.clear();
  state.ranges.clear();
  state.compactions.clear();
  state.changes.clear();
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

// The replica's clock, a scheduled actor of its own. A delayed message the
// replica sent itself would hold a strong reference to it in CAF's clock,
// and a detached actor's thread waits for its last reference to go: an exit
// while a tick was pending hung the actor system's shutdown for good.
caf::behavior ticker(caf::event_based_actor* self, caf::actor_addr target,
                     std::chrono::milliseconds interval) {
  // Monitored through a strong handle: the replica may be gone before the
  // ticker starts (it refused its data dir), and a weak address of a
  // destroyed actor must not be dereferenced.
  auto replica = caf::actor_cast<caf::actor>(target);
  if (!replica) return {};
  self->monitor(replica);
  self->set_down_handler([=](caf::down_msg&) { self->quit(); });
  self->send(self, tick_atom::value);
  return {
      [=](tick_atom) {
        auto alive = caf::actor_cast<caf::actor>(target);
        if (!alive) {
          self->quit();
          return;
        }
        self->send(caf::actor_cast<store_replica_actor>(alive), tick_atom::value);
        self->delayed_send(self, interval, tick_atom::value);
      },
  };
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
  self->spawn(ticker, self->address(), config.tick_interval);
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
      [=](txn_atom, const txn_batch& batch) -> caf::result<txn_batch_outcome> {
        auto& state = self->state;
        auto batch_id = state.next_batch++;
        pending_batch pending;
        pending.result.outcomes.resize(batch.requests.size());
        for (std::size_t i = 0; i < batch.requests.size(); ++i) {
          auto id = state.next_ticket++;
          if (auto error = core_of(self).submit_txn(id, batch.requests[i])) {
            pending.result.outcomes[i] = outcome_of(self, *error);
            continue;
          }
          state.batch_slots[id] = {batch_id, i};
          ++pending.remaining;
        }
        if (pending.remaining == 0) return std::move(pending.result);
        pending.promise = self->make_response_promise<txn_batch_outcome>();
        auto promise = pending.promise;
        state.batches.emplace(batch_id, std::move(pending));
        queue_flush(self);
        return promise;
      },
      [=](compact_atom, std::int64_t revision) -> caf::result<std::int64_t> {
        return submit<std::int64_t>(self, self->state.compactions,
                                    [&](ticket id, store_replica_output&) {
                                      return core_of(self).submit_compact(id, revision);
                                    });
      },
      [=](change_atom, const replica_change& change) -> caf::result<store_members> {
        return submit<store_members>(self, self->state.changes,
                                     [&](ticket id, store_replica_output&) {
                                       return core_of(self).submit_change(id, change);
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
        auto decoded = raft::decode_message(std::span<const std::uint8_t>(
            reinterpret_cast<const std::uint8_t*>(envelope.bytes.data()), envelope.bytes.size()));
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
        // An idle replica writes its state machine's changes on a tick.
        if (!self->state.stopped && core_of(self).machine_write_due()) write(self, nullptr);
        queue_flush(self);
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
  opened->written = std::get<storage::stored_state>(loaded).state;
  auto core = store_replica::open(config.name, std::get<storage::stored_state>(std::move(loaded)),
                                  config.bootstrap, config.settings, config.seed);
  if (auto* error = std::get_if<storage::log_store_error>(&core)) return error->message;
  opened->core.emplace(std::get<store_replica>(std::move(core)));
  opened->config = std::move(config);
  return system.spawn<caf::detached>(replica_behavior, std::move(opened));
}

}  // namespace troupe::store
