// A certificate and its private key as the PKI directory stores them:
// "<directory>/<stem>.crt" and "<directory>/<stem>.key", PEM.
//
// Contract of read_stored_pair():
//   1. An absent file leaves its member null: neither file (nothing issued
//      yet), or only the key (a crash between writing the key and the
//      certificate; a certificate can be issued for it).
//   2. Errors name the file: unreadable, larger than pem_text_bytes_max, not
//      PEM of the expected kind, a certificate whose key is missing, or a key
//      that does not match its certificate.
//   3. It only reads; no exception escapes.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "net/tls/openssl_handles.hpp"

namespace troupe::net::tls {

struct stored_pair {
  std::string certificate_path;
  std::string key_path;
  certificate certificate_object;
  private_key key_object;
};

std::variant<stored_pair, std::string> read_stored_pair(const std::string& directory,
                                                        std::string_view stem);

}  // namespace troupe::net::tls
