// The throughput phases, one run of load_runner per connection count, each
// lasting `duration_seconds`, printing one line per count on stdout in the
// format of bench/store-vs-etcd:
//   troupe create connections=64 ops_per_s=... p50_ms=... p99_ms=... errors=0
//   etcd put connections=64 ops_per_s=... p50_ms=... p99_ms=... errors=0
//   - create: POST /api/v1/namespaces/<ns>/configmaps, a ConfigMap with
//     `payload_bytes` of data and a name never used before; only 201 counts.
//   - put: etcd's JSON gateway, POST /v3/kv/put of a key never written
//     before with a `payload_bytes` value; only 200 counts.
// ops_per_s counts successes only. Returns false if any request failed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "bench/gateway/http_connection.hpp"

namespace troupe::bench {

struct timed_settings {
  std::vector<std::size_t> connections{64, 256};
  std::size_t duration_seconds = 10;
  std::size_t payload_bytes = 1024;
  std::string namespace_name = "default";
};

bool run_create_phases(client_context& context, const timed_settings& settings);
bool run_put_phases(client_context& context, const timed_settings& settings);

}  // namespace troupe::bench
