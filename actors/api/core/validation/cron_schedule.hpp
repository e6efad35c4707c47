// CronJob schedules as kube parses them (github.com/robfig/cron/v3
// ParseStandard): five fields (minute, hour, day of month, month, day of
// week) of values, ranges, steps, '*' and '?', and month and weekday names;
// the descriptors @yearly, @annually, @monthly, @weekly, @daily,
// @midnight, @hourly and "@every <duration>"; an optional "TZ=zone " or
// "CRON_TZ=zone " prefix. Errors carry the parser's own wording, which kube
// prints after the schedule.
// Limitation: no time zone database is consulted (that is I/O); any zone
// name is accepted here.
// Pure; never throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace troupe::api::validation {

// The parser's error for `schedule`, or nothing when it parses.
std::optional<std::string> cron_schedule_error(std::string_view schedule);

}  // namespace troupe::api::validation
