#include "bench/gateway/timed_phases.hpp"

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include "bench/gateway/load_runner.hpp"
#include "bench/gateway/request_bodies.hpp"

namespace troupe::bench {

namespace {

// A source that hands out requests until `duration` after its first call
// (made once every lane's connection is open, when the clock starts).
template <class MakeRequest>
request_source until_deadline(std::size_t duration_seconds, MakeRequest make) {
  auto deadline = std::make_shared<std::optional<steady::time_point>>();
  return [=]() mutable -> std::optional<load_request> {
    auto now = steady::now();
    if (!*deadline) *deadline = now + std::chrono::seconds(duration_seconds);
    if (now >= **deadline) return std::nullopt;
    return make();
  };
}

bool report(const char* side, const char* phase, std::size_t connections, load_result& result) {
  std::printf("%s %s connections=%zu ops_per_s=%.1f p50_ms=%.2f p99_ms=%.2f errors=%zu\n", side,
              phase, connections, static_cast<double>(result.successes) / result.seconds,
              result.latencies.percentile(0.50), result.latencies.percentile(0.99), result.errors);
  std::fflush(stdout);
  print_failures(std::string("gateway_bench ") + side + " " + phase, result);
  return result.errors == 0;
}

}  // namespace

bool run_create_phases(client_context& context, const timed_settings& settings) {
  auto path = "/api/v1/namespaces/" + settings.namespace_name + "/configmaps";
  bool passed = true;
  for (auto connections : settings.connections) {
    // Each level has its own name prefix, so every create makes a new object.
    auto prefix = "bench-" + run_token() + "-c" + std::to_string(connections) + "-";
    std::size_t next = 0;
    auto source = until_deadline(settings.duration_seconds, [&] {
      return load_request{kj::HttpMethod::POST, path,
                          config_map_body(prefix + std::to_string(next++), settings.payload_bytes),
                          201};
    });
    auto result = run_load(context, connections, source);
    passed = report("troupe", "create", connections, result) && passed;
  }
  return passed;
}

bool run_put_phases(client_context& context, const timed_settings& settings) {
  // The value is the same for every put, so it is encoded once.
  auto value = base64(std::string(settings.payload_bytes, 'v'));
  bool passed = true;
  for (auto connections : settings.connections) {
    auto prefix = "bench/" + run_token() + "/c" + std::to_string(connections) + "/";
    std::size_t next = 0;
    auto source = until_deadline(settings.duration_seconds, [&] {
      return load_request{kj::HttpMethod::POST, "/v3/kv/put",
                          etcd_put_body(prefix + std::to_string(next++), value), 200};
    });
    auto result = run_load(context, connections, source);
    passed = report("etcd", "put", connections, result) && passed;
  }
  return passed;
}

}  // namespace troupe::bench
