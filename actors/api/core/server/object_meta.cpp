#include "actors/api/core/server/object_meta.hpp"

#include <cstdio>
#include <ctime>

namespace troupe::api {

std::string format_timestamp(api_clock::time_point time) {
  auto seconds = api_clock::to_time_t(std::chrono::floor<std::chrono::seconds>(time));
  std::tm civil{};
  gmtime_r(&seconds, &civil);
  char text[32];
  auto length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &civil);
  return std::string(text, length);
}

std::string random_uid(api_random& random) {
  auto high = random();
  auto low = random();
  // Version 4, variant 10xx (RFC 4122 section 4.4).
  high = (high & ~std::uint64_t{0xf000}) | std::uint64_t{0x4000};
  low = (low & ~(std::uint64_t{0xc} << 60)) | (std::uint64_t{0x8} << 60);
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xffff),
                static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return text;
}

std::string generate_name(std::string_view prefix, api_random& random) {
  static constexpr std::string_view alphabet = "bcdfghjklmnpqrstvwxz2456789";
  // kube's maxGeneratedNameLength: 63 - 5.
  constexpr std::size_t prefix_bytes_max = 63 - generated_suffix_length;
  std::string name(prefix.substr(0, prefix_bytes_max));
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (std::size_t i = 0; i < generated_suffix_length; ++i) name.push_back(alphabet[pick(random)]);
  return name;
}

const nlohmann::json* member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

std::string string_member(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::optional<std::int64_t> integer_member(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  if (!value || !value->is_number_integer()) return std::nullopt;
  return value->get<std::int64_t>();
}

const nlohmann::json* value_at(const nlohmann::json& object,
                               std::initializer_list<std::string_view> path) {
  const nlohmann::json* current = &object;
  for (auto key : path) {
    current = member(*current, key);
    if (!current) return nullptr;
  }
  return current;
}

std::string string_at(const nlohmann::json& object, std::initializer_list<std::string_view> path) {
  const auto* value = value_at(object, path);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::map<std::string, std::string> string_map_member(const nlohmann::json& object,
                                                     std::string_view key) {
  std::map<std::string, std::string> result;
  const auto* map = member(object, key);
  if (!map || !map->is_object()) return result;
  for (const auto& [name, value] : map->items())
    if (value.is_string()) result.emplace(name, value.get<std::string>());
  return result;
}

namespace {

std::string metadata_string(const nlohmann::json& object, std::string_view key) {
  const auto* metadata = member(object, "metadata");
  return metadata ? string_member(*metadata, key) : std::string();
}

}  // namespace

std::string object_name(const nlohmann::json& object) {
  return metadata_string(object, "name");
}
std::string object_namespace(const nlohmann::json& object) {
  return metadata_string(object, "namespace");
}
std::string object_uid(const nlohmann::json& object) {
  return metadata_string(object, "uid");
}
std::string object_resource_version(const nlohmann::json& object) {
  return metadata_string(object, "resourceVersion");
}

bool being_deleted(const nlohmann::json& object) {
  const auto* deletion = value_at(object, {"metadata", "deletionTimestamp"});
  return deletion != nullptr && !deletion->is_null();
}

std::map<std::string, std::string> object_labels(const nlohmann::json& object) {
  return string_map_member(metadata_or_empty(object), "labels");
}

const nlohmann::json& metadata_or_empty(const nlohmann::json& object) {
  static const nlohmann::json empty = nlohmann::json::object();
  const auto* metadata = member(object, "metadata");
  return metadata && metadata->is_object() ? *metadata : empty;
}

nlohmann::json& metadata_of(nlohmann::json& object) {
  auto& metadata = object["metadata"];
  if (!metadata.is_object()) metadata = nlohmann::json::object();
  return metadata;
}

}  // namespace troupe::api
