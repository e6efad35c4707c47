#include "actors/api/core/server/watch_filter.hpp"

namespace troupe::api {

bool watch_filter::matches(const cached_object& object) const {
  if (!std::string_view(object.key).starts_with(prefix)) return false;
  if (!labels.empty() && !labels.matches(object.labels)) return false;
  return fields.empty() || fields.matches(object.fields);
}

const char* to_string(watch_event_type type) {
  switch (type) {
    case watch_event_type::added:
      return "ADDED";
    case watch_event_type::modified:
      return "MODIFIED";
    case watch_event_type::deleted:
      return "DELETED";
  }
  return "ERROR";
}

std::optional<filtered_event> filter_event(const cache_event& event, const watch_filter& filter) {
  const bool now = event.object && filter.matches(*event.object);
  const bool before = event.previous && filter.matches(*event.previous);
  if (now && before)
    return filtered_event{watch_event_type::modified, event.object, event.revision};
  if (now) return filtered_event{watch_event_type::added, event.object, event.revision};
  if (before) return filtered_event{watch_event_type::deleted, event.previous, event.revision};
  return std::nullopt;
}

std::vector<cached_pointer> select_objects(const watch_cache& cache, const watch_filter& filter) {
  std::vector<cached_pointer> selected;
  for (auto& object : cache.list(filter.prefix))
    if (filter.matches(*object)) selected.push_back(std::move(object));
  return selected;
}

}  // namespace troupe::api
