// At-most-once bookkeeping for transactions: per client, the highest applied
// sequence and the response it produced, so a retried transaction (the client
// did not see the answer and sends it again) is answered, not re-applied.
//
// Bounded: at most `capacity` clients (clients_max in the store); recording a
// new client beyond that evicts the least recently recorded one. An evicted
// client that retries an old sequence is treated as new and re-applied, so the
// guarantee holds for the `capacity` most recently active clients. Recency is
// the order of record() calls, which replicas make in log order, so every
// replica evicts the same clients.
//
// Not thread-safe; a value type. Lookups are O(log clients).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "messages/core/error_codes.hpp"
#include "messages/core/store.hpp"

namespace troupe::storage {

// How many clients' last responses the store remembers: a few per node and
// controller of a large cluster, each holding one response.
constexpr std::size_t clients_max = 10'000;

struct mvcc_client_record {
  std::uint64_t client = 0;
  std::uint64_t sequence = 0;
  txn_response response;
  // When it was recorded, on the table's logical clock: durable storage keeps
  // it so that a reloaded table evicts in the same order.
  std::uint64_t use = 0;
};

class mvcc_client_table {
 public:
  explicit mvcc_client_table(std::size_t capacity = clients_max);

  // Nothing when `sequence` is new for `client` (apply it); the recorded
  // response for a retry of the last applied sequence; malformed_request for
  // an older, stale sequence.
  std::optional<std::variant<txn_response, store_error>> applied(std::uint64_t client,
                                                                 std::uint64_t sequence) const;

  // Remembers `sequence` as the client's last applied one and makes the
  // client the most recently used, evicting the least recent beyond capacity.
  // Returns the new record (with its use stamp) and the evicted client, if any.
  std::pair<mvcc_client_record, std::optional<std::uint64_t>> record(std::uint64_t client,
                                                                     std::uint64_t sequence,
                                                                     txn_response response);

  // Every record, least recently used first (the order record() must replay).
  std::vector<mvcc_client_record> least_recent_first() const;

  // Rebuilds a table from records of least_recent_first() or record(), keeping
  // their use stamps (strictly increasing, clients distinct and non-zero, at
  // most capacity); false, leaving the table empty, for anything else.
  bool restore(const std::vector<mvcc_client_record>& records);

  bool contains(std::uint64_t client) const { return entries_.contains(client); }
  std::size_t size() const { return entries_.size(); }
  std::size_t capacity() const { return capacity_; }

 private:
  struct entry {
    std::uint64_t sequence = 0;
    txn_response response;
    std::uint64_t last_use = 0;
  };

  std::size_t capacity_;
  std::uint64_t uses_ = 0;  // a logical clock: one tick per record()
  std::map<std::uint64_t, entry> entries_;
  std::map<std::uint64_t, std::uint64_t> clients_by_last_use_;
};

}  // namespace troupe::storage
