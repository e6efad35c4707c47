// The names a serving certificate is valid for (its subjectAltName): how
// they are derived from the server names troupe is given, written into a
// certificate, and checked against an existing one.
//
// Contract:
//   1. serving_names() accepts IPv4 and IPv6 addresses (as inet_pton reads
//      them), which become IP entries, and RFC 1123 DNS names, which become
//      DNS entries in lowercase (DNS is case-insensitive; kube's subdomain
//      rule is lowercase). It always adds localhost, 127.0.0.1 and ::1 first,
//      keeps the order given after them and drops duplicates (an address
//      spelled two ways is one entry). Anything else is an error quoting it.
//   2. certificate_covers() is true when every entry matches the certificate
//      exactly, as a client checks it (OpenSSL's X509_check_host without
//      wildcards or subject fallback, X509_check_ip).
//   3. add_serving_names() adds a non-critical subjectAltName extension.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "net/tls/openssl_handles.hpp"

namespace troupe::net::tls {

struct serving_name {
  enum class kind : std::uint8_t { dns, ip };
  kind type = kind::dns;
  // A DNS name in lowercase, or an address's 4 or 16 network-order bytes.
  std::string value;

  friend bool operator==(const serving_name&, const serving_name&) = default;
};

std::variant<std::vector<serving_name>, std::string> serving_names(
    const std::vector<std::string>& server_names);

bool certificate_covers(X509& certificate, const std::vector<serving_name>& names);

std::optional<std::string> add_serving_names(X509& certificate,
                                             const std::vector<serving_name>& names);

}  // namespace troupe::net::tls
