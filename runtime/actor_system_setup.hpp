// How every Troupe process configures CAF: registered message types, the
// network module (plain or mutual TLS), a quiet logger and a bounded pool.
#pragma once

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman_actor.hpp>

#include <cstddef>

#include "runtime/core/node_config.hpp"

namespace troupe::runtime {

// Scheduler threads per actor system. The machine class has 2 cores, and a
// process already runs CAF's multiplexer, the HTTP gateway's event loop and
// each store replica on threads of their own (an in-process cluster runs
// one system per host). A second worker mostly added cross-thread wakeups
// between the api and store client actors (bench/gateway: ~6% more CPU per
// create).
constexpr std::size_t scheduler_threads_max = 1;

void configure_actor_system(caf::actor_system_config& config, const tls_files& tls);

// The actor that publishes and connects: OpenSSL's when TLS is configured,
// the plain middleman's otherwise.
caf::io::middleman_actor network_of(caf::actor_system& system);

}  // namespace troupe::runtime
