#include "storage/core/mvcc_key_history.hpp"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <utility>

namespace troupe::storage {

namespace {

bool precedes(const mvcc_key_record& first, const mvcc_key_record& second) {
  return std::pair(first.revision, first.sub_revision) <
         std::pair(second.revision, second.sub_revision);
}

bool is_well_formed(const mvcc_key_record& record) {
  if (record.revision < 1 || record.sub_revision < 0) return false;
  if (record.is_tombstone()) return record.create_revision == 0 && record.value.empty();
  return record.version >= 1 && record.create_revision >= 1 &&
         record.create_revision <= record.revision;
}

// Invariant 3 and the version chain: a put continues its generation, a put
// after a tombstone starts a new one, and a tombstone ends a live generation.
bool follows(const mvcc_key_record& previous, const mvcc_key_record& record) {
  if (!precedes(previous, record)) return false;
  if (record.is_tombstone()) return !previous.is_tombstone();
  if (previous.is_tombstone()) {
    return record.version == 1 && record.create_revision == record.revision;
  }
  return record.version == previous.version + 1 &&
         record.create_revision == previous.create_revision;
}

}  // namespace

std::optional<mvcc_key_history> mvcc_key_history::from_records(std::vector<mvcc_key_record> records,
                                                               std::int64_t compacted_revision) {
  if (records.empty()) return std::nullopt;
  std::size_t below_compaction = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!is_well_formed(records[i])) return std::nullopt;
    if (i > 0 && !follows(records[i - 1], records[i])) return std::nullopt;
    if (records[i].revision < compacted_revision) {
      if (records[i].is_tombstone()) return std::nullopt;
      ++below_compaction;
    }
  }
  if (below_compaction > 1) return std::nullopt;
  mvcc_key_history history;
  history.records_ = std::move(records);
  return history;
}

const mvcc_key_record* mvcc_key_history::live_at(std::int64_t revision) const {
  auto after = std::upper_bound(
      records_.begin(), records_.end(), revision,
      [](std::int64_t wanted, const mvcc_key_record& record) { return wanted < record.revision; });
  if (after == records_.begin()) return nullptr;
  const auto& record = *std::prev(after);
  return record.is_tombstone() ? nullptr : &record;
}

const mvcc_key_record* mvcc_key_history::latest_live() const {
  if (records_.empty() || records_.back().is_tombstone()) return nullptr;
  return &records_.back();
}

const mvcc_key_record* mvcc_key_history::find(std::int64_t revision,
                                              std::int64_t sub_revision) const {
  mvcc_key_record wanted{revision, sub_revision};
  auto found = std::lower_bound(records_.begin(), records_.end(), wanted, precedes);
  if (found == records_.end() || precedes(wanted, *found)) return nullptr;
  return &*found;
}

void mvcc_key_history::put(std::int64_t revision, std::int64_t sub_revision, std::string value) {
  const auto* previous = latest_live();
  mvcc_key_record record{revision, sub_revision, revision, 1, std::move(value)};
  if (previous) {
    record.create_revision = previous->create_revision;
    record.version = previous->version + 1;
  }
  append(std::move(record));
}

void mvcc_key_history::remove(std::int64_t revision, std::int64_t sub_revision) {
  assert(latest_live() && "only a live key can be deleted");
  append(mvcc_key_record{revision, sub_revision, 0, 0, {}});
}

void mvcc_key_history::compact(std::int64_t revision, std::vector<record_id>& dropped) {
  auto first_kept = std::lower_bound(
      records_.begin(), records_.end(), revision,
      [](const mvcc_key_record& record, std::int64_t wanted) { return record.revision < wanted; });
  // Without a record at `revision` itself, the last one below it is the
  // key's state as of `revision`: keep it if the key was live then.
  bool written_at_revision = first_kept != records_.end() && first_kept->revision == revision;
  if (!written_at_revision && first_kept != records_.begin() &&
      !std::prev(first_kept)->is_tombstone()) {
    --first_kept;
  }
  for (auto position = records_.begin(); position != first_kept; ++position)
    dropped.emplace_back(position->revision, position->sub_revision);
  records_.erase(records_.begin(), first_kept);
}

void mvcc_key_history::append(mvcc_key_record record) {
  assert(records_.empty() || precedes(records_.back(), record));
  records_.push_back(std::move(record));
}

}  // namespace troupe::storage
