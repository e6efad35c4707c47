// Proves what load_or_create_pki() writes into a fresh directory: the file
// modes, and certificates a TLS peer accepts for the right purpose only,
// with the subjects, names, extensions, lifetimes and serials the contract
// states. Each case creates a PKI in a temporary directory and inspects the
// returned PEM texts and the files with OpenSSL directly.
#include <catch2/catch.hpp>

#include <openssl/x509v3.h>

#include <chrono>
#include <filesystem>
#include <set>

#include "net/tls/cluster_pki.hpp"
#include "tests/pki/pki_inspection.hpp"
#include "tests/support/child_process.hpp"

namespace {

using namespace troupe::net::tls;
using namespace troupe::testing;
using namespace std::chrono_literals;

cluster_pki create(const std::string& directory, const std::vector<std::string>& names = {}) {
  auto result = load_or_create_pki(directory, names);
  if (auto* error = std::get_if<std::string>(&result)) FAIL(*error);
  return std::get<cluster_pki>(result);
}

const std::vector<std::string> all_files{"ca.crt",        "ca.key",    "apiserver.crt",
                                         "apiserver.key", "admin.crt", "admin.key"};

}  // namespace

TEST_CASE("a fresh PKI directory is 0700 with 0600 keys and 0644 certificates") {
  temp_dir temp;
  auto directory = temp.file("data/pki");
  auto pki = create(directory);
  CHECK(mode_of(directory) == 0700);
  for (const auto* key : {"ca.key", "apiserver.key", "admin.key"}) {
    CHECK(mode_of(directory + "/" + key) == 0600);
  }
  for (const auto* certificate : {"ca.crt", "apiserver.crt", "admin.crt"}) {
    CHECK(mode_of(directory + "/" + certificate) == 0644);
  }
  CHECK(read_text(directory + "/ca.crt") == pki.ca_certificate);
  CHECK(read_text(directory + "/ca.key") == pki.ca_key);
  CHECK(read_text(directory + "/apiserver.crt") == pki.server.certificate);
  CHECK(read_text(directory + "/apiserver.key") == pki.server.key);
  CHECK(read_text(directory + "/admin.crt") == pki.admin.certificate);
  CHECK(read_text(directory + "/admin.key") == pki.admin.key);
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.insert(entry.path().filename().string());
  }
  CHECK(names == std::set<std::string>(all_files.begin(), all_files.end()));
}

TEST_CASE("the serving and admin certificates verify against the CA for their purpose only") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  CHECK(verify_against(pki.ca_certificate, pki.server.certificate, X509_PURPOSE_SSL_SERVER) ==
        X509_V_OK);
  CHECK(verify_against(pki.ca_certificate, pki.admin.certificate, X509_PURPOSE_SSL_CLIENT) ==
        X509_V_OK);
  CHECK(verify_against(pki.ca_certificate, pki.server.certificate, X509_PURPOSE_SSL_CLIENT) ==
        X509_V_ERR_INVALID_PURPOSE);
  CHECK(verify_against(pki.ca_certificate, pki.admin.certificate, X509_PURPOSE_SSL_SERVER) ==
        X509_V_ERR_INVALID_PURPOSE);
  temp_dir other;
  auto stranger = create(other.file("pki"));
  CHECK(verify_against(stranger.ca_certificate, pki.server.certificate, X509_PURPOSE_SSL_SERVER) ==
        X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

TEST_CASE("the serving certificate names the loopback defaults, then the given names once each") {
  temp_dir temp;
  auto pki = create(temp.file("pki"), {"Troupe.Example.com", "10.0.0.7", "127.0.0.1", "fd00::0:7",
                                       "localhost", "troupe.example.com", "0:0::1", "fd00::7"});
  CHECK(subject_alternative_names(pki.server.certificate) ==
        std::vector<std::string>{"DNS:localhost", "IP:127.0.0.1", "IP:::1",
                                 "DNS:troupe.example.com", "IP:10.0.0.7", "IP:fd00::7"});
  CHECK(extension_text(pki.server.certificate, NID_subject_alt_name) ==
        "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, "
        "DNS:troupe.example.com, IP Address:10.0.0.7, IP Address:FD00:0:0:0:0:0:0:7");
}

TEST_CASE("the serving certificate is for troupe-apiserver, serverAuth, for one year") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  const auto& pem = pki.server.certificate;
  CHECK(subject_values(pem, NID_commonName) == std::vector<std::string>{"troupe-apiserver"});
  CHECK(subject_values(pem, NID_organizationName).empty());
  CHECK(issuer_common_name(pem) == "troupe-ca");
  CHECK(extension_text(pem, NID_basic_constraints) == "critical: CA:FALSE");
  CHECK(extension_text(pem, NID_key_usage) == "critical: Digital Signature");
  CHECK(extension_text(pem, NID_ext_key_usage) == "TLS Web Server Authentication");
  CHECK(extension_text(pem, NID_authority_key_identifier) ==
        extension_text(pki.ca_certificate, NID_subject_key_identifier));
  CHECK(validity_length(pem) == std::chrono::days(365) + 5min);
  CHECK(key_description(pki.server.key) == "EC prime256v1");
}

