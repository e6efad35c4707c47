// Which cached objects and changes a list or watch sees: its collection
// prefix (resource and namespace), label selector and field selector, with
// kube's cacheWatcher rules for changes: a change seen before and after is
// MODIFIED; one that starts to match is ADDED; one that stops matching (or
// is deleted) is DELETED carrying the previous state with the change's
// resource version. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/api/core/server/watch_cache.hpp"
#include "messages/core/field_selector.hpp"
#include "messages/core/label_selector.hpp"

namespace troupe::api {

struct watch_filter {
  std::string prefix;
  label_selector labels;
  field_selector fields;

  bool matches(const cached_object& object) const;
};

enum class watch_event_type { added, modified, deleted };

const char* to_string(watch_event_type type);

struct filtered_event {
  watch_event_type type = watch_event_type::added;
  // The state to send, and the resource version to send it with.
  cached_pointer object;
  std::int64_t resource_version = 0;

  std::string text() const { return object->text(resource_version); }
};

std::optional<filtered_event> filter_event(const cache_event& event, const watch_filter& filter);

// The objects of the cache the filter selects, in key order.
std::vector<cached_pointer> select_objects(const watch_cache& cache, const watch_filter& filter);

}  // namespace troupe::api
