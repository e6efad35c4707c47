// Go's time.Parse for the two layouts Kubernetes decodes timestamps with:
// metav1.Time uses RFC 3339 ("2006-01-02T15:04:05Z07:00") and metav1.MicroTime
// RFC 3339 with exactly six fraction digits ("2006-01-02T15:04:05.000000Z07:00").
// A request body with a bad timestamp is refused with Go's error text, so the
// text is reproduced exactly:
//   parsing time "2024-13-01T00:00:00Z": month out of range
//   parsing time "noon" as "2006-01-02T15:04:05Z07:00": cannot parse "noon" as "2006"
// Pure; nothing throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace troupe::api::schema {

enum class go_time_layout { rfc3339, rfc3339_micro };

// Nothing when Go accepts `value`, else Go's error message.
std::optional<std::string> go_time_parse_error(std::string_view value, go_time_layout layout);

// Go's quoting in time errors: '"' and '\' escaped, bytes below 0x20 or
// above 0x7f written as \xNN.
std::string go_time_quote(std::string_view text);

}  // namespace troupe::api::schema
