// Proves the limits the server enforces itself, with the answers its config
// callbacks give: a body over body_bytes_max, announced by Content-Length or
// sent chunked, is answered 413 by too_large and never reaches the handler
// (a body sent whole anyway is drained, so the client reads the 413 and the
// connection serves on), while a body of exactly the limit does; more than requests_in_flight_max
// requests in progress are answered 429 by too_many_requests (Retry-After),
// long-running requests are not counted, and a finished request frees its
// place; beyond connections_max open connections a new one is not served
// until one closes. A raw socket client sends the bytes exactly; the handler holds its
// responders so the test decides when requests finish.
#include <catch2/catch.hpp>

#include "tests/gateway/http_test_support.hpp"

using namespace http_test;
using troupe::net::http_request;
using troupe::net::http_response;

namespace {

std::shared_ptr<recording_handler> echo_size() {
  return std::make_shared<recording_handler>([](const http_request& request) {
    return http_response{200, "text/plain", "got " + std::to_string(request.body.size()), {}};
  });
}

std::string post_with_length(std::size_t size) {
  return "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + std::to_string(size) +
         "\r\n\r\n" + std::string(size, 'x');
}

// A chunked POST of `chunks` chunks of `chunk_size` bytes each.
std::string post_chunked(std::size_t chunks, std::size_t chunk_size) {
  std::string request =
      "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n";
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk_size);
  for (std::size_t i = 0; i < chunks; ++i)
    request += size_line + std::string(chunk_size, 'y') + "\r\n";
  return request + "0\r\n\r\n";
}

http_reply exchange(std::uint16_t port, const std::string& request) {
  raw_client client(port);
  client.send(request);
  REQUIRE(client.read_until(reply_complete));
  return parse_reply(client.received());
}

troupe::net::http_server_config with_body_limit(std::size_t limit) {
  auto config = plain_config();
  config.body_bytes_max = limit;
  return config;
}

}  // namespace

TEST_CASE("a body over body_bytes_max by Content-Length is answered 413 by too_large unread") {
  auto handler = echo_size();
  auto server = start_server(with_body_limit(1000), handler);
  raw_client client(server->port());
  // Only the header block: the server answers from the announced length
  // without waiting for the body.
  client.send("PUT /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1001\r\n\r\n");
  REQUIRE(client.read_until(reply_complete));
  auto reply = parse_reply(client.received());
  CHECK(reply.code == 413);
  CHECK(reply.headers["content-type"] == "text/plain");
  CHECK(reply.body == "too large: limit 1000");
  CHECK(handler->count() == 0);
}

TEST_CASE("a chunked body over body_bytes_max is answered 413 by too_large") {
  auto handler = echo_size();
  auto server = start_server(with_body_limit(1000), handler);
  auto reply = exchange(server->port(), post_chunked(11, 100));
  CHECK(reply.code == 413);
  CHECK(reply.body == "too large: limit 1000");
  CHECK(handler->count() == 0);
}

