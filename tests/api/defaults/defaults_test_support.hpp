// Helpers of the defaulting tests: a manifest in (JSON text, which names its
// own apiVersion and kind), the defaulted document out.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "actors/api/core/defaults/api_defaults.hpp"

namespace troupe::api::test {

// `manifest` defaulted as its own apiVersion and kind say.
inline nlohmann::json defaulted(std::string_view manifest) {
  auto object = nlohmann::json::parse(manifest);
  apply_defaults(object, object.value("apiVersion", ""), object.value("kind", ""));
  return object;
}

// `object` defaulted once more, as apiVersion and kind are given.
inline nlohmann::json defaulted_again(nlohmann::json object, std::string_view api_version,
                                      std::string_view kind) {
  apply_defaults(object, api_version, kind);
  return object;
}

inline nlohmann::json document(std::string_view text) {
  return nlohmann::json::parse(text);
}

}  // namespace troupe::api::test
