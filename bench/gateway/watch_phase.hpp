// The watch phase: `watches` concurrent watches of ConfigMaps in one
// namespace (each on its own connection, from the resourceVersion of a
// list made just before), then `rate` creates per second for `seconds`
// seconds, spread over `creators` connections on a fixed schedule. Each
// created object carries its index and the send time (probe_body); each
// watch records, per event, the time from that send to the arrival of the
// event's line, and which indexes it has seen.
//
// Contract:
//   1. The namespace is created first (409 AlreadyExists is fine).
//   2. Only watches answered 200 count as open; events expected are
//      (creates answered 201) x (watches open).
//   3. After the last create the phase waits until every expected event
//      has arrived or `drain_seconds` have passed, then closes the watches.
//   4. Prints one line on stdout:
//        troupe watch watches=1000 open=1000 creates=500 created=500
//          events_expected=500000 events_received=500000 duplicates=0
//          p50_ms=... p99_ms=... max_ms=... errors=0
//      errors counts watches not opened, creates refused, streams that
//      broke or ended early, ERROR events and probes that do not parse.
//      Returns false if any error, duplicate or missing event.
#pragma once

#include <cstddef>
#include <string>

#include "bench/gateway/http_connection.hpp"

namespace troupe::bench {

struct watch_settings {
  std::string namespace_name = "bench-watch";
  std::size_t watches = 1'000;
  std::size_t rate_per_second = 50;
  std::size_t seconds = 10;
  // Enough that a create taking up to creators / rate seconds (160 ms at
  // 50/s) does not delay the next one on the schedule.
  std::size_t creators = 8;
  std::size_t drain_seconds = 10;
};

bool run_watch_phase(client_context& context, const watch_settings& settings);

}  // namespace troupe::bench
