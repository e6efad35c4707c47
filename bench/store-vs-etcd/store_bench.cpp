// bench/store-vs-etcd, Troupe's half: loads a running store (three
// `troupe node --roles store` processes, started by run.sh) through the store
// client, as a node of the cluster would, and prints one line per phase in
// the format etcd_peer.sh prints for etcd:
//   troupe put clients=64 ops_per_s=... p50_ms=... p99_ms=... errors=0
//   troupe range clients=64 ...
// Puts write distinct keys with a ~1 KiB value; ranges are linearizable
// (ReadIndex) reads of keys written before. `clients` requests are kept in
// flight, each client issuing its next request when the last one returns.
//
// Usage: store_bench --seeds HOST:PORT,... [--clients "1 64 256"]
//                    [--duration SECONDS] [--value-bytes N]
#include <caf/all.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "actors/store/store_client.hpp"
#include "runtime/host.hpp"
#include "runtime/in_process_cluster.hpp"
#include "runtime/wait_until.hpp"

using namespace troupe;
using clock_type = std::chrono::steady_clock;

namespace {

struct options {
  std::vector<net::endpoint> seeds;
  std::vector<int> clients{1, 64, 256};
  int duration_s = 10;
  std::size_t value_bytes = 1024;
};

struct phase {
  bool reads = false;
  int clients = 1;
  std::string prefix;        // keys are prefix + number
  std::size_t readable = 0;  // reads: keys [0, readable) exist
  std::string value;
  clock_type::time_point end;
  // Filled in by the driver.
  std::vector<double> latencies_ms;
  std::size_t errors = 0;
  std::size_t next_key = 0;
  int lanes_running = 0;
  std::promise<void> done;
};

void issue(caf::event_based_actor* self, const store_client_actor& client,
           std::shared_ptr<phase> run, std::shared_ptr<std::mt19937_64> random) {
  if (clock_type::now() >= run->end) {
    if (--run->lanes_running == 0) run->done.set_value();
    return;
  }
  auto started = clock_type::now();
  auto record = [=] {
    run->latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(clock_type::now() - started).count());
    issue(self, client, run, random);
  };
  auto failed = [=](const caf::error& error) {
    if (run->errors++ == 0)
      std::cerr << "store_bench: first failure: " << self->system().render(error) << std::endl;
    issue(self, client, run, random);
  };
  if (run->reads) {
    range_request request;
    request.key = run->prefix + std::to_string((*random)() % run->readable);
    self->request(client, caf::infinite, range_atom::value, request)
        .then([=](const range_response&) { record(); }, failed);
    return;
  }
  txn_request request;
  request.success.push_back(
      {txn_operation::kind::put, run->prefix + std::to_string(run->next_key++), "", run->value});
  self->request(client, caf::infinite, txn_atom::value, request)
      .then([=](const txn_response&) { record(); }, failed);
}

caf::behavior driver(caf::event_based_actor* self, store_client_actor client,
                     std::shared_ptr<phase> run) {
  auto random = std::make_shared<std::mt19937_64>(42);
  run->lanes_running = run->clients;
  for (int i = 0; i < run->clients; ++i) issue(self, client, run, random);
  return {[](int) {}};
}

double percentile(std::vector<double>& values, double fraction) {
  if (values.empty()) return 0;
  auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<long>(index), values.end());
  return values[index];
}

// Runs one phase and prints its line; returns how many requests succeeded.
std::size_t run_phase(caf::actor_system& system, const store_client_actor& client,
                      std::shared_ptr<phase> run, int duration_s) {
  auto start = clock_type::now();
  run->end = start + std::chrono::seconds(duration_s);
  auto finished = run->done.get_future();
  auto actor = system.spawn(driver, client, run);
  finished.wait();
  auto seconds = std::chrono::duration<double>(clock_type::now() - start).count();
  caf::anon_send_exit(actor, caf::exit_reason::user_shutdown);
  auto count = run->latencies_ms.size();
  std::printf("troupe %s clients=%d ops_per_s=%.1f p50_ms=%.2f p99_ms=%.2f errors=%zu\n",
              run->reads ? "range" : "put", run->clients, static_cast<double>(count) / seconds,
              percentile(run->latencies_ms, 0.50), percentile(run->latencies_ms, 0.99),
              run->errors);
  std::fflush(stdout);
  return count;
}

