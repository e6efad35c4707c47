// Polling with a deadline, for callers that can only ask (a scoped actor
// requesting status, a process's output): pure, the clock is steady_clock.
#pragma once

#include <chrono>
#include <functional>

namespace troupe::runtime {

// Waits until `predicate` holds, asking every `interval`; false at the deadline.
bool wait_until(const std::function<bool()>& predicate, std::chrono::milliseconds deadline,
                std::chrono::milliseconds interval = std::chrono::milliseconds(20));

}  // namespace troupe::runtime
