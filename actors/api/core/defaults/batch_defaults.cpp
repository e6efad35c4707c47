// batch/v1 (pkg/apis/batch/v1/defaults.go), each with its pod template
// (pod_spec_defaults.hpp):
//   - Job: with neither completions nor parallelism, both 1; parallelism 1;
//     backoffLimit 6, or 2147483647 with backoffLimitPerIndex; the job's
//     labels are the pod template's when it has none; completionMode
//     "NonIndexed"; suspend false; podReplacementPolicy "Failed" with a
//     podFailurePolicy, "TerminatingOrFailed" without (the
//     JobPodReplacementPolicy gate is on in 1.32); manualSelector false.
//   - CronJob: concurrencyPolicy "Allow"; suspend false;
//     successfulJobsHistoryLimit 3; failedJobsHistoryLimit 1. Its
//     jobTemplate.spec gets no Job defaults (they are the Job's, applied
//     when the controller creates it), only the pod template's.
//   - In both, podFailurePolicy rules' onPodConditions get status "True".
//     Kube 1.32.0 missed this in a CronJob's jobTemplate (kubernetes#131512,
//     fixed by #131525), so such a CronJob failed validation; we apply it
//     everywhere, as the fixed releases do.
#include <cstdint>
#include <limits>

#include "actors/api/core/defaults/json_members.hpp"
#include "actors/api/core/defaults/kind_defaults.hpp"
#include "actors/api/core/defaults/pod_spec_defaults.hpp"

namespace troupe::api::defaults {

namespace {

constexpr int backoff_limit_default = 6;
constexpr std::int32_t backoff_limit_per_index_default = std::numeric_limits<std::int32_t>::max();

void default_pod_failure_patterns(json& job_spec) {
  json* policy = object_member(job_spec, "podFailurePolicy");
  if (policy == nullptr) return;
  for_each_object(*policy, "rules", [](json& rule) {
    for_each_object(rule, "onPodConditions",
                    [](json& pattern) { default_string(pattern, "status", "True"); });
  });
}

bool is_empty_map(const json& object, std::string_view key) {
  auto member = object.find(key);
  return member == object.end() || member->is_null() || (member->is_object() && member->empty());
}

// A Job without labels takes its pod template's.
void default_job_labels(json& job, json& spec) {
  json* pod_template = object_member(spec, "template");
  json* template_metadata =
      pod_template != nullptr ? object_member(*pod_template, "metadata") : nullptr;
  json* template_labels =
      template_metadata != nullptr ? object_member(*template_metadata, "labels") : nullptr;
  if (template_labels == nullptr || template_labels->empty()) return;
  json* metadata = ensure_object_member(job, "metadata");
  if (metadata != nullptr && is_empty_map(*metadata, "labels"))
    (*metadata)["labels"] = *template_labels;
}

void default_job_counts(json& spec) {
  if (is_unset(spec, "completions") && is_unset(spec, "parallelism")) {
    spec["completions"] = 1;
    spec["parallelism"] = 1;
  }
  default_member(spec, "parallelism", 1);
  if (is_unset(spec, "backoffLimit"))
    spec["backoffLimit"] = is_set(spec, "backoffLimitPerIndex") ? backoff_limit_per_index_default
                                                                : backoff_limit_default;
}

}  // namespace

void default_job(json& job) {
  json* spec = ensure_object_member(job, "spec");
  if (spec == nullptr) return;
  default_job_counts(*spec);
  default_job_labels(job, *spec);
  default_member(*spec, "completionMode", "NonIndexed");
  default_member(*spec, "suspend", false);
  default_pod_failure_patterns(*spec);
  default_member(*spec, "podReplacementPolicy",
                 is_set(*spec, "podFailurePolicy") ? "Failed" : "TerminatingOrFailed");
  default_member(*spec, "manualSelector", false);
  default_pod_template(*spec);
}

void default_cron_job(json& cron_job) {
  json* spec = ensure_object_member(cron_job, "spec");
  if (spec == nullptr) return;
  default_string(*spec, "concurrencyPolicy", "Allow");
  default_member(*spec, "suspend", false);
  default_member(*spec, "successfulJobsHistoryLimit", 3);
  default_member(*spec, "failedJobsHistoryLimit", 1);
  json* job_template = ensure_object_member(*spec, "jobTemplate");
  json* job_spec = job_template != nullptr ? ensure_object_member(*job_template, "spec") : nullptr;
  if (job_spec == nullptr) return;
  default_pod_failure_patterns(*job_spec);
  default_pod_template(*job_spec);
}

}  // namespace troupe::api::defaults