// A whole positive number, or nothing (with a message naming the flag).
std::optional<long> positive(const std::string& flag, const std::string& text) {
  long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size() && value > 0) return value;
  std::cerr << "store_bench: " << flag << ": expected a positive number, got \"" << text << "\""
            << std::endl;
  return std::nullopt;
}

std::optional<options> parse(int argc, char** argv) {
  options parsed;
  if (argc % 2 == 0) {
    std::cerr << "store_bench: flag " << argv[argc - 1] << " has no value" << std::endl;
    return std::nullopt;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    std::string value = argv[i + 1];
    if (flag == "--seeds") {
      auto seeds = net::parse_endpoint_list(value);
      if (auto* error = std::get_if<std::string>(&seeds)) {
        std::cerr << "store_bench: --seeds: " << *error << std::endl;
        return std::nullopt;
      }
      parsed.seeds = std::get<std::vector<net::endpoint>>(seeds);
    } else if (flag == "--clients") {
      parsed.clients.clear();
      std::stringstream list(value);
      std::string item;
      while (list >> item) {
        auto count = positive(flag, item);
        if (!count) return std::nullopt;
        parsed.clients.push_back(static_cast<int>(*count));
      }
    } else if (flag == "--duration" || flag == "--value-bytes") {
      auto number = positive(flag, value);
      if (!number) return std::nullopt;
      if (flag == "--duration")
        parsed.duration_s = static_cast<int>(*number);
      else
        parsed.value_bytes = static_cast<std::size_t>(*number);
    } else {
      std::cerr << "store_bench: unknown flag " << flag << std::endl;
      return std::nullopt;
    }
  }
  if (parsed.seeds.empty() || parsed.clients.empty() || parsed.duration_s < 1) {
    std::cerr << "usage: store_bench --seeds HOST:PORT,... [--clients \"1 64 256\"] "
                 "[--duration SECONDS] [--value-bytes N]"
              << std::endl;
    return std::nullopt;
  }
  return parsed;
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = parse(argc, argv);
  if (!parsed) return 2;
  runtime::host_spec spec;
  role_set roles;
  roles.insert(node_role::control);
  spec.identity =
      member_summary{"store-bench", "127.0.0.1", runtime::reserve_loopback_port(), roles, 0};
  spec.seeds = parsed->seeds;
  auto started = runtime::host::start_networked(spec, {});
  if (auto* error = std::get_if<std::string>(&started)) {
    std::cerr << "store_bench: " << *error << std::endl;
    return 1;
  }
  auto& self_host = *std::get<std::unique_ptr<runtime::host>>(started);
  auto& system = self_host.system();
  store::client_config config;
  config.membership = self_host.membership();
  config.client_id = static_cast<std::uint64_t>(runtime::next_incarnation());
  config.timeout = std::chrono::seconds(10);
  auto client = store::spawn_store_client(system, config);

  // Wait until the store answers a write.
  bool ready = runtime::wait_until(
      [&] {
        caf::scoped_actor self{system};
        bool written = false;
        txn_request probe;
        probe.success.push_back({txn_operation::kind::put, "/bench/ready", "", "1"});
        self->request(client, std::chrono::seconds(2), txn_atom::value, probe)
            .receive([&](const txn_response&) { written = true; }, [](const caf::error&) {});
        return written;
      },
      std::chrono::seconds(60));
  if (!ready) {
    std::cerr << "store_bench: the store did not accept a write within 60 s" << std::endl;
    return 1;
  }
  std::string value(parsed->value_bytes, 'v');
  for (auto clients : parsed->clients) {
    auto puts = std::make_shared<phase>();
    puts->clients = clients;
    puts->prefix = "/bench/" + std::to_string(clients) + "/";
    puts->value = value;
    auto written = run_phase(system, client, puts, parsed->duration_s);
    auto reads = std::make_shared<phase>();
    reads->reads = true;
    reads->clients = clients;
    reads->prefix = puts->prefix;
    reads->readable = std::max<std::size_t>(1, std::min(written, puts->next_key));
    run_phase(system, client, reads, parsed->duration_s);
  }
  caf::anon_send_exit(client, caf::exit_reason::user_shutdown);
  return 0;
}
