// bench/actor-messaging: request/response throughput and latency of Troupe's
// actor setup (runtime/actor_system_setup), within one actor system and
// between two actor systems over loopback TCP (CAF's middleman), with 1 and
// with 100 requests in flight. Prints each figure beside the anchor measured
// on this machine class (../shared/STACK.md): local 1.3-2.0 M/s; between
// systems 3.9 k/s one at a time (~255 us round trip), 158 k/s with 100 in flight.
//
// Usage: actor_messaging_bench [requests]   (default 20000)
#include <caf/all.hpp>
#include <caf/io/all.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "runtime/actor_system_setup.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

struct figures {
  double per_second = 0;
  double p50_us = 0;
  double p99_us = 0;
};

caf::behavior echo(caf::event_based_actor*, int offset) {
  return {[offset](int value) { return value + offset; }};
}

// Keeps `in_flight` requests outstanding until `total` have completed.
figures drive(caf::actor_system& system, const caf::actor& target, int total, int in_flight) {
  std::vector<double> latencies_us;
  latencies_us.reserve(static_cast<std::size_t>(total));
  auto start = clock_type::now();
  {
    caf::scoped_actor self{system};
    int sent = 0;
    int done = 0;
    std::vector<clock_type::time_point> sent_at(static_cast<std::size_t>(total));
    auto send_one = [&] {
      sent_at[static_cast<std::size_t>(sent)] = clock_type::now();
      self->send(target, sent++);
    };
    while (sent < std::min(in_flight, total)) send_one();
    while (done < total) {
      self->receive([&](int reply) {
        auto index = static_cast<std::size_t>(reply);
        auto elapsed = clock_type::now() - sent_at[index];
        latencies_us.push_back(std::chrono::duration<double, std::micro>(elapsed).count());
        ++done;
        if (sent < total) send_one();
      });
    }
  }
  auto seconds = std::chrono::duration<double>(clock_type::now() - start).count();
  std::sort(latencies_us.begin(), latencies_us.end());
  auto at = [&](double quantile) {
    return latencies_us[static_cast<std::size_t>(quantile * (latencies_us.size() - 1))];
  };
  return {total / seconds, at(0.50), at(0.99)};
}

void print(const char* name, const figures& measured, const char* anchor) {
  std::printf("%-34s %12.0f req/s   p50 %8.1f us   p99 %8.1f us   anchor: %s\n", name,
              measured.per_second, measured.p50_us, measured.p99_us, anchor);
}

}  // namespace

int main(int argc, char** argv) {
  int total = argc > 1 ? std::atoi(argv[1]) : 20000;
  if (total <= 0 || total > 10000000) {
    std::fprintf(stderr, "actor_messaging_bench: requests must be 1-10000000\n");
    return 2;
  }
  caf::actor_system_config server_config;
  troupe::runtime::configure_actor_system(server_config, {});
  caf::actor_system server{server_config};
  caf::actor_system_config client_config;
  troupe::runtime::configure_actor_system(client_config, {});
  caf::actor_system client{client_config};

  auto local_echo = server.spawn(echo, 0);
  print("local, 1 in flight", drive(server, local_echo, total, 1), "1.3-2.0 M/s (100 in flight)");
  print("local, 100 in flight", drive(server, local_echo, total, 100), "1.3-2.0 M/s");

  auto port = server.middleman().publish(local_echo, 0, "127.0.0.1", true);
  if (!port) {
    std::fprintf(stderr, "cannot publish: %s\n", server.render(port.error()).c_str());
    return 1;
  }
  auto remote = client.middleman().remote_actor("127.0.0.1", *port);
  if (!remote) {
    std::fprintf(stderr, "cannot connect: %s\n", client.render(remote.error()).c_str());
    return 1;
  }
  print("loopback, 1 in flight", drive(client, *remote, total, 1), "3.9 k/s, ~255 us round trip");
  print("loopback, 100 in flight", drive(client, *remote, total, 100), "158 k/s");
  caf::anon_send_exit(local_echo, caf::exit_reason::user_shutdown);
  return 0;
}
