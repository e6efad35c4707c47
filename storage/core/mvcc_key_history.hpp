// The retained writes of one key, oldest first, as etcd's keyIndex plus the
// values. A write is identified by (revision, sub_revision): the store revision
// of its transaction and its position among that transaction's writes.
//
// Invariants:
//   1. Records are strictly increasing by (revision, sub_revision).
//   2. A tombstone (version 0) has create_revision 0 and an empty value; a live
//      record has 1 <= create_revision <= revision and version >= 1.
//   3. A tombstone only follows a live record (only a live key can be deleted),
//      except at the front after compaction dropped what preceded it.
//   4. After compact(c): at most one record has revision < c, and it is live
//      (it is the key's state as of c).
// Not thread-safe; a value type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace troupe::storage {

// Names one write of the store: (revision, sub_revision).
using record_id = std::pair<std::int64_t, std::int64_t>;

struct mvcc_key_record {
  std::int64_t revision = 0;
  std::int64_t sub_revision = 0;
  std::int64_t create_revision = 0;  // 0 for a tombstone
  std::int64_t version = 0;          // 0 for a tombstone: the key was deleted
  std::string value;

  bool is_tombstone() const { return version == 0; }
  friend bool operator==(const mvcc_key_record&, const mvcc_key_record&) = default;
};

class mvcc_key_history {
 public:
  mvcc_key_history() = default;

  // Takes records read from a snapshot; nothing if they are empty or break an
  // invariant (4 against `compacted_revision`) or the chain of versions.
  static std::optional<mvcc_key_history> from_records(std::vector<mvcc_key_record> records,
                                                      std::int64_t compacted_revision);

  // The live record visible at `revision` (the last one at or below it), or
  // null when the key did not exist then. O(log records).
  const mvcc_key_record* live_at(std::int64_t revision) const;

  // The live record after every write so far, or null. O(1).
  const mvcc_key_record* latest_live() const;

  // The record written at exactly (revision, sub_revision), or null.
  const mvcc_key_record* find(std::int64_t revision, std::int64_t sub_revision) const;

  // Appends a put; (revision, sub_revision) must follow every record.
  void put(std::int64_t revision, std::int64_t sub_revision, std::string value);

  // Appends a tombstone; the key must be live.
  void remove(std::int64_t revision, std::int64_t sub_revision);

  // Drops records not needed to read at `revision` or later (invariant 4),
  // adding their ids to `dropped`.
  void compact(std::int64_t revision, std::vector<record_id>& dropped);

  bool empty() const { return records_.empty(); }
  const std::vector<mvcc_key_record>& records() const { return records_; }

 private:
  void append(mvcc_key_record record);

  std::vector<mvcc_key_record> records_;
};

}  // namespace troupe::storage
