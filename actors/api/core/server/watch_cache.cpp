#include "actors/api/core/server/watch_cache.hpp"

#include <algorithm>
#include <cassert>

#include <nlohmann/json.hpp>

#include "actors/api/core/server/object_fields.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/object_meta.hpp"

namespace troupe::api {

std::string cached_object::text(std::int64_t resource_version) const {
  return with_resource_version(stored, resource_version);
}

const resource_info* resource_of_key(std::string_view key) {
  if (!key.starts_with(registry_prefix)) return nullptr;
  key.remove_prefix(registry_prefix.size());
  auto group_end = key.find('/');
  if (group_end == std::string_view::npos) return nullptr;
  auto group = key.substr(0, group_end);
  if (group == "core") group = "";
  auto rest = key.substr(group_end + 1);
  auto plural = rest.substr(0, rest.find('/'));
  for (const auto& resource : builtin_resources())
    if (resource.group == group && resource.plural == plural &&
        &storage_resource(resource) == &resource)
      return &resource;
  return nullptr;
}

cached_pointer make_cached_object(const key_value& stored) {
  const auto* resource = resource_of_key(stored.key);
  if (!resource) return nullptr;
  auto decoded = decode_stored_object(stored.value);
  auto* value = std::get_if<stored_object>(&decoded);
  if (!value) return nullptr;
  auto parsed = nlohmann::json::parse(value->json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return nullptr;
  auto object = describe_written_object(stored.key, *resource, std::move(*value), parsed);
  object->revision = stored.mod_revision;
  return object;
}

std::shared_ptr<cached_object> describe_written_object(std::string key,
                                                       const resource_info& resource,
                                                       stored_object stored,
                                                       const nlohmann::json& object) {
  auto described = std::make_shared<cached_object>();
  described->key = std::move(key);
  described->resource = &resource;
  described->stored = std::move(stored);
  described->namespace_name = object_namespace(object);
  described->name = object_name(object);
  described->labels = object_labels(object);
  described->fields = field_values(object, resource);
  described->deleting = being_deleted(object);
  return described;
}

watch_cache::watch_cache(std::size_t history_max) : history_max_(history_max) {
  assert(history_max_ > 0);
}

void watch_cache::reset(const std::vector<key_value>& objects, std::int64_t revision) {
  objects_.clear();
  history_.clear();
  for (const auto& stored : objects) {
    auto cached = make_cached_object(stored);
    if (!cached) {
      ++undecodable_;
      continue;
    }
    objects_.emplace(stored.key, std::move(cached));
  }
  revision_ = revision;
  oldest_revision_ = revision;
}

std::vector<cache_event> watch_cache::apply(const watch_events& batch,
                                            const prepared_lookup& prepared) {
  std::vector<cache_event> made;
  for (const auto& change : batch.puts_and_deletes) {
    assert(change.mod_revision > oldest_revision_);
    auto found = objects_.find(change.key);
    cached_pointer previous = found == objects_.end() ? nullptr : found->second;
    cache_event event{change.mod_revision, change.key, nullptr, previous};
    const bool deleted = change.version == 0;
    if (deleted) {
      if (found == objects_.end()) continue;
      objects_.erase(found);
    } else {
      if (prepared) event.object = prepared(change);
      if (!event.object) event.object = make_cached_object(change);
      if (!event.object) {
        ++undecodable_;
        continue;
      }
      objects_.insert_or_assign(change.key, event.object);
    }
    made.push_back(event);
    remember(std::move(event));
  }
  if (batch.revision > revision_) revision_ = batch.revision;
  for (const auto& event : made)
    if (event.revision > revision_) revision_ = event.revision;
  return made;
}

void watch_cache::remember(cache_event event) {
  history_.push_back(std::move(event));
  while (history_.size() > history_max_) {
    // Drop a whole revision so events_after never serves half of one.
    auto dropped = history_.front().revision;
    while (!history_.empty() && history_.front().revision == dropped) history_.pop_front();
    oldest_revision_ = dropped;
  }
}

cached_pointer watch_cache::get(const std::string& key) const {
  auto found = objects_.find(key);
  return found == objects_.end() ? nullptr : found->second;
}

std::vector<cached_pointer> watch_cache::list(const std::string& prefix) const {
  std::vector<cached_pointer> result;
  for (auto it = objects_.lower_bound(prefix); it != objects_.end(); ++it) {
    if (!std::string_view(it->first).starts_with(prefix)) break;
    result.push_back(it->second);
  }
  return result;
}

std::optional<std::vector<cache_event>> watch_cache::events_after(std::int64_t revision,
                                                                  const std::string& prefix) const {
  if (revision < oldest_revision_) return std::nullopt;
  std::vector<cache_event> result;
  auto first =
      std::partition_point(history_.begin(), history_.end(),
                           [&](const cache_event& event) { return event.revision <= revision; });
  for (auto it = first; it != history_.end(); ++it)
    if (std::string_view(it->key).starts_with(prefix)) result.push_back(*it);
  return result;
}

}  // namespace troupe::api
