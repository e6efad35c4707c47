// Conversions between OpenSSL's key and certificate objects and PEM text
// ("-----BEGIN CERTIFICATE-----", PKCS#8 "-----BEGIN PRIVATE KEY-----").
//
// Contract: the parsers read the first PEM block of the expected type and
// never prompt for a passphrase (an encrypted key is an error). Failures are
// values carrying OpenSSL's reasons; no exception escapes. Texts longer than
// pem_text_bytes_max are refused before OpenSSL sees them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "net/tls/openssl_handles.hpp"

namespace troupe::net::tls {

// A certificate or key in PEM is a few kilobytes; anything much larger is
// not one of ours, and OpenSSL's BIO API takes an int length.
constexpr std::size_t pem_text_bytes_max = 64 * 1024;

std::variant<certificate, std::string> certificate_from_pem(std::string_view text);
std::variant<private_key, std::string> private_key_from_pem(std::string_view text);

// Set `pem` to the object's PEM text, or return why not (only when OpenSSL
// cannot allocate memory).
std::optional<std::string> certificate_to_pem(X509& certificate, std::string& pem);
std::optional<std::string> private_key_to_pem(EVP_PKEY& key, std::string& pem);

}  // namespace troupe::net::tls