TEST_CASE("a chunked body far over body_bytes_max is answered 413 before the body ends") {
  auto handler = echo_size();
  auto server = start_server(with_body_limit(1000), handler);
  raw_client client(server->port());
  client.send("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
  // 8 KiB of chunks and no end: the server must answer from what it read.
  for (int i = 0; i < 8; ++i) client.send("400\r\n" + std::string(1024, 'z') + "\r\n");
  REQUIRE(client.read_until(reply_complete));
  auto reply = parse_reply(client.received());
  CHECK(reply.code == 413);
  CHECK(reply.body == "too large: limit 1000");
  CHECK(handler->count() == 0);
}

TEST_CASE(
    "a body sent whole over body_bytes_max is drained after the 413, and the connection serves "
    "on") {
  auto handler = std::make_shared<recording_handler>([](const http_request& request) {
    return http_response{200, "text/plain", request.url, {}};
  });
  auto server = start_server(with_body_limit(1000), handler);
  raw_client client(server->port());
  client.send(post_with_length(200'000));
  REQUIRE(client.read_until(reply_complete));
  CHECK(parse_reply(client.received()).code == 413);
  client.send(get_request("/next"));
  REQUIRE(client.read_until(
      [](const std::string& text) { return text.find("\r\n\r\n/next") != std::string::npos; }));
  REQUIRE(handler->count() == 1);
  CHECK(handler->at(0).request.url == "/next");
}

TEST_CASE("curl sending a whole body over body_bytes_max reads the 413, not a reset") {
  troupe::testing::temp_dir dir;
  troupe::testing::write_file(dir.file("big.json"), std::string(2 * 1024 * 1024, 'b'));
  auto handler = echo_size();
  auto server = start_server(with_body_limit(1000), handler);
  // No Expect: 100-continue, so curl sends the body at once.
  auto result = curl(dir, "big",
                     {"-H", "Expect:", "--data-binary", "@" + dir.file("big.json"), "-w",
                      " %{http_code}", url(server->port(), "/upload")});
  INFO(result.err);
  CHECK(result.code == 0);
  CHECK(result.out == "too large: limit 1000 413");
  CHECK(handler->count() == 0);
}

TEST_CASE("a body of exactly body_bytes_max reaches the handler whole, by length or chunked") {
  auto handler = echo_size();
  auto server = start_server(with_body_limit(1000), handler);
  auto by_length = exchange(server->port(), post_with_length(1000));
  CHECK(by_length.code == 200);
  CHECK(by_length.body == "got 1000");
  auto chunked = exchange(server->port(), post_chunked(10, 100));
  CHECK(chunked.code == 200);
  CHECK(chunked.body == "got 1000");
  REQUIRE(handler->count() == 2);
  CHECK(handler->at(1).request.body == std::string(1000, 'y'));
}

TEST_CASE("a body larger than one read of the server reaches the handler whole") {
  auto handler = echo_size();
  auto server = start_server(with_body_limit(100'000), handler);
  auto reply = exchange(server->port(), post_chunked(40, 2500));
  CHECK(reply.body == "got 100000");
  auto by_length = exchange(server->port(), post_with_length(99'999));
  CHECK(by_length.body == "got 99999");
}

TEST_CASE(
    "requests beyond requests_in_flight_max get 429 with Retry-After, long-running ones pass") {
  auto handler = std::make_shared<recording_handler>();
  auto config = plain_config();
  config.requests_in_flight_max = 2;
  config.long_running = [](const std::string& method, const std::string& target) {
    return method == "GET" && target.find("watch=true") != std::string::npos;
  };
  auto server = start_server(std::move(config), handler);
  raw_client first(server->port()), second(server->port());
  first.send(get_request("/api/v1/pods"));
  second.send(get_request("/api/v1/nodes"));
  REQUIRE(handler->wait_for(2));

  auto refused = exchange(server->port(), get_request("/api/v1/services"));
  CHECK(refused.code == 429);
  CHECK(refused.headers["retry-after"] == "1");
  CHECK(refused.body == "slow down");
  CHECK(handler->count() == 2);

  raw_client watch(server->port());
  watch.send(get_request("/api/v1/pods?watch=true"));
  REQUIRE(handler->wait_for(3));
  CHECK(handler->at(2).request.url == "/api/v1/pods?watch=true");

  // first's and second's requests reach the handler in either order.
  std::size_t first_at = handler->at(0).request.url == "/api/v1/pods" ? 0 : 1;
  REQUIRE(handler->at(first_at).request.url == "/api/v1/pods");
  handler->at(first_at).responder->respond({200, "text/plain", "done", {}});
  REQUIRE(first.read_until(reply_complete));
  raw_client later(server->port());
  later.send(get_request("/api/v1/services"));
  REQUIRE(handler->wait_for(4));
  CHECK(handler->at(3).request.url == "/api/v1/services");
  for (std::size_t i = 0; i < 4; ++i)
    if (i != first_at) handler->at(i).responder->respond({200, "text/plain", "", {}});
}

TEST_CASE("beyond connections_max open connections a new one waits until one closes") {
  auto handler = std::make_shared<recording_handler>([](const http_request&) {
    return http_response{200, "text/plain", "served", {}};
  });
  auto config = plain_config();
  config.connections_max = 2;
  auto server = start_server(std::move(config), handler);
  raw_client first(server->port()), second(server->port());
  for (auto* client : {&first, &second}) {
    client->send(get_request("/api/v1/pods"));
    REQUIRE(client->read_until(reply_complete));
  }
  // The kernel completes the third connection (backlog); the server does
  // not take it while two are open.
  raw_client third(server->port());
  third.send(get_request("/api/v1/pods"));
  CHECK_FALSE(third.read_until(reply_complete, 500ms));
  CHECK(handler->count() == 2);
  first.close();
  REQUIRE(third.read_until(reply_complete));
  CHECK(parse_reply(third.received()).body == "served");
}
