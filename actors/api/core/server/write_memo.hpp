// The cached form of objects this api is writing, kept for the store watch
// events of those writes so the watch cache does not decode again what the
// api already described (watch_cache::apply's `prepared` lookup).
//
// A write is expected before its txn goes to the store (expect) and is told
// its outcome when the answer comes (answered). Its event may arrive before
// the answer (the store sends both at once, and the answer takes one hop
// more through the store client), so an event matches an entry either by the
// revision its answer gave or, still unanswered, by the stored bytes: the
// cached object then describes exactly the value stored at the event's
// revision, whichever write put it there.
//
// Invariants: 1. at most one entry per key (a newer write replaces an older
// one's, whose event then decodes); 2. an entry's object is handed out at
// most once, and is never changed after that; 3. at most `entries_max`
// entries (beyond it writes are not remembered: their events decode).
// Not thread-safe; pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "actors/api/core/server/watch_cache.hpp"
#include "messages/core/store.hpp"

namespace troupe::api {

class write_memo {
 public:
  explicit write_memo(std::size_t entries_max) : entries_max_(entries_max) {}

  // `written` (its key and stored form) is about to be written.
  void expect(std::shared_ptr<cached_object> written);
  // The write's answer: the revision it committed at, or none (refused or
  // failed). `cache_revision` is the watch cache's: an event at or below it
  // has been applied already.
  void answered(const std::shared_ptr<cached_object>& written, std::optional<std::int64_t> revision,
                std::int64_t cache_revision);
  // For watch_cache::apply: the object remembered for `change`, or null
  // (decode it).
  cached_pointer match(const key_value& change);

  void clear() { entries_.clear(); }
  std::size_t size() const { return entries_.size(); }

 private:
  // Entries whose answer has not come yet have revision 0.
  std::unordered_map<std::string, std::shared_ptr<cached_object>> entries_;
  std::size_t entries_max_;
};

}  // namespace troupe::api
