// batch/v1 Jobs and CronJobs (pkg/apis/batch/validation): counts, the
// template (restartPolicy OnFailure or Never), completion modes, what may
// change on update, and CronJob schedules, time zones, concurrency policy
// and name length. The generated Job selector (controller-uid labels) is
// the API layer's to add before validation, as kube's strategy does; a Job
// without a selector and without manualSelector is therefore accepted.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

error_list validate_job(const nlohmann::json& object);
error_list validate_job_update(const nlohmann::json& object, const nlohmann::json& old);
error_list validate_job_status_update(const nlohmann::json& object, const nlohmann::json& old);

error_list validate_cron_job(const nlohmann::json& object);
error_list validate_cron_job_update(const nlohmann::json& object, const nlohmann::json& old);
error_list validate_cron_job_status_update(const nlohmann::json& object, const nlohmann::json& old);

}  // namespace troupe::api::validation
