// Building blocks shared by the MVCC store's tests.
#pragma once

#include <string>
#include <utility>

#include <catch2/catch.hpp>

#include <variant>

#include "messages/core/store.hpp"
#include "storage/core/mvcc_store.hpp"

namespace troupe::testing {

// etcd's way of naming every key: from "\0" to the end.
inline const std::string every_key_from(1, '\0');

inline txn_operation put_operation(std::string key, std::string value) {
  return txn_operation{txn_operation::kind::put, std::move(key), {}, std::move(value)};
}

inline txn_operation remove_operation(std::string key, std::string range_end = {}) {
  return txn_operation{txn_operation::kind::remove, std::move(key), std::move(range_end), {}};
}

inline txn_operation range_operation(std::string key, std::string range_end = {}) {
  return txn_operation{txn_operation::kind::range, std::move(key), std::move(range_end), {}};
}

// Applies a txn the store must accept.
inline txn_response apply(storage::mvcc_store& store, const txn_request& request) {
  auto result = store.txn(request);
  REQUIRE(std::holds_alternative<txn_response>(result));
  return std::get<txn_response>(result);
}

}  // namespace troupe::testing
