// Jobs and CronJobs as kube 1.32's printJob and printCronJob compute them:
// the STATUS column (Complete, Failed, Terminating, Suspended,
// FailureTarget, Running, in that precedence), COMPLETIONS with and without
// spec.completions and parallelism, DURATION while running and once
// complete; SCHEDULE, TIMEZONE, SUSPEND (True/False/<unset>), ACTIVE, LAST
// SCHEDULE. Cases after printers_test.go TestPrintJob and TestPrintCronJob.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

json job(json spec, json status) {
  return {{"metadata", {{"name", "job1"}, {"creationTimestamp", ago(10 * 365 * 86'400)}}},
          {"spec", std::move(spec)},
          {"status", std::move(status)}};
}

json condition(std::string_view type, std::string_view status = "True") {
  return {{"type", type}, {"status", status}};
}

json job_template() {
  return {{"spec",
           {{"selector", {{"matchLabels", {{"job-label", "job-label-value"}}}}},
            {"template",
             {{"spec",
               {{"containers",
                 {{{"name", "fake-job-container1"}, {"image", "fake-job-image1"}},
                  {{"name", "fake-job-container2"}, {"image", "fake-job-image2"}}}}}}}}}}};
}

json cron_job(json spec, json status) {
  return {{"metadata", {{"name", "cronjob1"}, {"creationTimestamp", ago(3 * 86'400)}}},
          {"spec", std::move(spec)},
          {"status", std::move(status)}};
}

}  // namespace

TEST_CASE("a job's columns are kube 1.32's with STATUS first", "[tables][job]") {
  auto spec = job_template()["spec"];
  spec["completions"] = 2;
  auto table = table_of("batch/v1", "Job", job(spec, {{"succeeded", 1}}));
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Status", "Completions", "Duration",
                                                        "Age", "Containers", "Images", "Selector"});
  CHECK(table["rows"][0]["cells"] ==
        json{"job1", "Running", "1/2", "", "10y", "fake-job-container1,fake-job-container2",
             "fake-job-image1,fake-job-image2", "job-label=job-label-value"});
}

TEST_CASE("completions without spec.completions count against one, or one of the parallelism",
          "[tables][job]") {
  CHECK(cells_of("batch/v1", "Job", job(json::object(), json::object()))[2] == "0/1");
  CHECK(cells_of("batch/v1", "Job", job({{"parallelism", 1}}, {{"succeeded", 1}}))[2] == "1/1");
  CHECK(cells_of("batch/v1", "Job", job({{"parallelism", 3}}, {{"succeeded", 2}}))[2] ==
        "2/1 of 3");
}

TEST_CASE("a job's duration runs from its start, and stops at its completion", "[tables][job]") {
  CHECK(cells_of("batch/v1", "Job", job(json::object(), {{"startTime", ago(20 * 60)}}))[3] ==
        "20m");
  json finished = {{"startTime", ago(40 * 60)}, {"completionTime", ago(10 * 60)}};
  CHECK(cells_of("batch/v1", "Job", job(json::object(), finished))[3] == "30m");
  json quick = {{"startTime", ago(100)}, {"completionTime", ago(93)}};
  CHECK(cells_of("batch/v1", "Job", job(json::object(), quick))[3] == "7s");
}

TEST_CASE("a job's status follows its conditions in kube's precedence", "[tables][job]") {
  auto status_of = [](json conditions, bool deleting = false) {
    auto object = job(json::object(), {{"conditions", std::move(conditions)}});
    if (deleting) object["metadata"]["deletionTimestamp"] = ago(5);
    return cells_of("batch/v1", "Job", object)[1];
  };
  CHECK(status_of({condition("Complete")}) == "Complete");
  CHECK(status_of({condition("Failed")}) == "Failed");
  CHECK(status_of({condition("Suspended")}) == "Suspended");
  CHECK(status_of({condition("FailureTarget")}) == "FailureTarget");
  CHECK(status_of(json::array()) == "Running");
  CHECK(status_of(json::array(), true) == "Terminating");
  CHECK(status_of({condition("Suspended")}, true) == "Terminating");
  CHECK(status_of({condition("Complete")}, true) == "Complete");
  CHECK(status_of({condition("FailureTarget"), condition("Failed")}) == "Failed");
  CHECK(status_of({condition("Complete", "False")}) == "Running");
  // The first condition of a type decides.
  CHECK(status_of({condition("Complete", "False"), condition("Complete")}) == "Running");
}

TEST_CASE("a cron job shows its schedule, time zone, suspension, active jobs and last schedule",
          "[tables][cronjob]") {
  auto spec =
      json{{"schedule", "0/5 * * * ?"}, {"suspend", false}, {"jobTemplate", job_template()}};
  auto status = json{{"lastScheduleTime", ago(10)}, {"active", {{{"name", "job-1"}}}}};
  auto table = table_of("batch/v1", "CronJob", cron_job(spec, status));
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Schedule", "Timezone", "Suspend",
                                                        "Active", "Last Schedule", "Age",
                                                        "Containers", "Images", "Selector"});
  CHECK(table["columnDefinitions"][3]["type"] == "boolean");
  CHECK(table["rows"][0]["cells"] == json{"cronjob1", "0/5 * * * ?", "<none>", "False", 1, "10s",
                                          "3d", "fake-job-container1,fake-job-container2",
                                          "fake-job-image1,fake-job-image2",
                                          "job-label=job-label-value"});
}

TEST_CASE("a cron job never scheduled shows <none>; unset suspend <unset>; a zone its name",
          "[tables][cronjob]") {
  auto spec = json{{"schedule", "@hourly"}, {"timeZone", "Europe/Paris"}};
  auto cells = cells_of("batch/v1", "CronJob", cron_job(spec, json::object()));
  CHECK(cells[2] == "Europe/Paris");
  CHECK(cells[3] == "<unset>");
  CHECK(cells[4] == 0);
  CHECK(cells[5] == "<none>");
  CHECK(cells[9] == "<none>");
  spec["suspend"] = true;
  CHECK(cells_of("batch/v1", "CronJob", cron_job(spec, json::object()))[3] == "True");
}
