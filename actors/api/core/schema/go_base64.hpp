// Go's base64.StdEncoding.Decode as encoding/json applies it to a string
// decoded into []byte (Secret.data values): padding required, '\r' and '\n'
// skipped anywhere. Reports the offset Go's CorruptInputError carries, so the
// refusal reads exactly as kube's: "illegal base64 data at input byte 4".
// Pure; nothing throws.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace troupe::api::schema {

// Nothing when `text` decodes, else the byte offset Go reports.
std::optional<std::size_t> go_base64_error_offset(std::string_view text);

// "illegal base64 data at input byte <offset>".
std::string go_base64_error_message(std::size_t offset);

}  // namespace troupe::api::schema
