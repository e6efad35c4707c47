// Proves Job and CronJob validation: counts, restart policy, completion
// modes, update immutability, and CronJob schedules (robfig/cron's
// ParseStandard errors), time zones, policies and name length.
#include <catch2/catch.hpp>

#include "actors/api/core/validation/cron_schedule.hpp"
#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

using validation::cron_schedule_error;

TEST_CASE("job counts may not be negative and the template restarts OnFailure or Never") {
  auto object = job();
  object["spec"]["parallelism"] = -1;
  object["spec"]["backoffLimit"] = -1;
  object["spec"]["template"]["spec"]["restartPolicy"] = "Always";
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
            "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
            "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: "
            "\"OnFailure\", \"Never\""});
}

TEST_CASE("job completion modes are NonIndexed or Indexed, and Indexed needs completions") {
  auto object = job();
  object["spec"]["completionMode"] = "Ordered";
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.completionMode: Unsupported value: \"Ordered\": supported "
                                 "values: \"NonIndexed\", \"Indexed\""});
  object["spec"]["completionMode"] = "Indexed";
  object["spec"].erase("completions");
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.completions: Required value: when completion mode is Indexed"});
}

TEST_CASE("a job's selector must match its template labels") {
  auto object = job();
  object["spec"]["selector"]["matchLabels"]["batch.kubernetes.io/controller-uid"] = "other";
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\", "
            "\"batch.kubernetes.io/controller-uid\":\"0a1b\"}: `selector` does not match template "
            "`labels`"});
}

TEST_CASE("a job's completions, selector and template may not change on update") {
  auto old = stored(job());
  auto object = old;
  object["spec"]["completions"] = 3;
  object["spec"]["template"]["spec"]["containers"][0]["image"] = "migrate:2";
  CHECK(update_causes(object, old) ==
        std::vector<std::string>{
            "spec.completions: Invalid value: 3: field is immutable",
            "spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable"});
  auto suspended = old;
  suspended["spec"]["suspend"] = true;
  auto resumed = suspended;
  resumed["spec"]["template"]["spec"]["nodeSelector"] = {{"pool", "batch"}};
  CHECK(update_causes(resumed, suspended).empty());
}

TEST_CASE("cron schedules parse as five fields, ranges, steps, names and descriptors") {
  for (const char* valid : {"*/5 * * * *", "0 0 1 jan *", "15 3 * * MON-FRI", "0 0 ? * *",
                            "@hourly", "@every 1h30m", "0 9-17/2 * * 1,3,5", "59 23 31 12 6"})
    CHECK_FALSE(cron_schedule_error(valid).has_value());
  CHECK(cron_schedule_error("* * * *") ==
        std::optional<std::string>("expected exactly 5 fields, found 4: [* * * *]"));
  CHECK(cron_schedule_error("60 * * * *") ==
        std::optional<std::string>("end of range (60) above maximum (59): 60"));
  CHECK(cron_schedule_error("* * 0 * *") ==
        std::optional<std::string>("beginning of range (0) below minimum (1): 0"));
  CHECK(cron_schedule_error("5-1 * * * *") ==
        std::optional<std::string>("beginning of range (5) beyond end of range (1): 5-1"));
  CHECK(cron_schedule_error("*/0 * * * *") ==
        std::optional<std::string>("step of range should be a positive number: */0"));
  CHECK(cron_schedule_error("x * * * *") ==
        std::optional<std::string>(
            "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax"));
  CHECK(cron_schedule_error("* * * * 7") ==
        std::optional<std::string>("end of range (7) above maximum (6): 7"));
  CHECK(cron_schedule_error("@fortnightly") ==
        std::optional<std::string>("unrecognized descriptor: @fortnightly"));
  CHECK(cron_schedule_error("@every 5x") ==
        std::optional<std::string>(
            "failed to parse duration @every 5x: time: unknown unit \"x\" in duration \"5x\""));
}

TEST_CASE("a cron job with a bad schedule is refused with the parser's error after the schedule") {
  auto object = cron_job();
  object["spec"]["schedule"] = "61 * * * *";
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.schedule: Invalid value: \"61 * * * *\": end of range (61) "
                                 "above maximum (59): 61"});
  object["spec"]["schedule"] = "TZ=Europe/Paris 0 9 * * *";
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.schedule: Invalid value: \"TZ=Europe/Paris 0 9 * * *\": "
                                 "cannot use TZ or CRON_TZ in "
                                 "schedule, use timeZone field instead"});
}

TEST_CASE("cron job names are at most 52 characters and policies use kube's values") {
  auto object = cron_job();
  object["metadata"]["name"] = std::string(53, 'a');
  object["spec"]["concurrencyPolicy"] = "Queue";
  object["spec"]["timeZone"] = "Local";
  CHECK(create_causes(object) ==
        std::vector<std::string>{"spec.timeZone: Invalid value: \"Local\": timeZone must be an "
                                 "explicit time zone as defined in "
                                 "https://www.iana.org/time-zones",
                                 "spec.concurrencyPolicy: Unsupported value: \"Queue\": supported "
                                 "values: \"Allow\", \"Forbid\", \"Replace\"",
                                 "metadata.name: Invalid value: \"" + std::string(53, 'a') +
                                     "\": must be no more than 52 characters"});
}

TEST_CASE("a cron job template may not carry a selector") {
  auto object = cron_job();
  object["spec"]["jobTemplate"]["spec"]["selector"] = {{"matchLabels", {{"app", "web"}}}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "spec.jobTemplate.spec.selector: Invalid value: "
            "v1.LabelSelector{MatchLabels:map[string]string{"
            "\"app\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` "
            "will be "
            "auto-generated"});
}

}  // namespace troupe::api::validation_test
