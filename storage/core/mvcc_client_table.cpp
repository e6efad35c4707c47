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

std::pair<mvcc_client_record, std::optional<std::uint64_t>> mvcc_client_table::record(
    std::uint64_t client, std::uint64_t sequence, txn_response response) {
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
  std::pair<mvcc_client_record, std::optional<std::uint64_t>> result{
      mvcc_client_record{client, sequence, record.response, record.last_use}, std::nullopt};
  if (entries_.size() > capacity_) {
    auto least_recent = clients_by_last_use_.begin();
    result.second = least_recent->second;
    entries_.erase(least_recent->second);
    clients_by_last_use_.erase(least_recent);
  }
  assert(entries_.size() == clients_by_last_use_.size());
  return result;
}

bool mvcc_client_table::restore(const std::vector<mvcc_client_record>& records) {
  entries_.clear();
  clients_by_last_use_.clear();
  uses_ = 0;
  bool valid = records.size() <= capacity_;
  for (const auto& record : records) {
    if (!valid || record.client == 0 || record.use <= uses_ || entries_.contains(record.client)) {
      valid = false;
      break;
    }
    entries_[record.client] = entry{record.sequence, record.response, record.use};
    clients_by_last_use_.emplace(record.use, record.client);
    uses_ = record.use;
  }
  if (valid) return true;
  entries_.clear();
  clients_by_last_use_.clear();
  uses_ = 0;
  return false;
}

std::vector<mvcc_client_record> mvcc_client_table::least_recent_first() const {
  std::vector<mvcc_client_record> records;
  records.reserve(entries_.size());
  for (const auto& [last_use, client] : clients_by_last_use_) {
    const auto& record = entries_.at(client);
    records.push_back(mvcc_client_record{client, record.sequence, record.response, last_use});
  }
  return records;
}

}  // namespace troupe::storage
