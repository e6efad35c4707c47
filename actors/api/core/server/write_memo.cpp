#include "actors/api/core/server/write_memo.hpp"

#include <utility>
#include <variant>

namespace troupe::api {

namespace {

bool stores(const cached_object& object, const std::string& value) {
  auto decoded = decode_stored_object(value);
  const auto* stored = std::get_if<stored_object>(&decoded);
  return stored && stored->json == object.stored.json &&
         stored->resource_version_offset == object.stored.resource_version_offset;
}

}  // namespace

void write_memo::expect(std::shared_ptr<cached_object> written) {
  if (!written) return;
  if (entries_.size() >= entries_max_ && !entries_.contains(written->key)) return;
  written->revision = 0;
  auto key = written->key;
  entries_.insert_or_assign(std::move(key), std::move(written));
}

void write_memo::answered(const std::shared_ptr<cached_object>& written,
                          std::optional<std::int64_t> revision, std::int64_t cache_revision) {
  if (!written) return;
  auto found = entries_.find(written->key);
  // Replaced by a newer write, or its event came first and took it.
  if (found == entries_.end() || found->second != written) return;
  if (!revision || *revision <= cache_revision) {
    entries_.erase(found);
    return;
  }
  written->revision = *revision;
}

cached_pointer write_memo::match(const key_value& change) {
  auto found = entries_.find(change.key);
  if (found == entries_.end()) return nullptr;
  auto& object = found->second;
  if (object->revision == 0) {
    // Unanswered: another writer's change to the key leaves it waiting.
    if (!stores(*object, change.value)) return nullptr;
    object->revision = change.mod_revision;
  } else if (object->revision != change.mod_revision) {
    // Answered: an event before its revision is someone else's; one after
    // it means its own was missed.
    if (object->revision > change.mod_revision) return nullptr;
    entries_.erase(found);
    return nullptr;
  }
  cached_pointer matched = std::move(object);
  entries_.erase(found);
  return matched;
}

}  // namespace troupe::api
