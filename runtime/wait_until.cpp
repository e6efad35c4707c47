#include "runtime/wait_until.hpp"

#include <thread>

namespace troupe::runtime {

bool wait_until(const std::function<bool()>& predicate, std::chrono::milliseconds deadline,
                std::chrono::milliseconds interval) {
  auto until = std::chrono::steady_clock::now() + deadline;
  while (!predicate()) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(interval);
  }
  return true;
}

}  // namespace troupe::runtime
