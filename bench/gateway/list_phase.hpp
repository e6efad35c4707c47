// The LIST phase: creates `pods` Pods in a namespace through the API (the
// closed-loop load of load_runner on `connections` lanes), then times one
// unpaginated GET of the namespace's pods, `repeat` times in a row on one
// connection, in two forms:
//   rv0         ?resourceVersion=0, what client-go's reflector sends on a
//               relist (served from the watch cache, may be stale);
//   consistent  no resourceVersion, the default: a consistent read.
// Prints on stdout one line for the creates and one per form:
//   troupe pods connections=64 created=10000 ops_per_s=... p50_ms=...
//     p99_ms=... errors=0
//   troupe list mode=rv0 pods=10000 items=10000 repeat=50 p50_ms=...
//     p99_ms=... max_ms=... bytes=... errors=0
// `items` is the length of the first successful answer's items (-1 if it
// did not parse), `bytes` its body size; latency runs from the request
// sent to the last body byte read. Returns false if any request failed.
#pragma once

#include <cstddef>
#include <string>

#include "bench/gateway/http_connection.hpp"

namespace troupe::bench {

struct list_settings {
  std::string namespace_name = "default";
  std::size_t pods = 10'000;
  std::size_t repeat = 50;
  std::size_t connections = 64;
};

bool run_list_phase(client_context& context, const list_settings& settings);

}  // namespace troupe::bench
