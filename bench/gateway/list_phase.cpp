#include "bench/gateway/list_phase.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "bench/gateway/load_runner.hpp"
#include "bench/gateway/request_bodies.hpp"

namespace troupe::bench {

namespace {

bool create_pods(client_context& context, const list_settings& settings) {
  std::size_t next = 0;
  auto path = "/api/v1/namespaces/" + settings.namespace_name + "/pods";
  auto source = [&]() -> std::optional<load_request> {
    if (next >= settings.pods) return std::nullopt;
    auto name = "bench-pod-" + run_token() + "-" + std::to_string(next++);
    return load_request{kj::HttpMethod::POST, path, pod_body(name), 201};
  };
  auto result = run_load(context, settings.connections, source);
  std::printf(
      "troupe pods connections=%zu created=%zu ops_per_s=%.1f p50_ms=%.2f p99_ms=%.2f "
      "errors=%zu\n",
      settings.connections, result.successes,
      static_cast<double>(result.successes) / result.seconds, result.latencies.percentile(0.50),
      result.latencies.percentile(0.99), result.errors);
  std::fflush(stdout);
  print_failures("gateway_bench pods", result);
  return result.errors == 0;
}

long item_count(const kj::String& body) {
  auto list = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
  if (!list.is_object() || !list.contains("items") || !list["items"].is_array()) return -1;
  return static_cast<long>(list["items"].size());
}

struct list_form {
  const char* mode;
  const char* query;
};

// Lists `repeat` times in a row; a broken connection is dialled again.
bool time_lists(client_context& context, const list_settings& settings, const list_form& form) {
  auto& wait_scope = context.io().waitScope;
  auto path = "/api/v1/namespaces/" + settings.namespace_name + "/pods" + form.query;
  auto link = open_connection(context).wait(wait_scope);
  latency_summary latencies;
  long items = -1;
  std::size_t bytes = 0;
  std::size_t errors = 0;
  for (std::size_t i = 0; i < settings.repeat; ++i) {
    auto started = steady::now();
    auto failure = kj::runCatchingExceptions([&] {
      auto answer = exchange(context, *link, kj::HttpMethod::GET, path, "").wait(wait_scope);
      auto elapsed = milliseconds_between(started, steady::now());
      if (answer.status != 200) {
        if (errors++ == 0)
          std::cerr << "gateway_bench list: status " << answer.status << ": "
                    << std::string(answer.body.begin(),
                                   std::min<std::size_t>(answer.body.size(), 300))
                    << std::endl;
        return;
      }
      latencies.add(elapsed);
      if (bytes == 0) {
        bytes = answer.body.size();
        items = item_count(answer.body);
      }
    });
    KJ_IF_MAYBE (exception, failure) {
      if (errors++ == 0)
        std::cerr << "gateway_bench list: " << exception->getDescription().cStr() << std::endl;
      link = open_connection(context).wait(wait_scope);
    }
  }
  std::printf(
      "troupe list mode=%s pods=%zu items=%ld repeat=%zu p50_ms=%.2f p99_ms=%.2f max_ms=%.2f "
      "bytes=%zu errors=%zu\n",
      form.mode, settings.pods, items, settings.repeat, latencies.percentile(0.50),
      latencies.percentile(0.99), latencies.maximum(), bytes, errors);
  std::fflush(stdout);
  return errors == 0;
}

}  // namespace

bool run_list_phase(client_context& context, const list_settings& settings) {
  bool created = create_pods(context, settings);
  bool stale_read = time_lists(context, settings, {"rv0", "?resourceVersion=0"});
  bool consistent_read = time_lists(context, settings, {"consistent", ""});
  return created && stale_read && consistent_read;
}

}  // namespace troupe::bench
