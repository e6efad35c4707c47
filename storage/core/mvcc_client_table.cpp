#include "storage/core/mvcc_client_table.hpp"

#include <cassert>
#include <utility>

namespace troupe::storage {

mvcc_client_table::mvcc_client_table(std::size_t capacity) : capacity_(capacity) {
  assert(capacity_ > 0);
}

std::optional<std::variant<txn_response, store_error>> mvcc_client_table::applied(
    std::uint64_t client, std::uint64_t sequence) const {
  auto found = entries_.find(client);
  if (found == entries_.end() || sequence > found->second.sequence) return std::nullopt;
  if (sequence == found->second.sequence) return found->second.response;
  return store_error::malformed_request;
}

void mvcc_client_table::record(std::uint64_t client, std::uint64_t sequence,
                               txn_response response) {
  auto [position, inserted] = entries_.try_emplace(client);
  auto& record = position->second;
  if (!inserted) {
    assert(sequence > record.sequence && "a sequence is applied at most once");
    clients_by_last_use_.erase(record.last_use);
  }
  record.sequence = sequence;
  record.response = std::move(response);
  record.last_use = ++uses_;
  clients_by_last_use_.emplace(record.last_use, client);
  if (entries_.size() > capacity_) {
    auto least_recent = clients_by_last_use_.begin();
    entries_.erase(least_recent->second);
    clients_by_last_use_.erase(least_recent);
  }
  assert(entries_.size() == clients_by_last_use_.size());
}

std::vector<mvcc_client_record> mvcc_client_table::least_recent_first() const {
  std::vector<mvcc_client_record> records;
  records.reserve(entries_.size());
  for (const auto& [last_use, client] : clients_by_last_use_) {
    const auto& record = entries_.at(client);
    records.push_back(mvcc_client_record{client, record.sequence, record.response});
  }
  return records;
}

}  // namespace troupe::storage
