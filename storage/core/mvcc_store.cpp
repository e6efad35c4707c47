#include "storage/core/mvcc_store.hpp"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <utility>

#include "storage/core/mvcc_request_checks.hpp"

namespace troupe::storage {

namespace {

// The keys of `range` in `keys` as [first, last); the range must be valid.
template <class Map>
auto keys_in(Map& keys, const mvcc_key_range& range) {
  using iterator = decltype(keys.begin());
  if (range.is_single_key()) {
    auto found = keys.find(range.key);
    if (found == keys.end()) return std::pair<iterator, iterator>(found, found);
    return std::pair<iterator, iterator>(found, std::next(found));
  }
  assert(!check_key_range(range));
  auto last = range.is_unbounded() ? keys.end() : keys.lower_bound(range.range_end);
  return std::pair<iterator, iterator>(keys.lower_bound(range.key), last);
}

key_value to_key_value(const std::string& key, const mvcc_key_record& record) {
  return key_value{key, record.value, record.create_revision, record.revision, record.version};
}

std::int64_t field_of(const mvcc_key_record* live, txn_compare::target field) {
  if (!live) return 0;
  switch (field) {
    case txn_compare::target::mod_revision:
      return live->revision;
    case txn_compare::target::create_revision:
      return live->create_revision;
    case txn_compare::target::version:
      return live->version;
    case txn_compare::target::exists:
      return 1;
  }
  assert(false && "compare targets are checked before evaluation");
  return 0;
}

}  // namespace

std::size_t mvcc_store::retained_record_count() const {
  std::size_t count = 0;
  for (const auto& [key, history] : keys_) count += history.records().size();
  return count;
}

store_result<range_response> mvcc_store::range(const range_request& request) const {
  if (auto error = check_range_request(request)) return *error;
  std::int64_t revision = request.revision == 0 ? current_revision_ : request.revision;
  if (revision > current_revision_) return store_error::future_revision;
  if (revision < compacted_revision_) return store_error::compacted;
  return read(mvcc_key_range{request.key, request.range_end}, revision, request.limit);
}

range_response mvcc_store::read(const mvcc_key_range& range, std::int64_t revision,
                                std::int64_t limit) const {
  range_response response;
  response.revision = current_revision_;
  auto [first, last] = keys_in(keys_, range);
  for (auto position = first; position != last; ++position) {
    const auto* record = position->second.live_at(revision);
    if (!record) continue;
    if (limit > 0 && response.kvs.size() == static_cast<std::size_t>(limit)) {
      response.more = true;
      break;
    }
    response.kvs.push_back(to_key_value(position->first, *record));
  }
  return response;
}

store_result<txn_response> mvcc_store::txn(const txn_request& request) {
  if (request.client != 0) {
    if (auto applied = clients_.applied(request.client, request.sequence)) return *applied;
  }
  if (auto error = check_txn_request(request)) return *error;
  bool succeeded = std::all_of(request.compares.begin(), request.compares.end(),
                               [this](const txn_compare& compare) { return holds(compare); });
  auto response = apply(succeeded ? request.success : request.failure, succeeded);
  if (request.client != 0) {
    auto [record, evicted] = clients_.record(request.client, request.sequence, response);
    if (journaling_) journal_.clients.push_back(client_update{std::move(record), evicted});
  }
  return response;
}

bool mvcc_store::holds(const txn_compare& compare) const {
  auto found = keys_.find(compare.key);
  const auto* live = found == keys_.end() ? nullptr : found->second.latest_live();
  std::int64_t actual = field_of(live, compare.field);
  switch (compare.relation) {
    case txn_compare::op::equal:
      return actual == compare.value;
    case txn_compare::op::not_equal:
      return actual != compare.value;
    case txn_compare::op::less:
      return actual < compare.value;
    case txn_compare::op::greater:
      return actual > compare.value;
  }
  assert(false && "compare relations are checked before evaluation");
  return false;
}

txn_response mvcc_store::apply(const std::vector<txn_operation>& branch, bool succeeded) {
  // Writes go straight into the histories at the next revision: the request
  // was checked, so nothing below can fail and leave a partial transaction.
  std::int64_t revision = current_revision_ + 1;
  std::int64_t writes = 0;
  txn_response response;
  response.succeeded = succeeded;
  for (const auto& operation : branch) {
    mvcc_key_range range{operation.key, operation.range_end};
    switch (operation.type) {
      case txn_operation::kind::put:
        put(operation.key, operation.value, revision, writes++);
        break;
      case txn_operation::kind::remove: {
        std::int64_t removed = remove(range, revision, writes);
        writes += removed;
        break;
      }
      case txn_operation::kind::range:
        // Reading at the write revision sees this transaction's earlier writes.
        response.reads.push_back(read(range, revision, 0));
        break;
    }
  }
  if (writes > 0) current_revision_ = revision;
  response.revision = current_revision_;
  for (auto& read_response : response.reads) read_response.revision = current_revision_;
  return response;
}

void mvcc_store::put(const std::string& key, const std::string& value, std::int64_t revision,
                     std::int64_t sub_revision) {
  auto& history = keys_[key];
  history.put(revision, sub_revision, value);
  changes_.push_back(change{revision, sub_revision, key, false});
  if (journaling_) journal_.written.push_back(machine_record{key, history.records().back()});
}

std::int64_t mvcc_store::remove(const mvcc_key_range& range, std::int64_t revision,
                                std::int64_t sub_revision) {
  std::int64_t removed = 0;
  auto [first, last] = keys_in(keys_, range);
  for (auto position = first; position != last; ++position) {
    if (!position->second.latest_live()) continue;
    position->second.remove(revision, sub_revision + removed);
    changes_.push_back(change{revision, sub_revision + removed, position->first, true});
    if (journaling_)
      journal_.written.push_back(
          machine_record{position->first, position->second.records().back()});
    ++removed;
  }
  return removed;
}

store_result<mvcc_event_batch> mvcc_store::events(std::string_view key, std::string_view range_end,
                                                  std::int64_t from_revision,
                                                  std::size_t max_events) const {
  mvcc_key_range range{key, range_end};
  if (auto error = check_key_range(range)) return *error;
  if (from_revision < 1 || max_events == 0) return store_error::malformed_request;
  if (from_revision < compacted_revision_) return store_error::compacted;
  mvcc_event_batch batch;
  auto position = std::lower_bound(
      changes_.begin(), changes_.end(), from_revision,
      [](const change& entry, std::int64_t wanted) { return entry.revision < wanted; });
  std::size_t scanned = 0;
  while (position != changes_.end()) {
    std::int64_t revision = position->revision;
    if (scanned >= event_scan_changes_max) {
      batch.next_revision = revision;
      return batch;
    }
    std::size_t before = batch.events.size();
    for (; position != changes_.end() && position->revision == revision; ++position) {
      ++scanned;
      if (range.contains(position->key)) batch.events.push_back(event_of(*position));
    }
    // Whole revisions only: give back this one unless it is alone.
    if (before > 0 && batch.events.size() > max_events) {
      batch.events.resize(before);
      batch.next_revision = revision;
      return batch;
    }
    if (batch.events.size() >= max_events) {
      batch.next_revision = revision + 1;
      return batch;
    }
  }
  batch.next_revision = std::max(from_revision, current_revision_ + 1);
  return batch;
}

key_value mvcc_store::event_of(const change& entry) const {
  if (entry.deleted) return key_value{entry.key, {}, 0, entry.revision, 0};
  auto found = keys_.find(entry.key);
  assert(found != keys_.end() && "a change is never older than its key's history (invariant 3)");
  const auto* record = found->second.find(entry.revision, entry.sub_revision);
  assert(record && "records at or above the compaction revision are all retained");
  return to_key_value(entry.key, *record);
}

std::optional<store_error> mvcc_store::compact(std::int64_t revision) {
  if (revision > current_revision_) return store_error::future_revision;
  if (revision <= compacted_revision_) return store_error::compacted;
  // Only keys written since the last compaction can hold records it drops:
  // any other key has at most one record below that compaction, live (key
  // history invariant 4), and it is still the key's state as of `revision`.
  // Those writes are the front of changes_ (invariant 3), so compaction costs
  // what it reclaims rather than a pass over every key.
  std::vector<record_id> dropped;
  while (!changes_.empty() && changes_.front().revision < revision) {
    auto position = keys_.find(changes_.front().key);
    if (position != keys_.end()) {
      position->second.compact(revision, dropped);
      if (position->second.empty()) keys_.erase(position);
    }
    changes_.pop_front();
  }
  compacted_revision_ = revision;
  if (journaling_) journal_.erased.insert(journal_.erased.end(), dropped.begin(), dropped.end());
  return std::nullopt;
}

bool mvcc_store::rebuild_changes() {
  changes_.clear();
  for (const auto& [key, history] : keys_) {
    for (const auto& record : history.records()) {
      if (record.revision < compacted_revision_) continue;
      changes_.push_back(change{record.revision, record.sub_revision, key, record.is_tombstone()});
    }
  }
  auto order = [](const change& first, const change& second) {
    return std::pair(first.revision, first.sub_revision) <
           std::pair(second.revision, second.sub_revision);
  };
  std::sort(changes_.begin(), changes_.end(), order);
  auto same_write = [&order](const change& first, const change& second) {
    return !order(first, second) && !order(second, first);
  };
  return std::adjacent_find(changes_.begin(), changes_.end(), same_write) == changes_.end();
}

std::optional<std::int64_t> retention_compaction_revision(std::int64_t current_revision,
                                                          std::int64_t compacted_revision,
                                                          std::int64_t revisions_retained) {
  assert(revisions_retained >= 0);
  std::int64_t target = current_revision - revisions_retained;
  if (target < 1 || target <= compacted_revision) return std::nullopt;
  return target;
}

}  // namespace troupe::storage
