// YAML from the network (messages/core/yaml_documents.hpp): any text is
// loaded and converted without crashing, and a JSON text, which is also
// YAML, converts to what nlohmann parses from it, for objects (nested or
// not) of strings, numbers and booleans, wherever both accept the text: a
// manifest sent as YAML means what it means as JSON.
#include <cstdlib>
#include <string>

#include "actors/api/core/json_limits.hpp"
#include "messages/core/yaml_documents.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

// Bounded like the conversion: deeper objects are not compared.
bool of_strings_numbers_and_booleans(const nlohmann::json& object, std::size_t depth = 0) {
  if (depth > troupe::api::json_depth_max) return false;
  for (const auto& [key, value] : object.items()) {
    if (value.is_object() && of_strings_numbers_and_booleans(value, depth + 1)) continue;
    if (!value.is_string() && !value.is_number() && !value.is_boolean()) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto loaded = troupe::load_yaml_documents(text, 1);
  auto* documents = std::get_if<std::vector<YAML::Node>>(&loaded);
  if (!documents) return 0;
  // At most the one document asked for.
  if (documents->size() > 1) std::abort();
  if (documents->empty()) return 0;
  auto converted = troupe::yaml_to_json(documents->front(), troupe::api::json_depth_max);
  auto* from_yaml = std::get_if<nlohmann::json>(&converted);
  if (!from_yaml) return 0;
  auto from_json = troupe::fuzz::parse_json(text);
  if (!from_json || !from_json->is_object() || !of_strings_numbers_and_booleans(*from_json))
    return 0;
  if (*from_yaml != *from_json) std::abort();
  return 0;
}
