// mvcc_store's side of durable storage: the journal of changes, the whole
// image, and rebuilding a store from an image (machine_changes.hpp).
#include <algorithm>
#include <map>
#include <utility>

#include "storage/core/mvcc_store.hpp"

namespace troupe::storage {

machine_changes mvcc_store::take_changes(std::uint64_t applied) {
  machine_changes changes = std::move(journal_);
  journal_ = machine_changes{};
  changes.applied = applied;
  changes.current_revision = current_revision_;
  changes.compacted_revision = compacted_revision_;
  return changes;
}

machine_image mvcc_store::image(std::uint64_t applied) const {
  machine_image result{applied, current_revision_, compacted_revision_, {}, {}};
  for (const auto& [key, history] : keys_)
    for (const auto& record : history.records()) result.records.push_back({key, record});
  std::sort(result.records.begin(), result.records.end(),
            [](const machine_record& first, const machine_record& second) {
              return record_id{first.record.revision, first.record.sub_revision} <
                     record_id{second.record.revision, second.record.sub_revision};
            });
  result.clients = clients_.least_recent_first();
  return result;
}

std::variant<mvcc_store, store_error> mvcc_store::from_image(const machine_image& image) {
  constexpr auto corrupt = store_error::bad_data_dir;
  if (image.current_revision < 1 || image.compacted_revision < 0 ||
      image.compacted_revision > image.current_revision)
    return corrupt;
  std::map<std::string, std::vector<mvcc_key_record>, std::less<>> grouped;
  for (const auto& [key, record] : image.records) {
    if (key.empty() || record.revision > image.current_revision) return corrupt;
    grouped[key].push_back(record);
  }
  mvcc_store store;
  store.current_revision_ = image.current_revision;
  store.compacted_revision_ = image.compacted_revision;
  for (auto& [key, records] : grouped) {
    // from_records checks the order (image.records is in write order).
    auto history = mvcc_key_history::from_records(std::move(records), store.compacted_revision_);
    if (!history) return corrupt;
    store.keys_.emplace_hint(store.keys_.end(), key, std::move(*history));
  }
  if (!store.clients_.restore(image.clients) || !store.rebuild_changes()) return corrupt;
  return store;
}

}  // namespace troupe::storage
