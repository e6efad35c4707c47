// Makes the keys and X.509 v3 certificates of the cluster PKI: the CA's
// self-signed certificate, serving certificates and client certificates.
//
// Contract:
//   1. generate_key() returns a fresh ECDSA P-256 key from OpenSSL's CSPRNG.
//   2. issue_certificate() returns a certificate for `subject_key`, signed
//      with ECDSA-SHA256 by `issuer_key` (the issuer's name and key id taken
//      from `issuer`, or from the new certificate itself when `issuer` is
//      null: self-signed). It carries a random positive 128-bit serial, the
//      subject O=<each organization>, CN=<common name>, and is valid from
//      `now` minus clock_skew_allowance to `now` plus `validity`.
//      Extensions by role (all carry a subject key identifier; non-CAs an
//      authority key identifier):
//        authority  basicConstraints critical CA:TRUE; keyUsage critical
//                   digitalSignature, keyCertSign, cRLSign
//        server     basicConstraints critical CA:FALSE; keyUsage critical
//                   digitalSignature; extendedKeyUsage serverAuth;
//                   subjectAltName = serving_names
//        client     as server, with clientAuth and no subjectAltName
//   3. Failures (a name OpenSSL refuses, e.g. a CN over 64 characters; a key
//      that does not sign) are values with OpenSSL's reasons.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "net/tls/openssl_handles.hpp"
#include "net/tls/serving_names.hpp"

namespace troupe::net::tls {

// Certificates start a little in the past, so a client whose clock is
// slightly behind the server's accepts a certificate issued just now.
constexpr std::chrono::minutes clock_skew_allowance{5};

enum class certificate_role : std::uint8_t { authority, server, client };

struct certificate_request {
  certificate_role role = certificate_role::client;
  std::string common_name;
  std::vector<std::string> organizations;
  // Only for certificate_role::server.
  std::vector<serving_name> serving_names;
  std::chrono::system_clock::time_point now;
  std::chrono::seconds validity{0};
};

std::variant<private_key, std::string> generate_key();

std::variant<certificate, std::string> issue_certificate(const certificate_request& request,
                                                         EVP_PKEY& subject_key, X509* issuer,
                                                         EVP_PKEY& issuer_key);

}  // namespace troupe::net::tls
