// Real `troupe node --roles store` processes on loopback for end-to-end
// tests: node i is named names[i], listens on addresses[i] and keeps its data
// in dir/<name>. All share one config whose store.initial-replicas are
// store-a, store-b and store-c: further names start as joiners (learners
// once added). start(i) starts, or restarts after a kill, node i; each start
// logs under its own name.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime/in_process_cluster.hpp"
#include "tests/support/child_process.hpp"

namespace troupe::testing {

class store_nodes {
 public:
  explicit store_nodes(std::vector<std::string> node_names) : names(std::move(node_names)) {
    for (std::size_t i = 0; i < names.size(); ++i)
      addresses.push_back("127.0.0.1:" + std::to_string(runtime::reserve_loopback_port()));
    write_file(dir.file("store.yaml"),
               "roles: [store]\n"
               "membership:\n  heartbeat-interval-ms: 100\n  failure-timeout-ms: 1000\n"
               "  dial-timeout-ms: 500\n"
               "store:\n  cluster: e2e\n  initial-replicas: [store-a, store-b, store-c]\n");
    processes.resize(names.size());
  }

  void start(std::size_t index) {
    processes[index] = std::make_unique<child_process>(
        std::vector<std::string>{TROUPE_BINARY, "node", "--config", dir.file("store.yaml"),
                                 "--name", names[index], "--listen", addresses[index], "--seeds",
                                 addresses[0] + "," + addresses[1], "--data-dir",
                                 dir.file(names[index])},
        dir.file(names[index] + "-" + std::to_string(++starts)));
  }

  std::vector<std::string> names;
  temp_dir dir;
  std::vector<std::string> addresses;
  std::vector<std::unique_ptr<child_process>> processes;
  int starts = 0;
};

}  // namespace troupe::testing
