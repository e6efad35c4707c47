// A `troupe up` process serving the Kubernetes API on loopback, for tests
// that use real kubectl (/usr/bin/kubectl, v1.32): its own data dir,
// membership and API ports, and a fresh kubectl cache dir, all removed at
// the end. kubectl() runs kubectl against it with the kubeconfig troupe up
// wrote.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/child_process.hpp"

namespace troupe::testing {

class api_cluster {
 public:
  // Starts `troupe up` and waits until it prints KUBECONFIG=; `launcher`,
  // if given, runs it (e.g. a shell that sets limits and execs "$@").
  explicit api_cluster(std::vector<std::string> launcher = {});
  ~api_cluster();
  api_cluster(const api_cluster&) = delete;
  api_cluster& operator=(const api_cluster&) = delete;

  // kubectl with the given arguments (after --kubeconfig and --cache-dir).
  run_result kubectl(std::vector<std::string> arguments,
                     std::chrono::milliseconds deadline = std::chrono::seconds(60));
  // kubectl in the background (`get -w`); its output is in the child's files.
  std::unique_ptr<child_process> kubectl_background(std::vector<std::string> arguments,
                                                    const std::string& name);
  // Writes a manifest into the test's directory; returns its path.
  std::string manifest(const std::string& name, const std::string& yaml);

  // SIGINT, waiting for a clean exit; then start again on the same data dir.
  int stop();
  void start();

  const std::string& kubeconfig() const { return kubeconfig_; }
  std::uint16_t api_port() const { return api_port_; }
  const temp_dir& dir() const { return dir_; }
  std::string up_output() const;
  // troupe up's exit code once it ended by itself within `deadline`.
  std::optional<int> wait_exit(std::chrono::milliseconds deadline);

 private:
  temp_dir dir_;
  std::vector<std::string> launcher_;
  std::uint16_t api_port_ = 0;
  std::string kubeconfig_;
  std::unique_ptr<child_process> up_;
  int runs_ = 0;
  int commands_ = 0;
};

}  // namespace troupe::testing
