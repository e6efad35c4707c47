#include <caf/all.hpp>

#include <iostream>
#include <stdexcept>

#include "runtime/commands/commands.hpp"
#include "runtime/in_process_cluster.hpp"
#include "runtime/signals.hpp"
#include "runtime/wait_until.hpp"

namespace troupe::runtime {

namespace {

// The first host holds store and control (and worker when there are no worker
// hosts); extra store replicas and the workers are hosts of their own.
cluster_spec shape_of(const node_config& config) {
  cluster_spec spec;
  role_set first;
  first.insert(node_role::store);
  first.insert(node_role::control);
  if (config.workers == 0) first.insert(node_role::worker);
  spec.hosts.push_back({config.name, first});
  role_set store;
  store.insert(node_role::store);
  for (int i = 1; i < config.store_replicas; ++i)
    spec.hosts.push_back({"store-" + std::to_string(i), store});
  role_set worker;
  worker.insert(node_role::worker);
  for (int i = 0; i < config.workers; ++i)
    spec.hosts.push_back({"worker-" + std::to_string(i), worker});
  spec.networked = false;
  spec.membership = config.membership;
  spec.store_dir = config.data_dir + "/store";
  spec.store_cluster = config.store.cluster;
  spec.store_tick = std::chrono::milliseconds(config.store.tick_ms);
  spec.control = control_plane_spec_of(config);
  spec.on_store_fatal = stop_on_store_failure("up");
  return spec;
}

}  // namespace

int run_up(const parsed_command& command) {
  node_config defaults;
  defaults.name = "local";
  auto config = resolve_config(command, defaults);
  if (!config) return exit_usage;
  in_process_cluster cluster(shape_of(*config), print_event);
  try {
    cluster.start_all();
  } catch (const std::runtime_error& error) {
    std::cerr << "troupe up: " << error.what() << std::endl;
    return exit_failure;
  }
  if (auto error = cluster.at(0).listen(config->listen)) {
    std::cerr << "troupe up: " << *error << std::endl;
    return exit_failure;
  }
  std::cout << "troupe up: membership of " << config->name << " listening on "
            << config->listen.to_string() << std::endl;
  if (!cluster.wait_until_converged(std::chrono::seconds(30))) {
    std::cerr << "troupe up: hosts did not find each other within 30 s" << std::endl;
    return exit_failure;
  }
  std::string store_status;
  bool store_ready = runtime::wait_until(
      [&] {
        caf::scoped_actor self{cluster.at(0).system()};
        bool ready = false;
        self->request(cluster.at(0).replica(), std::chrono::seconds(2), status_atom::value)
            .receive(
                [&](const component_status& status) {
                  ready = status.ready;
                  store_status = status.detail;
                },
                [](const caf::error&) {});
        return ready;
      },
      std::chrono::seconds(30));
  if (!store_ready) {
    std::cerr << "troupe up: the store elected no leader within 30 s (" << store_status << ")"
              << std::endl;
    return exit_failure;
  }
  std::cout << "troupe up: store of " << config->store_replicas << " replica"
            << (config->store_replicas == 1 ? "" : "s") << " ready (" << store_status << ")"
            << std::endl;
  auto* control = cluster.at(0).control();
  std::string api_status;
  if (!control->wait_ready(std::chrono::seconds(30), api_status)) {
    std::cerr << "troupe up: the API server did not become ready within 30 s (" << api_status << ")"
              << std::endl;
    return exit_failure;
  }
  std::cout << "troupe up: API server at " << control->api_url() << " (" << api_status << ")"
            << std::endl;
  std::cout << "KUBECONFIG=" << control->kubeconfig_path() << std::endl;
  std::cout << "troupe up: " << cluster.size() << " hosts running (data dir " << config->data_dir
            << "); stop with Ctrl-C" << std::endl;
  auto signal = wait_for_termination_signal();
  std::cout << "troupe up: signal " << signal << ", stopping" << std::endl;
  return exit_store_failure(exit_ok);
}

}  // namespace troupe::runtime
