// Durations as kube-apiserver prints them in tables: Kubernetes'
// duration.HumanDuration (k8s.io/apimachinery/pkg/util/duration), which
// keeps two to three significant figures: "59s", "119s", "2m", "2m3s",
// "10m", "179m", "3h", "7h59m", "47h", "2d", "7d23h", "729d", "2y1d", "8y".
//
// Contract: pure and total. The input is a Go time.Duration (nanoseconds);
// durations down to -1.999 s print "0s" (clock skew is tolerated), anything
// more negative prints "<invalid>".
#pragma once

#include <cstdint>
#include <string>

namespace troupe::api::tables {

std::string human_duration(std::int64_t nanoseconds);

}  // namespace troupe::api::tables
