// Metadata the api server fills in itself (ObjectMeta's system fields) and
// small accessors shared by the api core: RFC 3339 timestamps as kube writes
// them (metav1.Time: second precision, UTC, "Z"), random UIDs and the random
// suffix of generateName (kube's names.SimpleNameGenerator: five characters
// of "bcdfghjklmnpqrstvwxz2456789"), and typed reads of JSON members that
// never throw.
// Pure: time and randomness are inputs (a caller-owned generator).
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api {

using api_clock = std::chrono::system_clock;
using api_random = std::mt19937_64;

// "2026-12-01T21:24:45Z" (fractions dropped, as metav1.Time marshals).
std::string format_timestamp(api_clock::time_point time);

// A version 4 UUID in canonical text form.
std::string random_uid(api_random& random);

// kube's generated-name suffix length and alphabet.
constexpr std::size_t generated_suffix_length = 5;
// `prefix` (cut so the result fits 63 bytes, as kube's generator does) and
// five random characters.
std::string generate_name(std::string_view prefix, api_random& random);

// Typed views of JSON members: the value at `object[key]` if it exists and
// has the type, else nothing / the fallback. Never throw.
const nlohmann::json* member(const nlohmann::json& object, std::string_view key);
std::string string_member(const nlohmann::json& object, std::string_view key);
std::optional<std::int64_t> integer_member(const nlohmann::json& object, std::string_view key);
// The value at a path of object members, if every step exists and is an
// object; string_at gives "" unless it is a string.
const nlohmann::json* value_at(const nlohmann::json& object,
                               std::initializer_list<std::string_view> path);
std::string string_at(const nlohmann::json& object, std::initializer_list<std::string_view> path);
// metadata.labels (or any string map): only members with string values.
std::map<std::string, std::string> string_map_member(const nlohmann::json& object,
                                                     std::string_view key);

// metadata.labels of an object (string_map_member of its metadata).
std::map<std::string, std::string> object_labels(const nlohmann::json& object);

// metadata.name / namespace / uid / resourceVersion of an object ("" when
// absent or not strings).
std::string object_name(const nlohmann::json& object);
std::string object_namespace(const nlohmann::json& object);
std::string object_uid(const nlohmann::json& object);
std::string object_resource_version(const nlohmann::json& object);

// Whether metadata.deletionTimestamp is set (a null one is not, as Go
// decodes it).
bool being_deleted(const nlohmann::json& object);

// The object's metadata member, created as {} when absent or not an object.
nlohmann::json& metadata_of(nlohmann::json& object);
// The object's metadata member, or an empty object when absent or not an
// object (no copy).
const nlohmann::json& metadata_or_empty(const nlohmann::json& object);

}  // namespace troupe::api
