// Proves what load_or_create_pki() does with a directory it already holds:
// loads and keeps what is still good, re-issues a serving or client
// certificate only for a missing name, an end within the renewal margin or
// a missing certificate, and refuses corrupt or mismatched files with an
// error naming the file while leaving every file as it was. Each case
// creates a PKI, changes the directory (or the time passed in), calls again
// and compares file contents and inodes (an atomic rewrite changes the
// inode) before and after.
#include <catch2/catch.hpp>

#include <openssl/x509v3.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <utility>

#include "net/tls/cluster_pki.hpp"
#include "tests/pki/pki_inspection.hpp"
#include "tests/support/child_process.hpp"

namespace {

using namespace troupe::net::tls;
using namespace troupe::testing;
using namespace std::chrono_literals;

using clock_type = std::chrono::system_clock;

cluster_pki load(const std::string& directory, const std::vector<std::string>& names,
                 clock_type::time_point now = clock_type::now()) {
  auto result = load_or_create_pki(directory, names, now);
  if (auto* error = std::get_if<std::string>(&result)) FAIL(*error);
  return std::get<cluster_pki>(result);
}

std::string refusal(const std::string& directory, const std::vector<std::string>& names,
                    clock_type::time_point now = clock_type::now()) {
  auto result = load_or_create_pki(directory, names, now);
  if (std::holds_alternative<cluster_pki>(result)) FAIL("the PKI was accepted");
  return std::get<std::string>(result);
}

// Every file's text and inode, by name.
std::map<std::string, std::pair<std::string, ino_t>> snapshot(const std::string& directory) {
  std::map<std::string, std::pair<std::string, ino_t>> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    auto path = entry.path().string();
    auto text = entry.is_regular_file() ? read_text(path) : std::string("(not a file)");
    files[entry.path().filename().string()] = {text, inode_of(path)};
  }
  return files;
}

// A PKI directory and its state right after creation.
struct created_pki {
  temp_dir temp;
  std::string directory = temp.file("pki");
  clock_type::time_point created_at = clock_type::now();
  cluster_pki pki = load(directory, {"10.0.0.7"}, created_at);
  std::map<std::string, std::pair<std::string, ino_t>> files = snapshot(directory);
};

}  // namespace

TEST_CASE("a second start loads the same certificates and writes nothing") {
  created_pki created;
  auto again = load(created.directory, {"10.0.0.7"});
  CHECK(serial_hex(again.ca_certificate) == serial_hex(created.pki.ca_certificate));
  CHECK(serial_hex(again.server.certificate) == serial_hex(created.pki.server.certificate));
  CHECK(serial_hex(again.admin.certificate) == serial_hex(created.pki.admin.certificate));
  CHECK(again.ca_certificate == created.pki.ca_certificate);
  CHECK(again.ca_key == created.pki.ca_key);
  CHECK(again.server.certificate == created.pki.server.certificate);
  CHECK(again.server.key == created.pki.server.key);
  CHECK(again.admin.certificate == created.pki.admin.certificate);
  CHECK(again.admin.key == created.pki.admin.key);
  CHECK(snapshot(created.directory) == created.files);
}

TEST_CASE("fewer server names than the certificate holds keep the serving certificate") {
  created_pki created;
  auto again = load(created.directory, {});
  CHECK(again.server.certificate == created.pki.server.certificate);
  CHECK(snapshot(created.directory) == created.files);
}

TEST_CASE("a new server name re-issues only the serving certificate, for its existing key") {
  created_pki created;
  auto again = load(created.directory, {"10.0.0.7", "api.example.com"});
  CHECK(serial_hex(again.server.certificate) != serial_hex(created.pki.server.certificate));
  CHECK(subject_alternative_names(again.server.certificate) ==
        std::vector<std::string>{"DNS:localhost", "IP:127.0.0.1", "IP:::1", "IP:10.0.0.7",
                                 "DNS:api.example.com"});
  CHECK(verify_against(again.ca_certificate, again.server.certificate, X509_PURPOSE_SSL_SERVER) ==
        X509_V_OK);
  auto after = snapshot(created.directory);
  CHECK(after.at("apiserver.crt").first == again.server.certificate);
  CHECK(after.at("apiserver.crt").second != created.files.at("apiserver.crt").second);
  after.erase("apiserver.crt");
  auto before = created.files;
  before.erase("apiserver.crt");
  CHECK(after == before);
  CHECK(mode_of(created.directory + "/apiserver.crt") == 0644);
}

