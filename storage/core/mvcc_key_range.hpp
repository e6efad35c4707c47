// The set of keys a range, delete or watch names, in etcd's encoding: `key`
// alone is that one key; `range_end` = "\0" (one NUL byte) is every key >= key;
// any other `range_end` is the half-open interval [key, range_end).
//
// A view: it borrows both strings, which must outlive it. Validity (non-empty
// key, range_end >= key) is checked by mvcc_request_checks.hpp, not here.
#pragma once

#include <string_view>

namespace troupe::storage {

struct mvcc_key_range {
  std::string_view key;
  std::string_view range_end;

  bool is_single_key() const { return range_end.empty(); }
  bool is_unbounded() const { return range_end == std::string_view("\0", 1); }

  bool contains(std::string_view candidate) const {
    if (is_single_key()) return candidate == key;
    if (candidate < key) return false;
    return is_unbounded() || candidate < range_end;
  }
};

}  // namespace troupe::storage
