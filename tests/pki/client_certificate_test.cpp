// Proves that issue_client_certificate() makes client certificates signed
// by the PKI's CA for exactly the user and groups asked for, and refuses
// requests it cannot honour with a precise error. Each case creates a PKI in
// a temporary directory and inspects the certificate with OpenSSL directly.
#include <catch2/catch.hpp>

#include <openssl/x509v3.h>

#include <chrono>
#include <filesystem>

#include "net/tls/cluster_pki.hpp"
#include "tests/pki/pki_inspection.hpp"
#include "tests/support/child_process.hpp"

namespace {

using namespace troupe::net::tls;
using namespace troupe::testing;
using namespace std::chrono_literals;

cluster_pki create(const std::string& directory) {
  auto result = load_or_create_pki(directory, {});
  if (auto* error = std::get_if<std::string>(&result)) FAIL(*error);
  return std::get<cluster_pki>(result);
}

std::string refusal(const cluster_pki& pki, const std::string& common_name,
                    std::chrono::seconds validity) {
  auto result = issue_client_certificate(pki, common_name, {}, validity);
  if (std::holds_alternative<pem_key_pair>(result)) FAIL("the request was accepted");
  return std::get<std::string>(result);
}

}  // namespace

TEST_CASE("a client certificate is signed by the CA for the user and groups asked for") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  auto files_before = std::distance(std::filesystem::directory_iterator(temp.file("pki")),
                                    std::filesystem::directory_iterator());
  auto result = issue_client_certificate(pki, "system:node:worker-1", {"system:nodes", "team a"},
                                         std::chrono::hours(2));
  REQUIRE(std::holds_alternative<pem_key_pair>(result));
  const auto& client = std::get<pem_key_pair>(result);
  CHECK(verify_against(pki.ca_certificate, client.certificate, X509_PURPOSE_SSL_CLIENT) ==
        X509_V_OK);
  CHECK(verify_against(pki.ca_certificate, client.certificate, X509_PURPOSE_SSL_SERVER) ==
        X509_V_ERR_INVALID_PURPOSE);
  CHECK(subject_values(client.certificate, NID_commonName) ==
        std::vector<std::string>{"system:node:worker-1"});
  CHECK(subject_values(client.certificate, NID_organizationName) ==
        std::vector<std::string>{"system:nodes", "team a"});
  CHECK(extension_text(client.certificate, NID_ext_key_usage) == "TLS Web Client Authentication");
  CHECK(validity_length(client.certificate) == 2h + 5min);
  CHECK(key_description(client.key) == "EC prime256v1");
  CHECK(client.key != pki.admin.key);
  CHECK(std::distance(std::filesystem::directory_iterator(temp.file("pki")),
                      std::filesystem::directory_iterator()) == files_before);
}

TEST_CASE("a client certificate is valid from the time given, less five minutes") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + 1h;
  auto result = issue_client_certificate(pki, "bench", {}, 24h, now);
  REQUIRE(std::holds_alternative<pem_key_pair>(result));
  const auto& pem = std::get<pem_key_pair>(result).certificate;
  CHECK(not_before(pem) == now - 5min);
  CHECK(subject_values(pem, NID_organizationName).empty());
  CHECK(verify_against(pki.ca_certificate, pem, X509_PURPOSE_SSL_CLIENT) ==
        X509_V_ERR_CERT_NOT_YET_VALID);
  CHECK(verify_against(pki.ca_certificate, pem, X509_PURPOSE_SSL_CLIENT, now) == X509_V_OK);
}

TEST_CASE("a client certificate needs a common name and a validity of at most ten years") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  const std::string bad_validity =
      "a client certificate's validity must be positive and at most 3650 days";
  CHECK(refusal(pki, "", 1h) == "a client certificate needs a common name");
  CHECK(refusal(pki, "bench", 0s) == bad_validity);
  CHECK(refusal(pki, "bench", -1s) == bad_validity);
  CHECK(refusal(pki, "bench", std::chrono::days(3650) + 1s) == bad_validity);
  auto longest = issue_client_certificate(pki, "bench", {}, std::chrono::days(3650));
  REQUIRE(std::holds_alternative<pem_key_pair>(longest));
  CHECK(validity_length(std::get<pem_key_pair>(longest).certificate) ==
        std::chrono::days(3650) + 5min);
}

TEST_CASE("a common name over 64 characters is refused with OpenSSL's reason") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  std::string name(65, 'u');
  CHECK(refusal(pki, name, 1h) == "common name \"" + name + "\": string too long");
  auto at_limit = issue_client_certificate(pki, std::string(64, 'u'), {}, 1h);
  CHECK(std::holds_alternative<pem_key_pair>(at_limit));
}

TEST_CASE("a PKI whose CA texts are wrong issues nothing") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  temp_dir other;
  auto mismatched = pki;
  mismatched.ca_key = create(other.file("pki")).ca_key;
  CHECK(refusal(mismatched, "bench", 1h) == "CA key: does not match the CA certificate");
  auto garbled = pki;
  garbled.ca_certificate = "garbage";
  CHECK(refusal(garbled, "bench", 1h) == "CA certificate: not a PEM certificate: no start line");
  garbled = pki;
  garbled.ca_key = "";
  CHECK(refusal(garbled, "bench", 1h) == "CA key: not a PEM private key: unsupported");
}
