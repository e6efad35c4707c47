// Proves that the PKI works with real TLS peers, both ways: `openssl
// s_server` serves with the serving certificate and requires a client
// certificate signed by ca.crt (-Verify 1 -verify_return_error); `openssl
// s_client` and real kubectl 1.32 (Go's crypto/tls, reading our kubeconfig)
// connect to it on a free loopback port. s_server -www answers any request
// with a page describing the session, which `kubectl get --raw` prints, so
// the page shows the client certificate the server verified. The refusals
// (a name the certificate lacks, another CA on either side) show that both
// sides really check.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "net/tls/cluster_pki.hpp"
#include "net/tls/kubeconfig.hpp"
#include "tests/pki/pki_inspection.hpp"
#include "tests/support/child_process.hpp"

namespace {

using namespace troupe::net::tls;
using namespace troupe::testing;
using namespace std::chrono_literals;

const std::string openssl = "/usr/bin/openssl";
const std::string kubectl = "/usr/bin/kubectl";

cluster_pki create(const std::string& directory) {
  auto result = load_or_create_pki(directory, {});
  if (auto* error = std::get_if<std::string>(&result)) FAIL(*error);
  return std::get<cluster_pki>(result);
}

// Polls `text()` until it contains `wanted`, for at most `deadline`.
template <class Text>
bool eventually_contains(Text text, const std::string& wanted,
                         std::chrono::milliseconds deadline = 10s) {
  auto until = std::chrono::steady_clock::now() + deadline;
  while (text().find(wanted) == std::string::npos) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

// The port of s_server's whole line "ACCEPT [::]:<port>", once printed.
std::optional<int> accepted_port(const std::string& out) {
  auto line = out.find("ACCEPT [::]:");
  if (line == std::string::npos) return std::nullopt;
  auto digits = line + std::string("ACCEPT [::]:").size();
  auto end = out.find('\n', digits);
  if (end == std::string::npos || end == digits) return std::nullopt;
  return std::stoi(out.substr(digits, end - digits));
}

// `openssl s_server -www` with the PKI's serving certificate, requiring a
// client certificate signed by its CA, on a port the kernel picks; killed
// when the test ends.
class tls_server {
 public:
  explicit tls_server(const temp_dir& temp)
      : server_({openssl, "s_server", "-accept", "0", "-cert", temp.file("pki/apiserver.crt"),
                 "-key", temp.file("pki/apiserver.key"), "-CAfile", temp.file("pki/ca.crt"),
                 "-Verify", "1", "-verify_return_error", "-www"},
                temp.file("s_server")) {
    // It listens on every address, IPv4 and IPv6, once it prints the line.
    auto until = std::chrono::steady_clock::now() + 10s;
    while (!(port_ = accepted_port(server_.out()))) {
      if (std::chrono::steady_clock::now() >= until) FAIL("s_server did not start: " + log());
      std::this_thread::sleep_for(20ms);
    }
  }
  int port() const { return *port_; }
  std::string log() const { return server_.out() + server_.err(); }

 private:
  child_process server_;
  std::optional<int> port_;
};

kubeconfig_spec spec_for(const cluster_pki& pki, const std::string& server) {
  kubeconfig_spec spec;
  spec.server = server;
  spec.ca_certificate = pki.ca_certificate;
  spec.client = pki.admin;
  return spec;
}

run_result run_kubectl(const temp_dir& temp, const kubeconfig_spec& spec,
                       std::vector<std::string> arguments) {
  auto path = temp.file("kubeconfig");
  if (auto error = write_kubeconfig(path, spec)) FAIL(*error);
  std::vector<std::string> command{kubectl, "--kubeconfig", path, "--cache-dir",
                                   temp.file("kubectl-cache")};
  command.insert(command.end(), arguments.begin(), arguments.end());
  return run_command(command, temp.file("kubectl"), 60s);
}

run_result get_version(const temp_dir& temp, const kubeconfig_spec& spec) {
  return run_kubectl(temp, spec, {"get", "--raw", "/version"});
}

std::string url(const std::string& host, int port) {
  return "https://" + host + ":" + std::to_string(port);
}

}  // namespace

TEST_CASE("openssl s_client with the admin certificate and s_server verify each other") {
  temp_dir temp;
  create(temp.file("pki"));
  tls_server server(temp);
  auto client =
      run_command({openssl, "s_client", "-connect", "127.0.0.1:" + std::to_string(server.port()),
                   "-CAfile", temp.file("pki/ca.crt"), "-cert", temp.file("pki/admin.crt"), "-key",
                   temp.file("pki/admin.key"), "-verify_ip", "127.0.0.1", "-verify_return_error"},
                  temp.file("s_client"));
  INFO(client.out << client.err);
  CHECK(client.code == 0);
  CHECK(client.out.find("subject=CN = troupe-apiserver\nissuer=CN = troupe-ca\n") !=
        std::string::npos);
  CHECK(client.out.find("Verification: OK\n") != std::string::npos);
  CHECK(eventually_contains([&] { return server.log(); },
                            "depth=0 O = system:masters, CN = troupe-admin\nverify return:1\n"));
}

TEST_CASE("s_server refuses a client certificate of another CA") {
  temp_dir temp;
  create(temp.file("pki"));
  temp_dir other;
  create(other.file("pki"));
  tls_server server(temp);
  auto client =
      run_command({openssl, "s_client", "-connect", "127.0.0.1:" + std::to_string(server.port()),
                   "-CAfile", temp.file("pki/ca.crt"), "-cert", other.file("pki/admin.crt"), "-key",
                   other.file("pki/admin.key"), "-verify_return_error", "-ign_eof"},
                  temp.file("s_client"));
  INFO(client.out << client.err);
  CHECK(client.code == 1);
  CHECK(client.err.find("tlsv1 alert unknown ca") != std::string::npos);
  CHECK(eventually_contains([&] { return server.log(); },
                            "verify error:num=20:unable to get local issuer certificate"));
}

TEST_CASE("kubectl with the kubeconfig verifies the server and presents the admin certificate") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  tls_server server(temp);
  for (const auto* host : {"127.0.0.1", "localhost", "[::1]"}) {
    auto result = get_version(temp, spec_for(pki, url(host, server.port())));
    INFO(host << "\n" << result.out << result.err);
    CHECK(result.code == 0);
    CHECK(result.err.empty());
    // The server's page: the session verified the client's certificate.
    CHECK(result.out.find("Verify return code: 0 (ok)") != std::string::npos);
    CHECK(result.out.find("Client certificate\n") != std::string::npos);
    CHECK(result.out.find("Subject: O=system:masters, CN=troupe-admin\n") != std::string::npos);
  }
}