TEST_CASE("leaf certificates are kept until 30 days before their end, then re-issued by the CA") {
  created_pki created;
  // The leaves end 365 days after creation; 334 days later 31 remain.
  auto kept = load(created.directory, {"10.0.0.7"}, created.created_at + std::chrono::days(334));
  CHECK(kept.server.certificate == created.pki.server.certificate);
  CHECK(snapshot(created.directory) == created.files);
  auto renewal_time = created.created_at + std::chrono::days(336);
  auto renewed = load(created.directory, {"10.0.0.7"}, renewal_time);
  CHECK(renewed.ca_certificate == created.pki.ca_certificate);
  CHECK(renewed.server.key == created.pki.server.key);
  CHECK(renewed.admin.key == created.pki.admin.key);
  CHECK(serial_hex(renewed.server.certificate) != serial_hex(created.pki.server.certificate));
  CHECK(serial_hex(renewed.admin.certificate) != serial_hex(created.pki.admin.certificate));
  auto year_later = renewal_time + std::chrono::days(364);
  CHECK(verify_against(renewed.ca_certificate, renewed.server.certificate, X509_PURPOSE_SSL_SERVER,
                       year_later) == X509_V_OK);
  CHECK(verify_against(renewed.ca_certificate, renewed.admin.certificate, X509_PURPOSE_SSL_CLIENT,
                       year_later) == X509_V_OK);
  CHECK(verify_against(created.pki.ca_certificate, created.pki.server.certificate,
                       X509_PURPOSE_SSL_SERVER, year_later) == X509_V_ERR_CERT_HAS_EXPIRED);
  auto after = snapshot(created.directory);
  CHECK(after.at("ca.crt") == created.files.at("ca.crt"));
  CHECK(after.at("ca.key") == created.files.at("ca.key"));
  CHECK(after.at("apiserver.key") == created.files.at("apiserver.key"));
  CHECK(after.at("admin.key") == created.files.at("admin.key"));
}

TEST_CASE("a CA within 30 days of its end is an error naming ca.crt, and nothing is replaced") {
  created_pki created;
  auto late = created.created_at + std::chrono::days(3650 - 29);
  auto error = refusal(created.directory, {"10.0.0.7"}, late);
  auto prefix = created.directory + "/ca.crt: the CA certificate is valid from ";
  CHECK(error.substr(0, prefix.size()) == prefix);
  CHECK_THAT(error, Catch::Matches(".* until [0-9-]+ [0-9:]+Z, which does not cover the next 30 "
                                   "days; a CA is never replaced automatically \\(start a new PKI "
                                   "directory to replace it\\)"));
  CHECK(snapshot(created.directory) == created.files);
  auto still_in_time =
      load(created.directory, {"10.0.0.7"}, created.created_at + std::chrono::days(3650 - 31));
  CHECK(still_in_time.ca_certificate == created.pki.ca_certificate);
}

