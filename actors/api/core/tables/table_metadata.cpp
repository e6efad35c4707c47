#include "actors/api/core/tables/table_metadata.hpp"

#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_timestamps.hpp"

namespace troupe::api::tables {

const std::string& name_of(const nlohmann::json& object) {
  return text_member(member(object, "metadata"), "name");
}

std::string age_of(const nlohmann::json& object, std::chrono::system_clock::time_point now) {
  return age_since(member(member(object, "metadata"), "creationTimestamp"), now);
}

bool deletion_requested(const nlohmann::json& object) {
  // kube tests the pointer, so any value but null counts.
  return has_member(member(object, "metadata"), "deletionTimestamp");
}

const std::string* annotation_of(const nlohmann::json& object, std::string_view key) {
  const auto& value = member(member(member(object, "metadata"), "annotations"), key);
  return value.is_string() ? &value.get_ref<const std::string&>() : nullptr;
}

}  // namespace troupe::api::tables