TEST_CASE("the admin certificate is for troupe-admin in system:masters, clientAuth, one year") {
  temp_dir temp;
  auto pki = create(temp.file("pki"), {"10.0.0.7"});
  const auto& pem = pki.admin.certificate;
  CHECK(subject_values(pem, NID_commonName) == std::vector<std::string>{"troupe-admin"});
  CHECK(subject_values(pem, NID_organizationName) == std::vector<std::string>{"system:masters"});
  CHECK(issuer_common_name(pem) == "troupe-ca");
  CHECK(extension_text(pem, NID_basic_constraints) == "critical: CA:FALSE");
  CHECK(extension_text(pem, NID_key_usage) == "critical: Digital Signature");
  CHECK(extension_text(pem, NID_ext_key_usage) == "TLS Web Client Authentication");
  CHECK(extension_text(pem, NID_subject_alt_name).empty());
  CHECK(validity_length(pem) == std::chrono::days(365) + 5min);
  CHECK(key_description(pki.admin.key) == "EC prime256v1");
}

TEST_CASE("the CA is a self-signed P-256 troupe-ca for certificate signing, for ten years") {
  temp_dir temp;
  auto before = std::chrono::system_clock::now();
  auto pki = create(temp.file("pki"));
  const auto& pem = pki.ca_certificate;
  CHECK(subject_values(pem, NID_commonName) == std::vector<std::string>{"troupe-ca"});
  CHECK(issuer_common_name(pem) == "troupe-ca");
  CHECK(verify_against(pem, pem, X509_PURPOSE_ANY) == X509_V_OK);
  CHECK(extension_text(pem, NID_basic_constraints) == "critical: CA:TRUE");
  CHECK(extension_text(pem, NID_key_usage) ==
        "critical: Digital Signature, Certificate Sign, CRL Sign");
  CHECK(extension_text(pem, NID_subject_key_identifier).size() == 59);  // 20 bytes "AB:..."
  CHECK(validity_length(pem) == std::chrono::days(3650) + 5min);
  auto start = not_before(pem);
  CHECK(start >= std::chrono::floor<std::chrono::seconds>(before) - 5min);
  CHECK(start <= std::chrono::system_clock::now() - 5min);
  CHECK(key_description(pki.ca_key) == "EC prime256v1");
}

TEST_CASE("serials are positive random 128-bit numbers, one per certificate") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  std::set<std::string> serials;
  for (const auto* pem : {&pki.ca_certificate, &pki.server.certificate, &pki.admin.certificate}) {
    serials.insert(serial_hex(*pem));
    // Below 2^128; fewer than 100 bits has odds of 2^-28 for a random draw.
    CHECK(serial_bits(*pem) <= 128);
    CHECK(serial_bits(*pem) >= 100);
  }
  CHECK(serials.size() == 3);
}

TEST_CASE("a server name that is neither an address nor a DNS name is refused, writing nothing") {
  temp_dir temp;
  auto directory = temp.file("pki");
  auto result = load_or_create_pki(directory, {"10.0.0.7", "api server"});
  REQUIRE(std::holds_alternative<std::string>(result));
  CHECK(std::get<std::string>(result) ==
        "server name \"api server\" is neither an IP address nor a DNS name: a lowercase RFC "
        "1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
        "start and end with an alphanumeric character (e.g. 'example.com', regex used for "
        "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  CHECK_FALSE(std::filesystem::exists(directory));
  auto bracketed = load_or_create_pki(directory, {"[::1]"});
  REQUIRE(std::holds_alternative<std::string>(bracketed));
  CHECK(std::get<std::string>(bracketed).rfind("server name \"[::1]\" is neither", 0) == 0);
}