TEST_CASE("kubectl refuses a server address the serving certificate does not name") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  tls_server server(temp);
  auto result = get_version(temp, spec_for(pki, url("127.0.0.2", server.port())));
  CHECK(result.code == 1);
  CHECK(result.err ==
        "Unable to connect to the server: tls: failed to verify certificate: x509: certificate is "
        "valid for 127.0.0.1, ::1, not 127.0.0.2\n");
}

TEST_CASE("kubectl refuses a server whose certificate another CA signed") {
  temp_dir temp;
  create(temp.file("pki"));
  temp_dir other;
  auto stranger = create(other.file("pki"));
  tls_server server(temp);
  auto result = get_version(temp, spec_for(stranger, url("127.0.0.1", server.port())));
  CHECK(result.code == 1);
  CHECK(result.err.rfind("Unable to connect to the server: tls: failed to verify certificate: "
                         "x509: certificate signed by unknown authority",
                         0) == 0);
}

TEST_CASE("a kubectl client certificate of another CA is refused by the server") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  temp_dir other;
  auto stranger = create(other.file("pki"));
  tls_server server(temp);
  auto spec = spec_for(pki, url("127.0.0.1", server.port()));
  spec.client = stranger.admin;
  auto result = get_version(temp, spec);
  CHECK(result.code == 1);
  CHECK(result.err ==
        "Unable to connect to the server: remote error: tls: unknown certificate "
        "authority\n");
}

TEST_CASE("kubectl reads the kubeconfig's names and data as written") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  auto spec = spec_for(pki, "https://127.0.0.1:6443");
  spec.cluster_name = "yes";
  spec.user_name = "0123";
  spec.context_name = "on";
  auto result = run_kubectl(temp, spec, {"config", "view", "--raw", "-o", "json"});
  INFO(result.err);
  REQUIRE(result.code == 0);
  auto config = nlohmann::json::parse(result.out);
  CHECK(config["current-context"] == "on");
  CHECK(config["clusters"][0]["name"] == "yes");
  CHECK(config["clusters"][0]["cluster"]["server"] == "https://127.0.0.1:6443");
  CHECK(base64_decode(
            config["clusters"][0]["cluster"]["certificate-authority-data"].get<std::string>()) ==
        pki.ca_certificate);
  CHECK(config["users"][0]["name"] == "0123");
  CHECK(base64_decode(config["users"][0]["user"]["client-certificate-data"].get<std::string>()) ==
        pki.admin.certificate);
  CHECK(base64_decode(config["users"][0]["user"]["client-key-data"].get<std::string>()) ==
        pki.admin.key);
  CHECK(config["contexts"][0]["name"] == "on");
  CHECK(config["contexts"][0]["context"] == nlohmann::json{{"cluster", "yes"}, {"user", "0123"}});
}
