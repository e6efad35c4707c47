// Proves that batch/v1 Jobs and CronJobs are defaulted as kube 1.32 defaults
// them (pkg/apis/batch/v1/defaults.go and the generated defaulters), pod
// templates included, CronJob's jobTemplate.spec.template too: whole
// manifests in, whole documents out.
#include <catch2/catch.hpp>

#include "tests/api/defaults/defaults_test_support.hpp"

using troupe::api::test::defaulted;
using troupe::api::test::document;

namespace {

constexpr const char* pod_spec_out = R"({
  "containers": [{"name": "work", "image": "busybox:1.36", "imagePullPolicy": "IfNotPresent",
                  "terminationMessagePath": "/dev/termination-log",
                  "terminationMessagePolicy": "File"}],
  "restartPolicy": "Never", "dnsPolicy": "ClusterFirst", "schedulerName": "default-scheduler",
  "securityContext": {}, "terminationGracePeriodSeconds": 30})";

}  // namespace

TEST_CASE("a job gets counts of one, backoff 6, NonIndexed, no suspend and its template's labels") {
  auto job = defaulted(R"({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "pi"},
    "spec": {"template": {"metadata": {"labels": {"app": "pi"}},
      "spec": {"containers": [{"name": "work", "image": "busybox:1.36"}],
               "restartPolicy": "Never"}}}})");
  auto expected = document(R"({"apiVersion": "batch/v1", "kind": "Job",
    "metadata": {"name": "pi", "labels": {"app": "pi"}},
    "spec": {"completions": 1, "parallelism": 1, "backoffLimit": 6,
             "completionMode": "NonIndexed", "suspend": false,
             "podReplacementPolicy": "TerminatingOrFailed", "manualSelector": false,
             "template": {"metadata": {"labels": {"app": "pi"}}}}})");
  expected["spec"]["template"]["spec"] = document(pod_spec_out);
  CHECK(job == expected);
}

TEST_CASE("a job with parallelism only keeps completions unset") {
  auto job = defaulted(R"({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "pi"},
    "spec": {"parallelism": 3, "template": {"spec": {"restartPolicy": "Never"}}}})");
  CHECK(job["spec"].contains("completions") == false);
  CHECK(job["spec"]["parallelism"] == 3);
  auto completions_only = defaulted(R"({"apiVersion": "batch/v1", "kind": "Job",
    "metadata": {"name": "pi"}, "spec": {"completions": 5}})");
  CHECK(completions_only["spec"]["completions"] == 5);
  CHECK(completions_only["spec"]["parallelism"] == 1);
}

TEST_CASE("a job with a backoff limit per index gets an unbounded backoff limit") {
  auto job = defaulted(R"({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "pi"},
    "spec": {"completionMode": "Indexed", "completions": 4, "backoffLimitPerIndex": 1}})");
  CHECK(job["spec"]["backoffLimit"] == 2147483647);
  CHECK(job["spec"]["completionMode"] == "Indexed");
}

TEST_CASE("a job's pod failure policy patterns get status True and replacement Failed") {
  auto job = defaulted(R"({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "pi"},
    "spec": {"podFailurePolicy": {"rules": [
      {"action": "Ignore", "onPodConditions": [{"type": "DisruptionTarget"},
                                               {"type": "ConfigIssue", "status": "False"}]},
      {"action": "FailJob", "onExitCodes": {"operator": "In", "values": [42]}}]}}})");
  CHECK(job["spec"]["podFailurePolicy"] == document(R"({"rules": [
    {"action": "Ignore", "onPodConditions": [{"type": "DisruptionTarget", "status": "True"},
                                             {"type": "ConfigIssue", "status": "False"}]},
    {"action": "FailJob", "onExitCodes": {"operator": "In", "values": [42]}}]})"));
  CHECK(job["spec"]["podReplacementPolicy"] == "Failed");
}

TEST_CASE("a job keeps its own labels and every value its user set") {
  constexpr const char* manifest = R"({"apiVersion": "batch/v1", "kind": "Job",
    "metadata": {"name": "pi", "labels": {"team": "a"}},
    "spec": {"completions": 2, "parallelism": 2, "backoffLimit": 0, "completionMode": "Indexed",
             "suspend": true, "podReplacementPolicy": "Failed", "manualSelector": true,
             "selector": {"matchLabels": {"app": "pi"}},
             "template": {"metadata": {"labels": {"app": "pi"}}, "spec": {
               "containers": [{"name": "work", "image": "busybox:1.36",
                               "imagePullPolicy": "Always",
                               "terminationMessagePath": "/dev/termination-log",
                               "terminationMessagePolicy": "File"}],
               "restartPolicy": "OnFailure", "dnsPolicy": "None",
               "schedulerName": "default-scheduler", "securityContext": {},
               "terminationGracePeriodSeconds": 5}}}})";
  CHECK(defaulted(manifest) == document(manifest));
}

TEST_CASE("a cron job gets Allow, no suspend, histories 3 and 1, and its pod template defaults") {
  auto cron_job = defaulted(R"({"apiVersion": "batch/v1", "kind": "CronJob",
    "metadata": {"name": "tick"},
    "spec": {"schedule": "*/5 * * * *", "jobTemplate": {"spec": {"template": {"spec": {
      "containers": [{"name": "work", "image": "busybox:1.36"}], "restartPolicy": "Never"}}}}}})");
  auto expected = document(R"({"apiVersion": "batch/v1", "kind": "CronJob",
    "metadata": {"name": "tick"},
    "spec": {"schedule": "*/5 * * * *", "concurrencyPolicy": "Allow", "suspend": false,
             "successfulJobsHistoryLimit": 3, "failedJobsHistoryLimit": 1,
             "jobTemplate": {"spec": {"template": {}}}}})");
  expected["spec"]["jobTemplate"]["spec"]["template"]["spec"] = document(pod_spec_out);
  CHECK(cron_job == expected);
}

TEST_CASE("a cron job's job template gets its pod failure patterns' status True") {
  auto cron_job = defaulted(R"({"apiVersion": "batch/v1", "kind": "CronJob",
    "metadata": {"name": "tick"}, "spec": {"schedule": "@hourly", "jobTemplate": {"spec": {
      "podFailurePolicy": {"rules": [{"action": "Ignore",
                                      "onPodConditions": [{"type": "DisruptionTarget"}]}]}}}}})");
  CHECK(cron_job["spec"]["jobTemplate"]["spec"]["podFailurePolicy"] ==
        document(R"({"rules": [{"action": "Ignore",
                     "onPodConditions": [{"type": "DisruptionTarget", "status": "True"}]}]})"));
}
