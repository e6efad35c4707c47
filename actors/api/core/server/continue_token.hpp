// The `continue` token of a paginated list, in kube's format: URL-safe
// base64 (no padding) of {"v":"meta.k8s.io/v1","rv":<revision>,
// "start":"<key after the collection prefix where the next page starts>"}.
// The revision pins every page to the first page's snapshot. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace troupe::api {

struct continue_position {
  std::int64_t revision = 0;
  std::string start;  // relative to the collection prefix
};

std::string encode_continue_token(const continue_position& position);
// An error message ("continue key is not valid: ...") for a token this
// server did not make.
std::variant<continue_position, std::string> decode_continue_token(std::string_view token);

}  // namespace troupe::api
