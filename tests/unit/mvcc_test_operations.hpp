// Building blocks shared by the MVCC store's tests.
#pragma once

#include <string>
#include <utility>

#include "messages/core/store.hpp"

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

}  // namespace troupe::testing
