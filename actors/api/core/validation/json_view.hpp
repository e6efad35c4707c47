// Reading decoded Kubernetes objects without ever throwing: every accessor
// tolerates a missing member, null, or a value of another JSON type, and
// answers the Go zero value kube's typed structs would hold ("" for a
// string, nothing for an optional integer, an empty list or map).
// Contract: no accessor throws or recurses; references returned point into
// the given object or to immutable empty values with static lifetime.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api::validation {

using nlohmann::json;

// The member `key` of `object` when `object` is an object holding a non-null
// `key`, else nullptr.
const json* member(const json& object, std::string_view key);
// Whether `object` holds a non-null member `key` (Go: a non-nil pointer).
bool present(const json& object, std::string_view key);

// The string member, "" when absent or not a string.
std::string text(const json& object, std::string_view key);
// The integer value of `value`: integers as they are, unsigned integers
// clamped to int64, floats truncated when finite; nothing otherwise.
std::optional<std::int64_t> integer(const json& value);
std::optional<std::int64_t> integer_member(const json& object, std::string_view key);
// 0 when absent (a Go int field that was not set).
std::int64_t integer_or_zero(const json& object, std::string_view key);
// true only for a boolean true member.
bool flag(const json& object, std::string_view key);

// The member when it is an array (object), else an empty array (object).
const json& list(const json& object, std::string_view key);
const json& dictionary(const json& object, std::string_view key);

// A map[string]string view: non-string values read as "".
std::map<std::string, std::string> string_map(const json& object);

// The string at `index` of a list, "" when it is not a string.
std::string text_at(const json& list, std::size_t index);

// Whether a list or map member holds at least one entry (Go's len() > 0).
bool non_empty(const json& object, std::string_view key);

}  // namespace troupe::api::validation
