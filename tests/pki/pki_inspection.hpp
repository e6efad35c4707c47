// Test helpers that read certificates, keys and files with OpenSSL and
// POSIX directly, independently of net/tls's own checks, so the tests
// compare the library against what a TLS peer would see. Each throws
// std::runtime_error (which fails the running test) on input it cannot read.
#pragma once

#include <openssl/x509.h>
#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace troupe::testing {

using certificate_handle = std::unique_ptr<X509, void (*)(X509*)>;

certificate_handle parse_certificate(const std::string& pem);

// X509_verify_cert of `leaf` against `ca` alone for an X509_PURPOSE_* at
// `when`: X509_V_OK or the verification error.
int verify_against(const std::string& ca_pem, const std::string& leaf_pem, int purpose,
                   std::chrono::system_clock::time_point when = std::chrono::system_clock::now());

// "DNS:<name>" and "IP:<address>" entries, in certificate order.
std::vector<std::string> subject_alternative_names(const std::string& pem);
// The values of one subject attribute (NID_commonName, NID_organizationName).
std::vector<std::string> subject_values(const std::string& pem, int nid);
std::string issuer_common_name(const std::string& pem);
// The serial number in hexadecimal, and how many bits it has.
std::string serial_hex(const std::string& pem);
int serial_bits(const std::string& pem);
// OpenSSL's text for an extension ("CA:TRUE", "TLS Web Server
// Authentication"), prefixed "critical: " when it is critical; "" if absent.
std::string extension_text(const std::string& pem, int nid);
// notAfter - notBefore, and notBefore itself.
std::chrono::seconds validity_length(const std::string& pem);
std::chrono::system_clock::time_point not_before(const std::string& pem);
// "EC prime256v1" for the keys troupe makes.
std::string key_description(const std::string& key_pem);

// Permission bits (e.g. 0600) and inode of a path.
mode_t mode_of(const std::string& path);
ino_t inode_of(const std::string& path);
std::string read_text(const std::string& path);
std::string base64_decode(const std::string& text);

}  // namespace troupe::testing
