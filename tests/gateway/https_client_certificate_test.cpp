// Proves that the HTTPS server authenticates clients by certificate: real
// curl connects with certificates issued by net/tls (the cluster PKI); the
// handler answers with the user and address it was given, so the output
// shows what the server saw. Without a certificate, or with one from another
// CA, the handshake fails, the handler never sees a request, and the server
// goes on serving a client with a good certificate; a client that never
// starts its handshake is cut off after handshake_timeout.
#include <catch2/catch.hpp>

#include "tests/gateway/http_test_support.hpp"

using namespace http_test;
using troupe::net::http_request;
using troupe::net::http_response;

namespace {

std::shared_ptr<recording_handler> who_am_i() {
  return std::make_shared<recording_handler>([](const http_request& request) {
    return http_response{200, "text/plain", "user=" + request.peer.user, {}};
  });
}

}  // namespace

TEST_CASE("over HTTPS the handler sees the client certificate's common name as the user") {
  test_pki certificates;
  auto handler = who_am_i();
  auto server = start_server(certificates.https_config(), handler);
  auto jane = curl(certificates.dir, "jane",
                   {"--cacert", certificates.ca_file, "--cert", certificates.jane_certificate,
                    "--key", certificates.jane_key, url(server->port(), "/whoami", true)});
  INFO(jane.err);
  CHECK(jane.code == 0);
  CHECK(jane.out == "user=jane");
  auto admin = curl(certificates.dir, "admin",
                    {"--cacert", certificates.ca_file, "--cert", certificates.admin_certificate,
                     "--key", certificates.admin_key, url(server->port(), "/whoami", true)});
  CHECK(admin.code == 0);
  CHECK(admin.out == "user=troupe-admin");
  REQUIRE(handler->count() == 2);
  auto seen = handler->at(0).request;
  CHECK(seen.method == "GET");
  CHECK(seen.url == "/whoami");
  CHECK(seen.peer.user == "jane");
  CHECK(seen.peer.address.rfind("127.0.0.1:", 0) == 0);
}

TEST_CASE(
    "a client without a certificate fails the handshake and the server keeps serving others") {
  test_pki certificates;
  auto handler = who_am_i();
  auto server = start_server(certificates.https_config(), handler);
  auto anonymous = curl(certificates.dir, "anonymous",
                        {"--cacert", certificates.ca_file, url(server->port(), "/whoami", true)});
  CHECK(anonymous.code != 0);
  CHECK(anonymous.out == "");
  CHECK(handler->count() == 0);
  auto jane = curl(certificates.dir, "jane",
                   {"--cacert", certificates.ca_file, "--cert", certificates.jane_certificate,
                    "--key", certificates.jane_key, url(server->port(), "/whoami", true)});
  CHECK(jane.code == 0);
  CHECK(jane.out == "user=jane");
}

TEST_CASE("a certificate from another CA fails the handshake and the server keeps serving others") {
  test_pki certificates;
  auto handler = who_am_i();
  auto server = start_server(certificates.https_config(), handler);
  auto foreign = curl(certificates.dir, "foreign",
                      {"--cacert", certificates.ca_file, "--cert", certificates.foreign_certificate,
                       "--key", certificates.foreign_key, url(server->port(), "/whoami", true)});
  CHECK(foreign.code != 0);
  CHECK(foreign.out == "");
  CHECK(handler->count() == 0);
  auto admin = curl(certificates.dir, "admin",
                    {"--cacert", certificates.ca_file, "--cert", certificates.admin_certificate,
                     "--key", certificates.admin_key, url(server->port(), "/whoami", true)});
  CHECK(admin.code == 0);
  CHECK(admin.out == "user=troupe-admin");
}

TEST_CASE("a plain HTTP request to the HTTPS port gets no answer and the server keeps serving") {
  test_pki certificates;
  auto handler = who_am_i();
  auto server = start_server(certificates.https_config(), handler);
  auto plain = curl(certificates.dir, "plain", {url(server->port(), "/whoami")});
  CHECK(plain.code != 0);
  CHECK(handler->count() == 0);
  auto jane = curl(certificates.dir, "jane",
                   {"--cacert", certificates.ca_file, "--cert", certificates.jane_certificate,
                    "--key", certificates.jane_key, url(server->port(), "/whoami", true)});
  CHECK(jane.out == "user=jane");
}

TEST_CASE("a connection that never completes its TLS handshake is closed after handshake_timeout") {
  test_pki certificates;
  auto handler = who_am_i();
  auto config = certificates.https_config();
  config.handshake_timeout = 300ms;
  auto server = start_server(std::move(config), handler);
  raw_client silent(server->port());
  auto started = std::chrono::steady_clock::now();
  CHECK(silent.read_until_closed());
  auto took = std::chrono::steady_clock::now() - started;
  CHECK(took >= 250ms);
  CHECK(took < 5s);
  CHECK(silent.received() == "");
  auto jane = curl(certificates.dir, "jane",
                   {"--cacert", certificates.ca_file, "--cert", certificates.jane_certificate,
                    "--key", certificates.jane_key, url(server->port(), "/whoami", true)});
  CHECK(jane.out == "user=jane");
}

TEST_CASE("an HTTPS server refuses to start with a key that is not PEM, naming the failure") {
  test_pki certificates;
  auto config = certificates.https_config();
  config.key_pem = "not a key";
  auto started = troupe::net::http_server::start(std::move(config), who_am_i());
  REQUIRE(std::holds_alternative<std::string>(started));
  CHECK(std::get<std::string>(started).rfind("cannot serve HTTP on 127.0.0.1:0: ", 0) == 0);
}
