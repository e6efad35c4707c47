#include "actors/api/core/server/continue_token.hpp"

#include <kj/encoding.h>

#include <nlohmann/json.hpp>

namespace troupe::api {

std::string encode_continue_token(const continue_position& position) {
  nlohmann::json token{
      {"v", "meta.k8s.io/v1"}, {"rv", position.revision}, {"start", position.start}};
  auto text = token.dump();
  auto encoded = kj::encodeBase64Url(
      kj::arrayPtr(reinterpret_cast<const kj::byte*>(text.data()), text.size()));
  return std::string(encoded.cStr(), encoded.size());
}

std::variant<continue_position, std::string> decode_continue_token(std::string_view token) {
  // kj decodes the standard alphabet only: map the URL-safe one onto it.
  std::string standard(token);
  for (auto& c : standard) c = c == '-' ? '+' : c == '_' ? '/' : c;
  auto decoded = kj::decodeBase64(kj::arrayPtr(standard.data(), standard.size()));
  if (decoded.hadErrors) return std::string("continue key is not valid: illegal base64 data");
  std::string text(reinterpret_cast<const char*>(decoded.begin()), decoded.size());
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object())
    return std::string("continue key is not valid: it is not a JSON object");
  // The token comes from a client: "v" may be of any type (value() would
  // throw on a non-string).
  const auto version = parsed.find("v");
  const auto version_text = version == parsed.end() ? std::string()
                            : version->is_string()  ? version->get<std::string>()
                                                    : version->dump();
  if (version_text != "meta.k8s.io/v1")
    return "continue key is not valid: server does not recognize this encoded version " +
           version_text;
  const auto rv = parsed.find("rv");
  const auto start = parsed.find("start");
  if (rv == parsed.end() || !rv->is_number_integer() || rv->get<std::int64_t>() <= 0)
    return std::string(
        "continue key is not valid: incorrect encoded start resourceVersion "
        "(version meta.k8s.io/v1)");
  if (start == parsed.end() || !start->is_string() || start->get<std::string>().empty())
    return std::string(
        "continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
  auto position = continue_position{rv->get<std::int64_t>(), start->get<std::string>()};
  if (position.start.find("..") != std::string::npos || position.start.front() == '/')
    return std::string("continue key is not valid: the start key may not go outside the list");
  return position;
}

}  // namespace troupe::api
