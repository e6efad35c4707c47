// One API request as a pure state machine, in the shape of etcd-raft's
// Ready (STYLE.md): the api actor asks the operation for its next step,
// carries it out (a store read, a store transaction) and hands the result
// back, until the step is an answer. The operation never does I/O; time and
// randomness come in through the context. Lists and watches are mostly served
// by the watch cache instead (watch_cache.hpp; the api actor decides, as
// kube's shouldDelegateList does, which lists the store serves).
//
// Steps:
//   read_keys    read these keys linearizably (each may be absent); with
//                from_cache the actor may answer from its watch cache, which
//                can be stale: operations re-read from the store before
//                acting on a cached value in a way that matters;
//   read_range   read every key in [key, range_end) at revision (0: latest);
//   write        run this transaction;
//   stream_logs  hand the request to the pod's node (the kubelet's logs);
//   answer       the final response.
// Contract: an operation is driven strictly in order (start, then one
// on_* per step it returned) and ends with an answer after a bounded number
// of steps (conflict retries are bounded).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/object_meta.hpp"
#include "actors/api/core/server/watch_cache.hpp"
#include "messages/core/api.hpp"
#include "messages/core/error_codes.hpp"
#include "messages/core/store.hpp"

namespace troupe::api {

struct read_keys {
  std::vector<std::string> keys;
  bool from_cache = false;
};

struct read_range {
  range_request range;
};

struct write {
  txn_request txn;
  // When the txn puts one object the operation already holds: its cached
  // form, so the watch cache need not decode the change (optional).
  std::shared_ptr<cached_object> written;
};

struct stream_logs {
  std::string node;  // spec.nodeName of the pod
  std::string namespace_name;
  std::string pod;
  std::string container;
  api_request request;
};

struct answer {
  api_response response;
};

using operation_step = std::variant<read_keys, read_range, write, stream_logs, answer>;

struct operation_context {
  api_clock::time_point now;
  api_random& random;
};

class api_operation {
 public:
  virtual ~api_operation() = default;
  // The work that needs neither the store nor the cache (decoding,
  // defaulting and validating a body), called once before start; a
  // failure found here is answered by start.
  virtual void prepare(operation_context& context);
  virtual operation_step start(operation_context& context) = 0;
  // One value per key asked, in order; `from_cache` when the cache answered.
  virtual operation_step on_keys(const std::vector<std::optional<key_value>>& values,
                                 bool from_cache, operation_context& context);
  // The cache's answer to a read_keys with from_cache: one object (or null)
  // per key. By default each in its stored form, to on_keys(values, true);
  // an operation that needs only what the cache describes (labels, fields,
  // deleting) overrides it and parses nothing.
  virtual operation_step on_cached(const std::vector<cached_pointer>& objects,
                                   operation_context& context);
  virtual operation_step on_range(const range_response& response, operation_context& context);
  virtual operation_step on_write(const txn_response& response, operation_context& context);
  // The store refused a read or a write (after the store client's retries):
  // by default the Status for that refusal (api_responses.hpp).
  virtual operation_step on_store_error(store_error error, const std::string& detail,
                                        operation_context& context);
};

// The operation serving `request` (any verb but list and watch), with
// `resource` the served resource of the request's group, version and plural.
std::unique_ptr<api_operation> make_operation(const api_request& request,
                                              const resource_info& resource);

}  // namespace troupe::api
