#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <iostream>

#include "runtime/commands/commands.hpp"

namespace troupe::runtime {

namespace {

// Set once a store replica of this process stopped because its storage failed.
std::atomic<bool> store_failed{false};

}  // namespace

std::function<void(const std::string&)> stop_on_store_failure(const char* command) {
  return [command](const std::string& why) {
    std::cerr << "troupe " << command << ": " << why << std::endl;
    store_failed = true;
    ::kill(::getpid(), SIGTERM);  // wakes wait_for_termination_signal
  };
}

int exit_store_failure(int code) {
  return store_failed ? exit_failure : code;
}

}  // namespace troupe::runtime
