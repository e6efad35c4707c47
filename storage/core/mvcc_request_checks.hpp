// The limits of the MVCC store and the checks that refuse a request before it
// touches any state. A request that passes these checks cannot fail halfway:
// that is what makes a refused transaction change nothing.
//
// Pure functions; each returns the first violation found, or nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "messages/core/error_codes.hpp"
#include "messages/core/store.hpp"
#include "storage/core/mvcc_key_range.hpp"

namespace troupe::storage {

// etcd's default request limit (--max-request-bytes): a value must fit one
// Raft entry (encoded_log_entry_bytes_max leaves room for the envelope).
constexpr std::size_t value_bytes_max = 1536 * 1024;

// etcd's default --max-txn-ops: bounds the work and the log entry of one txn.
constexpr std::size_t txn_operations_max = 128;

// Compares are evaluated against the live state in one pass; same bound as
// operations so one transaction's cost stays predictable.
constexpr std::size_t txn_compares_max = 128;

// A key must be non-empty; when range_end is neither empty nor "\0" it must
// not sort before key.
std::optional<store_error> check_key_range(const mvcc_key_range& range);

// Range reads: a valid key range, a non-negative limit and revision.
std::optional<store_error> check_range_request(const range_request& request);

// Every compare and both branches are checked, whichever would run, so the
// verdict does not depend on the state.
std::optional<store_error> check_txn_request(const txn_request& request);

}  // namespace troupe::storage
