// CronJobs (kube's ValidateCronJobCreate, ValidateCronJobUpdate).

#include "actors/api/core/validation/batch_job_spec.hpp"
#include "actors/api/core/validation/batch_validation.hpp"
#include "actors/api/core/validation/cron_schedule.hpp"
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

const field_path spec_path("spec");
// The controller appends an 11-character suffix to Job names (63 - 11).
constexpr std::size_t cron_job_name_bytes_max = 52;

error_list schedule(const json& spec, bool time_zone_in_schedule_allowed) {
  auto value = text(spec, "schedule");
  auto path = spec_path.child("schedule");
  if (value.empty()) return {required(path)};
  error_list errors;
  if (auto error = cron_schedule_error(value))
    errors.push_back(invalid(path, go_quote(value), *error));
  bool mentions_zone = value.find("TZ") != std::string::npos;
  if (time_zone_in_schedule_allowed && mentions_zone && present(spec, "timeZone"))
    errors.push_back(invalid(path, go_quote(value),
                             "cannot use both timeZone field and TZ or CRON_TZ in schedule"));
  else if (!time_zone_in_schedule_allowed && mentions_zone)
    errors.push_back(invalid(path, go_quote(value),
                             "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  return errors;
}

bool time_zone_part(const std::string& part) {
  if (part.empty() || part.size() > 14 || part == "." || part == ".." || part.front() == '-')
    return false;
  for (char c : part) {
    bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '-' || c == '_' || c == '+';
    if (!allowed) return false;
  }
  return true;
}

// validateTimeZone, without loading the zone database (that is I/O).
error_list time_zone(const json& spec) {
  const json* zone = member(spec, "timeZone");
  if (zone == nullptr) return {};
  auto value = zone->is_string() ? zone->get<std::string>() : std::string();
  auto path = spec_path.child("timeZone");
  if (value.empty())
    return {invalid(path, go_quote(value), "timeZone must be nil or non-empty string")};
  std::size_t start = 0;
  while (true) {
    auto end = value.find('/', start);
    if (!time_zone_part(
            value.substr(start, end == std::string::npos ? std::string::npos : end - start)))
      return {invalid(path, go_quote(value), "unknown time zone " + value)};
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::string lowered = value;
  for (auto& c : lowered) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lowered == "local")
    return {invalid(
        path, go_quote(value),
        "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")};
  return {};
}

error_list job_template(const json& spec) {
  const json& job = dictionary(dictionary(spec, "jobTemplate"), "spec");
  auto path = spec_path.child("jobTemplate").child("spec");
  error_list errors = job_spec_common(job, path);
  if (const json* selector = member(job, "selector"))
    errors.push_back(invalid(path.child("selector"), go_label_selector(*selector),
                             "`selector` will be auto-generated"));
  if (flag(job, "manualSelector"))
    errors.push_back(not_supported(path.child("manualSelector"), "true", {"nil", "false"}));
  return errors;
}

error_list cron_job_spec(const json& spec, const json* old_spec) {
  bool zone_allowed =
      old_spec != nullptr && text(*old_spec, "schedule").find("TZ") != std::string::npos;
  error_list errors = schedule(spec, zone_allowed);
  if (auto deadline = integer_member(spec, "startingDeadlineSeconds"))
    append(errors, non_negative(*deadline, spec_path.child("startingDeadlineSeconds")));
  bool zone_changed = old_spec == nullptr ||
                      text(*old_spec, "timeZone") != text(spec, "timeZone") ||
                      present(*old_spec, "timeZone") != present(spec, "timeZone");
  if (zone_changed) append(errors, time_zone(spec));
  auto policy = text(spec, "concurrencyPolicy");
  if (policy.empty())
    errors.push_back(required(spec_path.child("concurrencyPolicy")));
  else if (policy != "Allow" && policy != "Forbid" && policy != "Replace")
    errors.push_back(not_supported(spec_path.child("concurrencyPolicy"), go_quote(policy),
                                   {"Allow", "Forbid", "Replace"}));
  append(errors, job_template(spec));
  for (const char* key : {"successfulJobsHistoryLimit", "failedJobsHistoryLimit"})
    if (auto limit = integer_member(spec, key))
      append(errors, non_negative(*limit, spec_path.child(key)));
  return errors;
}

}  // namespace

error_list validate_cron_job(const json& object) {
  error_list errors = validate_object_meta(object, {});
  append(errors, cron_job_spec(dictionary(object, "spec"), nullptr));
  auto name = text(dictionary(object, "metadata"), "name");
  if (name.size() > cron_job_name_bytes_max)
    errors.push_back(invalid(field_path("metadata").child("name"), go_quote(name),
                             "must be no more than 52 characters"));
  return errors;
}

error_list validate_cron_job_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  append(errors, cron_job_spec(dictionary(object, "spec"), &dictionary(old, "spec")));
  return errors;
}

error_list validate_cron_job_status_update(const json& object, const json& old) {
  return validate_object_meta_update(object, old, {});
}

}  // namespace troupe::api::validation
