// Clean shutdown on SIGINT/SIGTERM: block both in every thread (call before
// any thread starts), then wait for one synchronously on the main thread.
#pragma once

namespace troupe::runtime {

void block_termination_signals();
// Returns the signal number received (SIGINT or SIGTERM).
int wait_for_termination_signal();

}  // namespace troupe::runtime
