#include "runtime/actor_system_setup.hpp"

#include <caf/atom.hpp>
#include <caf/io/middleman.hpp>
#include <caf/openssl/manager.hpp>

#include "messages/type_registry.hpp"

namespace troupe::runtime {

void configure_actor_system(caf::actor_system_config& config, const tls_files& tls) {
  register_message_types(config);
  config.load<caf::io::middleman>();
  if (tls.enabled()) {
    config.load<caf::openssl::manager>();
    config.openssl_certificate = tls.certificate;
    config.openssl_key = tls.key;
    config.openssl_cafile = tls.ca;
  }
  config.set("scheduler.max-threads", scheduler_threads_max);
  // The multiplexer deserializes what arrives itself instead of handing it
  // to a BASP worker thread first (CAF's default on 2 cores is one such
  // worker): one thread hop less per remote message (bench/gateway: ~6-9%
  // less store replica CPU per create).
  config.set("middleman.workers", std::size_t{0});
  // Idle workers go from a short spin straight to waiting on their condition
  // variable (woken by the next job). CAF's default middle phase polls every
  // 50 us for 25 ms after each job: with several nodes on two cores that
  // polling took more CPU than the work (bench/store-vs-etcd).
  config.set("work-stealing.moderate-poll-attempts", std::size_t{0});
  config.set("logger.file-verbosity", caf::atom("quiet"));
  config.set("logger.console-verbosity", caf::atom("quiet"));
}

caf::io::middleman_actor network_of(caf::actor_system& system) {
  if (system.has_openssl_manager()) return system.openssl_manager().actor_handle();
  return system.middleman().actor_handle();
}

}  // namespace troupe::runtime
