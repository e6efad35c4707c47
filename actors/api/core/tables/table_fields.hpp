// Reading the members of an object the way Go decodes them into kube's
// typed structs: a member that is missing, null or of another JSON type
// reads as Go's zero value ("", 0, false, empty list), so printing never
// throws and a malformed object prints as an empty one would.
//
// Contract: pure, never throws, returns references into `object` or to
// immutable statics (valid for the program's lifetime).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api::tables {

// The member `key` of `object`; null when `object` is not an object or has
// no such member. Chains: member(member(pod, "spec"), "nodeName").
const nlohmann::json& member(const nlohmann::json& object, std::string_view key);

// The string value, or "" when the member is not a string.
const std::string& text_member(const nlohmann::json& object, std::string_view key);

// The integer value, or 0 when the member is not an integer that fits int64.
std::int64_t integer_member(const nlohmann::json& object, std::string_view key);

// The boolean value, or false.
bool flag_member(const nlohmann::json& object, std::string_view key);

// The array, or an empty array.
const nlohmann::json& list_member(const nlohmann::json& object, std::string_view key);

// The number of entries of an object or array member, 0 for anything else
// (Go's len() of a map or slice).
std::int64_t count_member(const nlohmann::json& object, std::string_view key);

// True when the member exists and is not null (a Go pointer that is set).
bool has_member(const nlohmann::json& object, std::string_view key);

}  // namespace troupe::api::tables
