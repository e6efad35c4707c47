#include <iostream>

#include "runtime/commands/commands.hpp"
#include "runtime/host.hpp"
#include "runtime/signals.hpp"

namespace troupe::runtime {

int run_node(const parsed_command& command) {
  auto config = resolve_config(command, node_config{});
  if (!config) return exit_usage;
  if (config->seeds.empty()) {
    std::cerr << "troupe node: seeds: at least one seed is required (list this node's own "
                 "address to start a new cluster)"
              << std::endl;
    return exit_usage;
  }
  host_spec spec;
  spec.identity =
      member_summary{config->name, config->listen.host, config->listen.port, config->roles, 0};
  spec.seeds = config->seeds;
  spec.membership = config->membership;
  spec.tls = config->tls;
  if (config->roles.contains(node_role::store)) {
    host_store_spec store;
    store.directory = config->data_dir + "/store";
    store.cluster = config->store.cluster;
    store.initial_replicas = config->store.initial_replicas;
    store.tick = std::chrono::milliseconds(config->store.tick_ms);
    store.on_fatal = stop_on_store_failure("node");
    spec.store = std::move(store);
  }
  if (config->roles.contains(node_role::control)) spec.control = control_plane_spec_of(*config);
  auto started = host::start_networked(std::move(spec), print_event);
  if (auto* error = std::get_if<std::string>(&started)) {
    std::cerr << "troupe node: " << *error << std::endl;
    return exit_failure;
  }
  auto& node = std::get<std::unique_ptr<host>>(started);
  std::cout << "troupe node: " << config->name << " listening on " << config->listen.to_string()
            << " (roles " << to_string(config->roles) << ")" << std::endl;
  if (auto* control = node->control()) {
    std::cout << "troupe node: API server at " << control->api_url() << std::endl;
    std::cout << "KUBECONFIG=" << control->kubeconfig_path() << std::endl;
  }
  auto signal = wait_for_termination_signal();
  std::cout << "troupe node: signal " << signal << ", stopping" << std::endl;
  node.reset();
  return exit_store_failure(exit_ok);
}

}  // namespace troupe::runtime