TEST_CASE("a corrupt certificate is an error naming it, and no file changes") {
  created_pki created;
  auto path = created.directory + "/apiserver.crt";
  write_file(path, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
  auto files = snapshot(created.directory);
  CHECK(refusal(created.directory, {"10.0.0.7"}) ==
        path + ": not a PEM certificate: bad base64 decode");
  CHECK(snapshot(created.directory) == files);
  write_file(path, "");
  files = snapshot(created.directory);
  CHECK(refusal(created.directory, {"10.0.0.7"}) ==
        path + ": not a PEM certificate: no start line");
  CHECK(snapshot(created.directory) == files);
}

TEST_CASE("a corrupt key is an error naming it, and no file changes") {
  created_pki created;
  auto path = created.directory + "/ca.key";
  write_file(path, created.pki.ca_certificate);
  auto files = snapshot(created.directory);
  // OpenSSL 3's key decoders report any unreadable text as "unsupported".
  CHECK(refusal(created.directory, {}) == path + ": not a PEM private key: unsupported");
  CHECK(snapshot(created.directory) == files);
}

TEST_CASE("an encrypted key is refused without asking for a passphrase") {
  created_pki created;
  auto path = created.directory + "/admin.key";
  auto encrypted = run_command({"/usr/bin/openssl", "pkcs8", "-topk8", "-in", path, "-passout",
                                "pass:secret", "-out", created.temp.file("encrypted.key")},
                               created.temp.file("openssl"));
  REQUIRE(encrypted.code == 0);
  write_file(path, read_text(created.temp.file("encrypted.key")));
  auto files = snapshot(created.directory);
  CHECK(refusal(created.directory, {}) == path +
                                              ": not a PEM private key: interrupted or cancelled; "
                                              "unable to get passphrase; bad password read");
  CHECK(snapshot(created.directory) == files);
}

TEST_CASE("a CA key that does not match ca.crt is an error naming ca.key, and no file changes") {
  created_pki created;
  created_pki other;
  write_file(created.directory + "/ca.key", other.pki.ca_key);
  auto files = snapshot(created.directory);
  CHECK(refusal(created.directory, {"10.0.0.7"}) == created.directory +
                                                        "/ca.key: does not match the certificate "
                                                        "in " +
                                                        created.directory + "/ca.crt");
  CHECK(snapshot(created.directory) == files);
}

TEST_CASE("a serving certificate of another CA is an error naming it, and no file changes") {
  created_pki created;
  created_pki other;
  write_file(created.directory + "/apiserver.crt", other.pki.server.certificate);
  write_file(created.directory + "/apiserver.key", other.pki.server.key);
  auto files = snapshot(created.directory);
  CHECK(refusal(created.directory, {"10.0.0.7", "new.example.com"}) ==
        created.directory + "/apiserver.crt: not signed by the CA in " + created.directory +
            "/ca.crt");
  CHECK(snapshot(created.directory) == files);
}

TEST_CASE("a certificate whose key is missing is an error naming the key") {
  created_pki created;
  std::filesystem::remove(created.directory + "/admin.key");
  auto files = snapshot(created.directory);
  CHECK(refusal(created.directory, {}) ==
        created.directory + "/admin.key: missing, but " + created.directory + "/admin.crt exists");
  CHECK(snapshot(created.directory) == files);
}

TEST_CASE("a key whose certificate is missing gets a new certificate for that key") {
  created_pki created;
  std::filesystem::remove(created.directory + "/admin.crt");
  auto again = load(created.directory, {"10.0.0.7"});
  CHECK(again.admin.key == created.pki.admin.key);
  CHECK(serial_hex(again.admin.certificate) != serial_hex(created.pki.admin.certificate));
  CHECK(read_text(created.directory + "/admin.crt") == again.admin.certificate);
  CHECK(verify_against(again.ca_certificate, again.admin.certificate, X509_PURPOSE_SSL_CLIENT) ==
        X509_V_OK);
  CHECK(again.server.certificate == created.pki.server.certificate);
}

TEST_CASE("a CA key without ca.crt gets a CA certificate that still verifies the old leaves") {
  created_pki created;
  std::filesystem::remove(created.directory + "/ca.crt");
  auto again = load(created.directory, {"10.0.0.7"});
  CHECK(again.ca_key == created.pki.ca_key);
  CHECK(serial_hex(again.ca_certificate) != serial_hex(created.pki.ca_certificate));
  CHECK(again.server.certificate == created.pki.server.certificate);
  CHECK(verify_against(again.ca_certificate, again.server.certificate, X509_PURPOSE_SSL_SERVER) ==
        X509_V_OK);
}

TEST_CASE("certificates without their CA are refused rather than given a new CA") {
  created_pki created;
  std::filesystem::remove(created.directory + "/ca.crt");
  std::filesystem::remove(created.directory + "/ca.key");
  auto files = snapshot(created.directory);
  CHECK(refusal(created.directory, {}) == created.directory + "/ca.key: missing, but " +
                                              created.directory +
                                              "/apiserver.crt exists; a new CA would not have "
                                              "signed it");
  CHECK(snapshot(created.directory) == files);
}

TEST_CASE("a leaf certificate in place of ca.crt is refused as not a CA") {
  created_pki created;
  write_file(created.directory + "/ca.crt", created.pki.server.certificate);
  write_file(created.directory + "/ca.key", created.pki.server.key);
  auto files = snapshot(created.directory);
  CHECK(refusal(created.directory, {}) ==
        created.directory + "/ca.crt: not a self-signed CA certificate");
  CHECK(snapshot(created.directory) == files);
}

TEST_CASE("an unreadable file is an error naming it") {
  created_pki created;
  auto path = created.directory + "/apiserver.key";
  std::filesystem::remove(path);
  std::filesystem::create_directory(path);
  CHECK(refusal(created.directory, {}) == path + ": not a regular file");
  std::filesystem::remove(path);
  write_file(path, std::string(64 * 1024 + 1, 'k'));
  CHECK(refusal(created.directory, {}) == path + ": larger than 65536 bytes");
}

TEST_CASE("a PKI directory path that is a file is an error naming it") {
  temp_dir temp;
  auto path = temp.file("pki");
  write_file(path, "not a directory");
  CHECK(refusal(path, {}) == path + ": cannot create directory: File exists");
}
