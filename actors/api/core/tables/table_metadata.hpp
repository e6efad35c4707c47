// The ObjectMeta members every printer reads: the name, the age (from
// creationTimestamp, "<unknown>" without one) and whether deletion has been
// requested (deletionTimestamp set, which several kinds print as
// "Terminating").
//
// Contract: pure, never throws (table_fields.hpp reading rules).
#pragma once

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

namespace troupe::api::tables {

const std::string& name_of(const nlohmann::json& object);
std::string age_of(const nlohmann::json& object, std::chrono::system_clock::time_point now);
bool deletion_requested(const nlohmann::json& object);
// metadata.annotations[key], if present as a string.
const std::string* annotation_of(const nlohmann::json& object, std::string_view key);

}  // namespace troupe::api::tables
