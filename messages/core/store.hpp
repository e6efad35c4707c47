// Messages of the consensus store (etcd's key-value API, the store issue).
// Keys and values are bytes held in std::string; revisions are the
// cluster-wide store revision.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace troupe {

struct key_value {
  std::string key;
  std::string value;
  std::int64_t create_revision = 0;
  std::int64_t mod_revision = 0;
  std::int64_t version = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, key_value& x) {
  return f(x.key, x.value, x.create_revision, x.mod_revision, x.version);
}

// Reads `key`, or [key, range_end) when range_end is set, at `revision`
// (0 = latest). `serializable` reads may be served locally without ReadIndex.
struct range_request {
  std::string key;
  std::string range_end;
  std::int64_t revision = 0;
  std::int64_t limit = 0;
  bool serializable = false;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, range_request& x) {
  return f(x.key, x.range_end, x.revision, x.limit, x.serializable);
}

struct range_response {
  std::vector<key_value> kvs;
  bool more = false;
  std::int64_t revision = 0;  // the store revision the read observed
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, range_response& x) {
  return f(x.kvs, x.more, x.revision);
}

// One compare of a transaction: the target field of `key` against `value`.
struct txn_compare {
  enum class target : std::uint8_t { mod_revision, create_revision, version, exists };
  enum class op : std::uint8_t { equal, not_equal, less, greater };
  std::string key;
  target field = target::mod_revision;
  op relation = op::equal;
  std::int64_t value = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, txn_compare& x) {
  return f(x.key, x.field, x.relation, x.value);
}

struct txn_operation {
  enum class kind : std::uint8_t { put, remove, range };
  kind type = kind::put;
  std::string key;
  std::string range_end;
  std::string value;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, txn_operation& x) {
  return f(x.type, x.key, x.range_end, x.value);
}

// If every compare holds, apply `success`, else `failure`, atomically.
// (client, sequence) make a retried transaction apply at most once.
struct txn_request {
  std::vector<txn_compare> compares;
  std::vector<txn_operation> success;
  std::vector<txn_operation> failure;
  std::uint64_t client = 0;
  std::uint64_t sequence = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, txn_request& x) {
  return f(x.compares, x.success, x.failure, x.client, x.sequence);
}

struct txn_response {
  bool succeeded = false;
  std::int64_t revision = 0;
  std::vector<range_response> reads;  // one per range operation executed
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, txn_response& x) {
  return f(x.succeeded, x.revision, x.reads);
}

// One transaction's outcome within a batch (txn_batch): the response, or a
// store_error code (non-zero) with its detail, as a single txn's error.
struct txn_outcome {
  txn_response response;
  std::uint8_t error = 0;
  std::string detail;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, txn_outcome& x) {
  return f(x.response, x.error, x.detail);
}

// Transactions sent together (the store client batches what it has queued),
// each with its own outcome, so one network message carries many.
struct txn_batch {
  std::vector<txn_request> requests;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, txn_batch& x) {
  return f(x.requests);
}

struct txn_batch_outcome {
  std::vector<txn_outcome> outcomes;  // one per request, in order
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, txn_batch_outcome& x) {
  return f(x.outcomes);
}

struct watch_request {
  std::string key;
  std::string range_end;
  std::int64_t start_revision = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, watch_request& x) {
  return f(x.key, x.range_end, x.start_revision);
}

// A batch of watch events, in revision order, with no gap.
struct watch_events {
  std::uint64_t watch_id = 0;
  std::vector<key_value> puts_and_deletes;  // value empty + version 0 = delete
  std::int64_t revision = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, watch_events& x) {
  return f(x.watch_id, x.puts_and_deletes, x.revision);
}

// A change of the store's replicas: one replica at a time, a new one joining
// as a learner (it catches up without voting) before it becomes a voter.
struct replica_change {
  enum class kind : std::uint8_t { add_learner, add_voter, remove };
  kind type = kind::add_learner;
  std::string replica;  // its node name
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, replica_change& x) {
  return f(x.type, x.replica);
}

// The store's replicas once a change has taken effect.
struct store_members {
  std::vector<std::string> voters;
  std::vector<std::string> learners;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, store_members& x) {
  return f(x.voters, x.learners);
}

// A Raft protocol message between replicas, encoded in the store's format.
// The bytes travel in a std::string: CAF serializes a string in one piece
// but a std::vector<std::uint8_t> element by element.
struct raft_envelope {
  std::string from;
  std::string to;
  std::string bytes;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, raft_envelope& x) {
  return f(x.from, x.to, x.bytes);
}

}  // namespace troupe
