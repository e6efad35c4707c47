#include "storage/core/mvcc_request_checks.hpp"

#include <vector>

namespace troupe::storage {

namespace {

bool is_known(txn_compare::target field) {
  switch (field) {
    case txn_compare::target::mod_revision:
    case txn_compare::target::create_revision:
    case txn_compare::target::version:
    case txn_compare::target::exists:
      return true;
  }
  return false;
}

bool is_known(txn_compare::op relation) {
  switch (relation) {
    case txn_compare::op::equal:
    case txn_compare::op::not_equal:
    case txn_compare::op::less:
    case txn_compare::op::greater:
      return true;
  }
  return false;
}

std::optional<store_error> check_compare(const txn_compare& compare) {
  // Enum values arrive from the wire, so an unknown one is bad input.
  if (compare.key.empty() || !is_known(compare.field) || !is_known(compare.relation)) {
    return store_error::malformed_request;
  }
  return std::nullopt;
}

std::optional<store_error> check_operation(const txn_operation& operation) {
  switch (operation.type) {
    case txn_operation::kind::put:
      // A put names one key; a range_end would silently mean nothing.
      if (operation.key.empty() || !operation.range_end.empty()) {
        return store_error::malformed_request;
      }
      if (operation.value.size() > value_bytes_max) return store_error::value_too_large;
      return std::nullopt;
    case txn_operation::kind::remove:
    case txn_operation::kind::range:
      if (!operation.value.empty()) return store_error::malformed_request;
      return check_key_range(mvcc_key_range{operation.key, operation.range_end});
  }
  return store_error::malformed_request;
}

std::optional<store_error> check_branch(const std::vector<txn_operation>& branch) {
  if (branch.size() > txn_operations_max) return store_error::malformed_request;
  for (const auto& operation : branch) {
    if (auto error = check_operation(operation)) return error;
  }
  return std::nullopt;
}

}  // namespace

std::optional<store_error> check_key_range(const mvcc_key_range& range) {
  if (range.key.empty()) return store_error::malformed_request;
  if (!range.is_single_key() && !range.is_unbounded() && range.range_end < range.key) {
    return store_error::malformed_request;
  }
  return std::nullopt;
}

std::optional<store_error> check_range_request(const range_request& request) {
  if (request.limit < 0 || request.revision < 0) return store_error::malformed_request;
  return check_key_range(mvcc_key_range{request.key, request.range_end});
}

std::optional<store_error> check_txn_request(const txn_request& request) {
  if (request.compares.size() > txn_compares_max) return store_error::malformed_request;
  for (const auto& compare : request.compares) {
    if (auto error = check_compare(compare)) return error;
  }
  if (auto error = check_branch(request.success)) return error;
  return check_branch(request.failure);
}

}  // namespace troupe::storage
