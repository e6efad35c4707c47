#include "bench/gateway/latency_summary.hpp"

#include <algorithm>

namespace troupe::bench {

double milliseconds_between(steady::time_point from, steady::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

double latency_summary::percentile(double fraction) {
  if (samples_.empty()) return 0;
  auto index = static_cast<std::size_t>(fraction * static_cast<double>(samples_.size() - 1));
  std::nth_element(samples_.begin(), samples_.begin() + static_cast<long>(index), samples_.end());
  return samples_[index];
}

double latency_summary::maximum() const {
  if (samples_.empty()) return 0;
  return *std::max_element(samples_.begin(), samples_.end());
}

}  // namespace troupe::bench
