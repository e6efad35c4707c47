// bench/gateway's load client: one program that drives both the Troupe API
// server (HTTPS with a client certificate) and etcd's HTTP/JSON gateway, so
// both sides pay the same client costs (kj-http, one event loop on one
// thread). run.sh starts the servers and calls one subcommand per phase:
//
//   gateway_bench create --server https://H:P --pki DIR [--connections "64 256"]
//                        [--duration S] [--payload-bytes 1024] [--tls-server-name N]
//   gateway_bench put    --server http://H:P [--connections "64 256"] [--duration S]
//                        [--payload-bytes 1024]
//   gateway_bench list   --server https://H:P --pki DIR [--pods 10000] [--repeat 50]
//                        [--connections 64] [--tls-server-name N]
//   gateway_bench watch  --server https://H:P --pki DIR [--watches 1000] [--rate 50]
//                        [--seconds 10] [--tls-server-name N]
//
// --pki names the control node's PKI directory (net/tls/cluster_pki.hpp):
// the client trusts ca.crt and presents admin.crt/admin.key. kj checks the
// server's certificate against DNS names only, so a loopback server is
// checked as "localhost" (the serving certificate always covers it).
// Each phase prints machine-readable lines on stdout (see its header) and
// diagnostics on stderr. Exit status: 0 when every request succeeded, 1
// when some failed, 2 for a usage error.
#include <kj/async-io.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <variant>

#include "bench/gateway/bench_flags.hpp"
#include "bench/gateway/http_connection.hpp"
#include "bench/gateway/list_phase.hpp"
#include "bench/gateway/timed_phases.hpp"
#include "bench/gateway/watch_phase.hpp"

using namespace troupe::bench;

namespace {

constexpr const char* usage =
    "usage: gateway_bench create|put|list|watch --server URL [--pki DIR] [flags] "
    "(see bench/gateway/gateway_bench.cpp)";

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "gateway_bench: " << message << std::endl << usage << std::endl;
  std::exit(2);
}

template <class Value>
Value or_usage_error(std::variant<Value, std::string> parsed) {
  if (auto* error = std::get_if<std::string>(&parsed)) usage_error(*error);
  return std::get<Value>(std::move(parsed));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) usage_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

tls_identity identity_from(const bench_flags& flags, const server_address& address) {
  tls_identity identity;
  if (!address.tls) return identity;
  auto pki = flags.text("pki");
  if (!pki) usage_error("an https server needs --pki DIR");
  identity.ca_certificate = read_file(*pki + "/ca.crt");
  identity.client_certificate = read_file(*pki + "/admin.crt");
  identity.client_key = read_file(*pki + "/admin.key");
  identity.server_name = flags.text("tls-server-name").value_or("localhost");
  return identity;
}

// The client's own CPU time, so a run shows how much of the machine the
// load itself took from the servers.
void report_client_cpu(const char* phase) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& time) {
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
  };
  std::fprintf(stderr, "gateway_bench: client CPU during %s: %.1f s\n", phase,
               seconds(usage.ru_utime) + seconds(usage.ru_stime));
}

using phase_runner = std::function<bool(client_context&, const bench_flags&)>;

bool create_phase(client_context& context, const bench_flags& flags) {
  timed_settings settings;
  settings.connections = or_usage_error(flags.counts("connections", settings.connections));
  settings.duration_seconds = or_usage_error(flags.count("duration", settings.duration_seconds));
  settings.payload_bytes = or_usage_error(flags.count("payload-bytes", settings.payload_bytes));
  return run_create_phases(context, settings);
}

bool put_phase(client_context& context, const bench_flags& flags) {
  timed_settings settings;
  settings.connections = or_usage_error(flags.counts("connections", settings.connections));
  settings.duration_seconds = or_usage_error(flags.count("duration", settings.duration_seconds));
  settings.payload_bytes = or_usage_error(flags.count("payload-bytes", settings.payload_bytes));
  return run_put_phases(context, settings);
}

bool list_phase(client_context& context, const bench_flags& flags) {
  list_settings settings;
  settings.pods = or_usage_error(flags.count("pods", settings.pods));
  settings.repeat = or_usage_error(flags.count("repeat", settings.repeat));
  settings.connections = or_usage_error(flags.count("connections", settings.connections));
  return run_list_phase(context, settings);
}

bool watch_phase(client_context& context, const bench_flags& flags) {
  watch_settings settings;
  settings.watches = or_usage_error(flags.count("watches", settings.watches));
  settings.rate_per_second = or_usage_error(flags.count("rate", settings.rate_per_second));
  settings.seconds = or_usage_error(flags.count("seconds", settings.seconds));
  return run_watch_phase(context, settings);
}

struct subcommand {
  std::set<std::string> flags;
  phase_runner run;
};

const std::map<std::string, subcommand>& subcommands() {
  static const std::map<std::string, subcommand> all{
      {"create",
       {{"server", "pki", "tls-server-name", "connections", "duration", "payload-bytes"},
        create_phase}},
      {"put", {{"server", "connections", "duration", "payload-bytes"}, put_phase}},
      {"list", {{"server", "pki", "tls-server-name", "pods", "repeat", "connections"}, list_phase}},
      {"watch", {{"server", "pki", "tls-server-name", "watches", "rate", "seconds"}, watch_phase}},
  };
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) usage_error("no subcommand");
  auto found = subcommands().find(argv[1]);
  if (found == subcommands().end()) usage_error(std::string("unknown subcommand ") + argv[1]);
  auto flags = or_usage_error(bench_flags::parse(argc, argv, 2, found->second.flags));
  auto url = flags.text("server");
  if (!url) usage_error("--server URL is required");
  auto address = parse_server_url(*url);
  if (!address)
    usage_error("--server: expected http://HOST:PORT or https://HOST:PORT, got " + *url);
  auto identity = identity_from(flags, *address);
  bool passed = false;
  auto failure = kj::runCatchingExceptions([&] {
    auto io = kj::setupAsyncIo();
    client_context context(io, *address, identity);
    passed = found->second.run(context, flags);
  });
  report_client_cpu(argv[1]);
  KJ_IF_MAYBE (exception, failure) {
    std::cerr << "gateway_bench: " << exception->getDescription().cStr() << std::endl;
    return 1;
  }
  return passed ? 0 : 1;
}
