// Helpers shared by the fuzz targets: the input as bytes, text or a JSON
// document split in two (a target that needs two documents reads them from
// one input separated by a NUL byte).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace troupe::fuzz {

inline std::optional<nlohmann::json> parse_json(std::string_view text) {
  auto document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) return std::nullopt;
  return document;
}

inline std::pair<std::string_view, std::string_view> split_at_nul(const std::uint8_t* data,
                                                                  std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto nul = text.find('\0');
  if (nul == std::string_view::npos) return {text, {}};
  return {text.substr(0, nul), text.substr(nul + 1)};
}

}  // namespace troupe::fuzz
