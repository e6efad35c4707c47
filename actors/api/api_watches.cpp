// Watches from the watch cache (kube's cacheWatcher). Where a watch starts:
// no resourceVersion: the store's current revision (once the cache has
// reached it), with an ADDED event for every matching object first; "0":
// the cache's state, with the ADDED events; "N": the changes after N from
// the cache's history, or one ERROR event (410 Expired) and the end of the
// watch when they are no longer held. sendInitialEvents=true sends the
// ADDED events and then a BOOKMARK annotated k8s.io/initial-events-end.
// Bookmarks (allowWatchBookmarks) carry the cache's revision.
#include <random>

#include "actors/api/api_actor_state.hpp"
#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/object_fields.hpp"
#include "actors/api/core/server/object_keys.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

api_watch_event bookmark(const resource_info& served, std::int64_t revision,
                         bool initial_events_end) {
  json metadata{{"resourceVersion", std::to_string(revision)}, {"creationTimestamp", nullptr}};
  if (initial_events_end) metadata["annotations"] = {{"k8s.io/initial-events-end", "true"}};
  json object{{"kind", served.kind}, {"apiVersion", served.api_version()}, {"metadata", metadata}};
  return api_watch_event{"BOOKMARK", object.dump(), revision};
}

void send_events(api_self self, std::uint64_t id, std::vector<api_watch_event> events) {
  auto found = self->state.watches.find(id);
  if (found == self->state.watches.end() || events.empty()) return;
  const auto batch_max = self->state.config.watch_batch_max;
  for (std::size_t first = 0; first < events.size(); first += batch_max) {
    auto last = std::min(events.size(), first + batch_max);
    std::vector<api_watch_event> batch(std::make_move_iterator(events.begin() + first),
                                       std::make_move_iterator(events.begin() + last));
    self->send(found->second.watcher, event_atom::value, id, std::move(batch));
  }
}

caf::actor_clock::time_point deadline_of(api_self self, const list_options& options) {
  auto now = self->clock().now();
  if (options.timeout_seconds && *options.timeout_seconds > 0)
    return now + std::chrono::seconds(*options.timeout_seconds);
  auto base = self->state.config.watch_timeout.count();
  std::uniform_int_distribution<std::int64_t> extra(0, std::max<std::int64_t>(base - 1, 0));
  return now + std::chrono::seconds(base + extra(self->state.random));
}

// Registers the watch and sends what comes before the live changes.
void begin_watch(api_self self, const resource_info& served, const list_options& options,
                 watch_filter filter, api_watcher_actor watcher, const watch_reply& reply,
                 bool initial_state) {
  auto& state = self->state;
  auto id = state.next_watch++;
  auto now = self->clock().now();
  state.watches.emplace(
      id, api_watch{watcher, &served, filter, options.allow_watch_bookmarks,
                    deadline_of(self, options), now + state.config.bookmark_interval});
  self->monitor(watcher);
  api_response started;
  started.code = 200;
  started.content_type = std::string(json_content_type);
  reply(id, started);
  std::vector<api_watch_event> events;
  if (initial_state) {
    for (const auto& object : select_objects(state.cache, filter))
      events.push_back({"ADDED", cached_text(*object, served, object->revision), object->revision});
    if (options.send_initial_events.value_or(false))
      events.push_back(bookmark(served, state.cache.revision(), true));
    return send_events(self, id, std::move(events));
  }
  auto history = state.cache.events_after(options.resource_version, filter.prefix);
  if (!history) {
    events.push_back(
        {"ERROR", expired(options.resource_version, state.cache.oldest_revision()).dump(), 0});
    send_events(self, id, std::move(events));
    return end_watch(self, id);
  }
  for (const auto& change : *history)
    if (auto seen = filter_event(change, filter))
      events.push_back({to_string(seen->type),
                        cached_text(*seen->object, served, seen->resource_version),
                        seen->resource_version});
  send_events(self, id, std::move(events));
}

}  // namespace

void serve_watch(api_self self, const api_request& request, const resource_info& resource,
                 api_watcher_actor watcher, watch_reply reply) {
  auto& state = self->state;
  const auto& stored = storage_resource(resource);
  auto parsed = parse_list_options(request.query, selectable_fields(stored));
  if (auto* failure = failure_of(parsed)) return reply(0, failure_response(*failure));
  if (state.watches.size() >= state.config.watches_max)
    return reply(0, failure_response({too_many_requests(1)}));
  auto options = std::get<list_options>(std::move(parsed));
  watch_filter filter{collection_prefix(stored, resource.namespaced ? request.namespace_name : ""),
                      options.labels, options.fields};
  const resource_info* served = &resource;
  const bool initial = options.send_initial_events.value_or(false);
  if (options.resource_version_text == "0")
    return begin_watch(self, *served, options, filter, watcher, reply, true);
  if (!options.resource_version_text.empty()) {
    return when_fresh(self, options.resource_version, [=](bool fresh) {
      if (!fresh)
        return reply(0, failure_response({too_large_resource_version(
                            options.resource_version, self->state.cache.revision())}));
      begin_watch(self, *served, options, filter, watcher, reply, initial);
    });
  }
  with_store_revision(
      self,
      [=](std::int64_t revision) {
        when_fresh(self, revision, [=](bool) {
          begin_watch(self, *served, options, filter, watcher, reply, true);
        });
      },
      [=](api_response failure) { reply(0, std::move(failure)); });
}

void dispatch_events(api_self self, const std::vector<cache_event>& events) {
  auto& state = self->state;
  if (state.watches.empty()) return;
  std::map<std::uint64_t, std::vector<api_watch_event>> outgoing;
  for (const auto& change : events) {
    // Texts are the same for every watch that gets this change: make each once.
    std::optional<std::string> current_text;
    std::optional<std::string> previous_text;
    for (const auto& [id, watch] : state.watches) {
      auto seen = filter_event(change, watch.filter);
      if (!seen) continue;
      const bool converts = &storage_resource(*watch.served) != watch.served;
      std::string text;
      if (converts) {
        text = cached_text(*seen->object, *watch.served, seen->resource_version);
      } else {
        auto& memo = seen->object == change.object ? current_text : previous_text;
        if (!memo) memo = seen->text();
        text = *memo;
      }
      outgoing[id].push_back({to_string(seen->type), std::move(text), seen->resource_version});
    }
  }
  for (auto& [id, batch] : outgoing) send_events(self, id, std::move(batch));
}

void watch_timers(api_self self) {
  auto& state = self->state;
  auto now = self->clock().now();
  std::vector<std::uint64_t> ended;
  for (auto& [id, watch] : state.watches) {
    if (watch.deadline <= now) {
      ended.push_back(id);
      continue;
    }
    if (watch.bookmarks && watch.next_bookmark <= now) {
      watch.next_bookmark = now + state.config.bookmark_interval;
      self->send(
          watch.watcher, event_atom::value, id,
          std::vector<api_watch_event>{bookmark(*watch.served, state.cache.revision(), false)});
    }
  }
  for (auto id : ended) end_watch(self, id);
}

void end_watch(api_self self, std::uint64_t id) {
  auto& watches = self->state.watches;
  auto found = watches.find(id);
  if (found == watches.end()) return;
  self->send(found->second.watcher, cancel_atom::value, id);
  watches.erase(found);
}

void end_all_watches(api_self self) {
  std::vector<std::uint64_t> ids;
  for (const auto& [id, watch] : self->state.watches) ids.push_back(id);
  for (auto id : ids) end_watch(self, id);
}

}  // namespace troupe::api
