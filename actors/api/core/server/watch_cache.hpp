// The api server's watch cache (kube's cacher, one for every resource):
// every object under /registry/ as of the cache's revision, fed by one store
// watch, and a bounded history of recent changes, so lists and watches need
// no store round trip. Objects keep their stored form (JSON without
// resourceVersion, stored_object.hpp) plus what selectors read: labels and
// the resource's selectable fields.
//
// Contract:
//   - reset(objects, revision) replaces everything with a consistent
//     snapshot; apply(batch) then applies store watch batches in order
//     (revisions increase; a batch at or below the cache's revision is a
//     programmer error). Values that do not decode are skipped (counted).
//   - events_after(r) returns the changes with revision > r, in order, if
//     the history still holds every change after r: r >= oldest_revision().
//     Otherwise the caller answers 410 Expired.
//   - History holds at most history_max changes; older ones are dropped
//     whole revisions at a time (oldest_revision() rises).
// Invariants: 1. every object's revision <= revision(); 2. history revisions
// are strictly ordered by (revision, position) and > oldest_revision().
// Not thread-safe; pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/stored_object.hpp"
#include "messages/core/store.hpp"

namespace troupe::api {

struct cached_object {
  std::string key;
  const resource_info* resource = nullptr;  // the storage version's
  std::int64_t revision = 0;                // the key's mod_revision
  stored_object stored;
  std::string namespace_name;
  std::string name;
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> fields;
  bool deleting = false;  // metadata.deletionTimestamp is set

  // The JSON text with metadata.resourceVersion = `resource_version`.
  std::string text(std::int64_t resource_version) const;
  std::string text() const { return text(revision); }
};

using cached_pointer = std::shared_ptr<const cached_object>;

// One change: `object` is the new state (null for a delete), `previous` the
// state before (null for a creation).
struct cache_event {
  std::int64_t revision = 0;
  std::string key;
  cached_pointer object;
  cached_pointer previous;
};

// The storage resource a registry key belongs to, or null.
const resource_info* resource_of_key(std::string_view key);

// The cached form of a stored key-value, or nothing if it does not decode.
cached_pointer make_cached_object(const key_value& stored);

// The cached form of an object the api itself writes, from the JSON it
// already holds (no parsing); its revision is set once the write is done.
std::shared_ptr<cached_object> describe_written_object(std::string key,
                                                       const resource_info& resource,
                                                       stored_object stored,
                                                       const nlohmann::json& object);

// Where the cache may find the cached form of a change it is given, made
// before the change was written (the api's own writes); null to decode it.
using prepared_lookup = std::function<cached_pointer(const key_value& change)>;

class watch_cache {
 public:
  explicit watch_cache(std::size_t history_max);

  void reset(const std::vector<key_value>& objects, std::int64_t revision);
  std::vector<cache_event> apply(const watch_events& batch,
                                 const prepared_lookup& prepared = nullptr);

  std::int64_t revision() const { return revision_; }
  std::int64_t oldest_revision() const { return oldest_revision_; }
  std::size_t size() const { return objects_.size(); }
  std::size_t undecodable() const { return undecodable_; }

  cached_pointer get(const std::string& key) const;
  // Objects whose keys start with `prefix`, in key order.
  std::vector<cached_pointer> list(const std::string& prefix) const;
  // Changes after `revision` to keys starting with `prefix`, or nothing if
  // some are no longer held.
  std::optional<std::vector<cache_event>> events_after(std::int64_t revision,
                                                       const std::string& prefix) const;

 private:
  void remember(cache_event event);

  std::size_t history_max_;
  std::int64_t revision_ = 0;
  std::int64_t oldest_revision_ = 0;
  std::map<std::string, cached_pointer, std::less<>> objects_;
  std::deque<cache_event> history_;
  std::size_t undecodable_ = 0;
};

}  // namespace troupe::api
