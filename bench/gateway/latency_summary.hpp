// Latency samples of one phase, in milliseconds, and the percentiles the
// benchmark prints. Percentiles are by rank over all samples (index
// fraction * (n - 1), rounded down), as store_bench computes them, so both
// benchmarks' p99 mean the same thing. An empty set reports 0.
#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

namespace troupe::bench {

using steady = std::chrono::steady_clock;

double milliseconds_between(steady::time_point from, steady::time_point to);

class latency_summary {
 public:
  void add(double milliseconds) { samples_.push_back(milliseconds); }
  std::size_t count() const { return samples_.size(); }
  // Reorders the samples; fraction in [0, 1].
  double percentile(double fraction);
  double maximum() const;

 private:
  std::vector<double> samples_;
};

}  // namespace troupe::bench
