// Polling with a deadline, for callers that can only ask (a scoped actor
// requesting status, a child process, a file it writes). Not a core: it
// reads steady_clock and sleeps; no CAF, so tests of any layer can use it.
#pragma once

#include <chrono>
#include <functional>

namespace troupe::runtime {

// Waits until `predicate` holds, asking every `interval`; false at the deadline.
bool wait_until(const std::function<bool()>& predicate, std::chrono::milliseconds deadline,
                std::chrono::milliseconds interval = std::chrono::milliseconds(20));

}  // namespace troupe::runtime
