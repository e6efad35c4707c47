#include "storage/core/machine_state.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "storage/core/mvcc_store.hpp"

namespace troupe::storage {

namespace {

std::string name_of(const record_id& id) {
  return std::to_string(id.first) + "." + std::to_string(id.second);
}

}  // namespace

std::optional<std::string> machine_state::check(const machine_changes& changes) const {
  if (changes.applied < applied)
    return "state machine changes at index " + std::to_string(changes.applied) +
           " go back from index " + std::to_string(applied);
  std::set<record_id> written;
  for (const auto& record : changes.written) {
    record_id id{record.record.revision, record.record.sub_revision};
    if (records.contains(id) || !written.insert(id).second)
      return "record " + name_of(id) + " is written twice";
  }
  std::set<record_id> erased;
  for (const auto& id : changes.erased)
    if ((!records.contains(id) && !written.contains(id)) || !erased.insert(id).second)
      return "erased record " + name_of(id) + " is not stored";
  std::set<std::uint64_t> recorded;  // by this batch
  std::set<std::uint64_t> evicted;   // by this batch, since last recorded
  for (const auto& update : changes.clients) {
    recorded.insert(update.record.client);
    evicted.erase(update.record.client);
    if (!update.evicted) continue;
    auto client = *update.evicted;
    bool there =
        recorded.contains(client) || (clients.contains(client) && !evicted.contains(client));
    if (!there) return "evicted client " + std::to_string(client) + " is not stored";
    recorded.erase(client);
    evicted.insert(client);
  }
  return std::nullopt;
}

void machine_state::apply(const machine_changes& changes) {
  for (const auto& record : changes.written)
    records.emplace(record_id{record.record.revision, record.record.sub_revision}, record);
  for (const auto& id : changes.erased) records.erase(id);
  for (const auto& update : changes.clients) {
    clients[update.record.client] = update.record;
    if (update.evicted) clients.erase(*update.evicted);
  }
  applied = changes.applied;
  current_revision = changes.current_revision;
  compacted_revision = changes.compacted_revision;
}

machine_image machine_state::image() const {
  machine_image result{applied, current_revision, compacted_revision, {}, {}};
  for (const auto& [id, record] : records) result.records.push_back(record);
  for (const auto& [id, client] : clients) result.clients.push_back(client);
  std::sort(result.clients.begin(), result.clients.end(),
            [](const auto& first, const auto& second) { return first.use < second.use; });
  return result;
}

machine_state machine_state::of(const machine_image& image) {
  machine_state result{image.applied, image.current_revision, image.compacted_revision, {}, {}};
  for (const auto& record : image.records)
    result.records.emplace(record_id{record.record.revision, record.record.sub_revision}, record);
  for (const auto& client : image.clients) result.clients.emplace(client.client, client);
  return result;
}

std::variant<machine_image, std::string> machine_image_of(const snapshot& received) {
  auto restored = mvcc_store::restore(received.data);
  if (auto* error = std::get_if<store_error>(&restored))
    return "the snapshot at index " + std::to_string(received.metadata.index) +
           " does not restore: " + to_string(*error);
  return std::get<mvcc_store>(restored).image(received.metadata.index);
}

}  // namespace troupe::storage
