#include "tests/e2e/api_cluster.hpp"

#include <catch2/catch.hpp>

#include <csignal>

#include "runtime/in_process_cluster.hpp"
#include "runtime/wait_until.hpp"

namespace troupe::testing {

using namespace std::chrono_literals;
using runtime::in_process_cluster;

api_cluster::api_cluster(std::vector<std::string> launcher) : launcher_(std::move(launcher)) {
  api_port_ = runtime::reserve_loopback_port();
  auto membership = "127.0.0.1:" + std::to_string(runtime::reserve_loopback_port());
  write_file(dir_.file("up.yaml"), "name: dev\nlisten: " + membership +
                                       "\nworkers: 0\nmembership:\n  heartbeat-interval-ms: 100\n"
                                       "  failure-timeout-ms: 1000\n");
  start();
}

api_cluster::~api_cluster() {
  if (up_ && up_->running()) stop();
}

void api_cluster::start() {
  auto log = dir_.file("up-" + std::to_string(++runs_));
  auto command = launcher_;
  command.insert(command.end(),
                 {TROUPE_BINARY, "up", "--config", dir_.file("up.yaml"), "--data-dir",
                  dir_.file("data"), "--api-port", std::to_string(api_port_)});
  up_ = std::make_unique<child_process>(std::move(command), log);
  bool ready = troupe::runtime::wait_until(
      [&] { return up_->out().find("KUBECONFIG=") != std::string::npos || !up_->running(); }, 60s);
  INFO("troupe up said:\n" << up_->out() << up_->err());
  REQUIRE(ready);
  REQUIRE(up_->running());
  auto out = up_->out();
  auto start = out.find("KUBECONFIG=") + std::string("KUBECONFIG=").size();
  kubeconfig_ = out.substr(start, out.find('\n', start) - start);
}

int api_cluster::stop() {
  up_->signal(SIGINT);
  auto code = up_->wait(30s);
  INFO("troupe up said:\n" << up_->out() << up_->err() << up_->stacks());
  REQUIRE(code.has_value());
  return *code;
}

std::optional<int> api_cluster::wait_exit(std::chrono::milliseconds deadline) {
  return up_->wait(deadline);
}

std::string api_cluster::up_output() const {
  return up_->out() + up_->err();
}

run_result api_cluster::kubectl(std::vector<std::string> arguments,
                                std::chrono::milliseconds deadline) {
  arguments.insert(arguments.begin(), {"/usr/bin/kubectl", "--kubeconfig", kubeconfig_,
                                       "--cache-dir", dir_.file("kube-cache")});
  return run_command(arguments, dir_.file("kubectl-" + std::to_string(++commands_)), deadline);
}

std::unique_ptr<child_process> api_cluster::kubectl_background(std::vector<std::string> arguments,
                                                               const std::string& name) {
  arguments.insert(arguments.begin(), {"/usr/bin/kubectl", "--kubeconfig", kubeconfig_,
                                       "--cache-dir", dir_.file("kube-cache")});
  return std::make_unique<child_process>(arguments, dir_.file(name));
}

std::string api_cluster::manifest(const std::string& name, const std::string& yaml) {
  auto path = dir_.file(name);
  write_file(path, yaml);
  return path;
}

}  // namespace troupe::testing
