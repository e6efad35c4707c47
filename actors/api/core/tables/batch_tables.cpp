// Jobs (NAME STATUS COMPLETIONS DURATION AGE, wide CONTAINERS IMAGES
// SELECTOR; the STATUS column is 1.32's) and CronJobs (NAME SCHEDULE
// TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, wide CONTAINERS IMAGES
// SELECTOR), as kube's printJob and printCronJob compute them.
#include "actors/api/core/tables/human_duration.hpp"
#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_formats.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"
#include "actors/api/core/tables/table_timestamps.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr std::string_view job_selector_description =
    "A label query over pods that should match the pod count. Normally, the system sets this "
    "field for you. More info: "
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors";

constexpr table_column job_columns[] = {
    name_column,
    {"Status", "string", "", "Status of the job.", 0},
    {"Completions", "string", "",
     "The number of pods which reached phase Succeeded. The value increases monotonically for a "
     "given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.",
     0},
    {"Duration", "string", "", "Time required to complete the job.", 0},
    age_column,
    containers_column,
    images_column,
    {"Selector", "string", "", job_selector_description, 1},
};

constexpr table_column cron_job_columns[] = {
    name_column,
    {"Schedule", "string", "",
     "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.", 0},
    {"Timezone", "string", "",
     "The time zone name for the given schedule, see "
     "https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will "
     "default to the time zone of the kube-controller-manager process. The set of valid time "
     "zone names and the time zone offset is loaded from the system-wide time zone database by "
     "the API server during CronJob validation and the controller manager during execution. If "
     "no system-wide time zone database can be found a bundled version of the database is used "
     "instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to "
     "a change in host configuration, the controller will stop creating new new Jobs and will "
     "create a system event with the reason UnknownTimeZone. More information can be found in "
     "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones",
     0},
    {"Suspend", "boolean", "",
     "This flag tells the controller to suspend subsequent executions, it does not apply to "
     "already started executions.  Defaults to false.",
     0},
    {"Active", "integer", "", "A list of pointers to currently running jobs.", 0},
    {"Last Schedule", "string", "",
     "Information when was the last time the job was successfully scheduled.", 0},
    age_column,
    containers_column,
    images_column,
    {"Selector", "string", "", job_selector_description, 1},
};

// hasJobCondition: the first condition of the type decides.
bool has_condition(const json& status, std::string_view type) {
  for (const auto& condition : list_member(status, "conditions"))
    if (text_member(condition, "type") == type) return text_member(condition, "status") == "True";
  return false;
}

std::string job_status(const json& job) {
  const auto& status = member(job, "status");
  if (has_condition(status, "Complete")) return "Complete";
  if (has_condition(status, "Failed")) return "Failed";
  if (deletion_requested(job)) return "Terminating";
  if (has_condition(status, "Suspended")) return "Suspended";
  if (has_condition(status, "FailureTarget")) return "FailureTarget";
  return "Running";
}

std::string completions(const json& job) {
  const auto& spec = member(job, "spec");
  auto succeeded = std::to_string(integer_member(member(job, "status"), "succeeded"));
  if (has_member(spec, "completions"))
    return succeeded + "/" + std::to_string(integer_member(spec, "completions"));
  auto parallelism = integer_member(spec, "parallelism");
  if (parallelism > 1) return succeeded + "/1 of " + std::to_string(parallelism);
  return succeeded + "/1";
}

// Empty until the job starts; then running time, or start to completion.
// kube does not test these times for zero, so neither do we.
std::string job_duration(const json& status, std::chrono::system_clock::time_point now) {
  if (!has_member(status, "startTime")) return "";
  auto started = timestamp_value(member(status, "startTime")).value_or(go_zero_time);
  if (!has_member(status, "completionTime")) return age_since(started, now);
  auto completed = timestamp_value(member(status, "completionTime")).value_or(go_zero_time);
  return human_duration(nanoseconds_between(started, completed));
}

table_row print_job(const json& job, std::chrono::system_clock::time_point now) {
  const auto& spec = member(job, "spec");
  const auto& containers = list_member(member(member(spec, "template"), "spec"), "containers");
  table_row row;
  row.cells = json::array({name_of(job), job_status(job), completions(job),
                           job_duration(member(job, "status"), now), age_of(job, now),
                           container_names(containers), container_images(containers),
                           format_label_selector(member(spec, "selector"))});
  return row;
}

std::string suspend_text(const json& spec) {
  if (!has_member(spec, "suspend")) return "<unset>";
  return flag_member(spec, "suspend") ? "True" : "False";
}

table_row print_cron_job(const json& cron_job, std::chrono::system_clock::time_point now) {
  const auto& spec = member(cron_job, "spec");
  const auto& status = member(cron_job, "status");
  const auto& job_spec = member(member(spec, "jobTemplate"), "spec");
  const auto& containers = list_member(member(member(job_spec, "template"), "spec"), "containers");
  auto last_schedule = has_member(status, "lastScheduleTime")
                           ? age_since(member(status, "lastScheduleTime"), now)
                           : std::string("<none>");
  auto time_zone = has_member(spec, "timeZone") ? text_member(spec, "timeZone") : "<none>";
  table_row row;
  row.cells =
      json::array({name_of(cron_job), text_member(spec, "schedule"), time_zone, suspend_text(spec),
                   static_cast<std::int64_t>(list_member(status, "active").size()), last_schedule,
                   age_of(cron_job, now), container_names(containers), container_images(containers),
                   format_label_selector(member(job_spec, "selector"))});
  return row;
}

}  // namespace

const table_printer job_printer{job_columns, print_job};
const table_printer cron_job_printer{cron_job_columns, print_cron_job};

}  // namespace troupe::api::tables
