#include "storage/core/memory_log_store.hpp"

#include <algorithm>

namespace troupe::storage {

namespace {

std::uint64_t snapshot_index(const stored_state& contents) {
  return contents.image ? contents.image->metadata.index : 0;
}

// The index a new entry at `first` must follow: stored entries before it, or
// the snapshot.
bool fits(const stored_state& contents, std::uint64_t first) {
  auto base = snapshot_index(contents);
  auto last = contents.entries.empty() ? base : contents.entries.back().index;
  return first > base && first <= last + 1;
}

}  // namespace

std::optional<log_store_error> apply_save(stored_state& contents,
                                          const std::optional<snapshot>& image,
                                          std::span<const log_entry> entries,
                                          const std::optional<hard_state>& state) {
  auto next = contents;
  if (image) {
    next.entries.clear();  // a received snapshot replaces the whole log
    next.image = image;
  }
  if (!entries.empty()) {
    if (!fits(next, entries.front().index))
      return log_store_error{store_error::malformed_request,
                             "entries from " + std::to_string(entries.front().index) +
                                 " do not follow the stored log"};
    for (std::size_t i = 1; i < entries.size(); ++i)
      if (entries[i].index != entries[i - 1].index + 1)
        return log_store_error{store_error::malformed_request,
                               "entries are not contiguous at " + std::to_string(entries[i].index)};
    auto first = entries.front().index;
    std::erase_if(next.entries, [&](const log_entry& entry) { return entry.index >= first; });
    next.entries.insert(next.entries.end(), entries.begin(), entries.end());
  }
  if (state) next.state = *state;
  contents = std::move(next);
  return std::nullopt;
}

std::optional<log_store_error> memory_log_store::injected_failure() {
  if (disk_->failing_writes == 0) return std::nullopt;
  --disk_->failing_writes;
  return log_store_error{store_error::timeout, "injected write failure"};
}

std::variant<stored_state, log_store_error> memory_log_store::load() {
  return disk_->contents;
}

std::optional<log_store_error> memory_log_store::save(const std::optional<snapshot>& image,
                                                      std::span<const log_entry> entries,
                                                      const std::optional<hard_state>& state) {
  if (auto failure = injected_failure()) return failure;
  if (auto error = apply_save(disk_->contents, image, entries, state)) return error;
  ++disk_->writes;
  return std::nullopt;
}

std::optional<log_store_error> memory_log_store::compact(const snapshot& image) {
  if (auto failure = injected_failure()) return failure;
  auto& contents = disk_->contents;
  if (image.metadata.index <= snapshot_index(contents)) return std::nullopt;
  std::erase_if(contents.entries,
                [&](const log_entry& entry) { return entry.index <= image.metadata.index; });
  contents.image = image;
  ++disk_->writes;
  return std::nullopt;
}

}  // namespace troupe::storage
