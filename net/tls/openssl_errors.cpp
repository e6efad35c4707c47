#include "net/tls/openssl_errors.hpp"

#include <openssl/err.h>

#include <algorithm>
#include <vector>

namespace troupe::net::tls {

std::string openssl_error_text() {
  std::vector<std::string> reasons;
  // The queue holds at most ERR_NUM_ERRORS (16) entries; the bound only
  // guards against a queue that refills while we drain it.
  for (int entry = 0; entry < 64; ++entry) {
    unsigned long code = ERR_get_error();
    if (code == 0) break;
    const char* reason = ERR_reason_error_string(code);
    std::string text = reason ? std::string(reason) : "error code " + std::to_string(code);
    // Decoders that try several formats repeat the same reason.
    if (std::find(reasons.begin(), reasons.end(), text) == reasons.end()) reasons.push_back(text);
  }
  if (reasons.empty()) return "unknown OpenSSL error";
  std::string joined = reasons.front();
  for (std::size_t index = 1; index < reasons.size(); ++index) joined += "; " + reasons[index];
  return joined;
}

}  // namespace troupe::net::tls
