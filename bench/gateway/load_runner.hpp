// Closed-loop HTTP load: `connections` keep-alive lanes, each sending its
// next request as soon as its last one is answered, for as long as the
// request source hands out requests (a deadline, or a count). Every lane's
// connection is opened before the clock starts, so TLS handshakes are not
// measured.
//
// Contract:
//   1. A response with the request's expected status is a success and its
//      latency (request sent to last body byte read) is a sample; any other
//      status is an error, counted by status; a broken connection is an
//      error (status 0) after which the lane dials again, and a lane whose
//      dial fails ends.
//   2. `seconds` runs from the first request to the last answer, so
//      successes / seconds is the sustained rate.
//   3. The first failure's text is kept for the report.
// Single-threaded: runs on the client_context's event loop and returns when
// every lane has finished.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bench/gateway/http_connection.hpp"
#include "bench/gateway/latency_summary.hpp"

namespace troupe::bench {

struct load_request {
  kj::HttpMethod method = kj::HttpMethod::POST;
  std::string path;
  std::string body;
  unsigned expected_status = 200;
};

// nullopt: this lane is done (deadline passed or count reached).
using request_source = std::function<std::optional<load_request>()>;

struct load_result {
  latency_summary latencies;
  std::size_t successes = 0;
  std::size_t errors = 0;
  std::map<unsigned, std::size_t> errors_by_status;  // 0: broken connection
  std::string first_failure;
  double seconds = 0;
};

// Dialling many TLS connections at once would measure the server's accept
// backlog rather than anything a client sees, so at most this many
// handshakes are in flight.
inline constexpr std::size_t handshakes_in_flight_max = 64;

// Opens `count` connections, at most `parallel` handshakes at a time.
kj::Promise<std::vector<kj::Own<connection>>> open_connections(client_context& context,
                                                               std::size_t count,
                                                               std::size_t parallel);

load_result run_load(client_context& context, std::size_t connections, request_source next);

// One line to stderr per failing status, with the first failure's text.
void print_failures(const std::string& label, const load_result& result);

}  // namespace troupe::bench
