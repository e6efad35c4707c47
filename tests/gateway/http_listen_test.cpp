// Proves how the server takes its port: port 0 lets the kernel pick one,
// which port() reports and which answers; a port already in use is refused
// with an error string naming the address and the cause; after stop() the
// port no longer accepts connections.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/gateway/http_test_support.hpp"

using namespace http_test;
using troupe::net::http_request;
using troupe::net::http_response;

namespace {

std::shared_ptr<recording_handler> answer_ok() {
  return std::make_shared<recording_handler>([](const http_request&) {
    return http_response{200, "text/plain", "ok", {}};
  });
}

bool accepts_connections(std::uint16_t port) {
  int socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool connected =
      ::connect(socket, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(socket);
  return connected;
}

}  // namespace

TEST_CASE("port 0 lets the kernel pick a port, which port() reports and which answers") {
  auto server = start_server(plain_config(), answer_ok());
  REQUIRE(server->port() != 0);
  raw_client client(server->port());
  client.send(get_request("/healthz"));
  REQUIRE(client.read_until(reply_complete));
  CHECK(parse_reply(client.received()).body == "ok");
}

TEST_CASE("two servers on port 0 get different ports") {
  auto first = start_server(plain_config(), answer_ok());
  auto second = start_server(plain_config(), answer_ok());
  CHECK(first->port() != second->port());
}

TEST_CASE("a port in use gives an error string naming the address and the cause") {
  auto first = start_server(plain_config(), answer_ok());
  auto config = plain_config();
  config.port = first->port();
  auto second = troupe::net::http_server::start(std::move(config), answer_ok());
  REQUIRE(std::holds_alternative<std::string>(second));
  const auto& error = std::get<std::string>(second);
  INFO(error);
  CHECK(error.rfind("cannot serve HTTP on 127.0.0.1:" + std::to_string(first->port()) + ": ", 0) ==
        0);
  CHECK(error.find("Address already in use") != std::string::npos);
  // The first server is untouched.
  raw_client client(first->port());
  client.send(get_request("/healthz"));
  CHECK(client.read_until(reply_complete));
}

TEST_CASE("after stop() the port accepts no connections") {
  auto server = start_server(plain_config(), answer_ok());
  auto port = server->port();
  REQUIRE(accepts_connections(port));
  server->stop();
  CHECK_FALSE(accepts_connections(port));
}
