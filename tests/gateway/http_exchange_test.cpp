// Proves what a plain HTTP exchange carries both ways: the handler gets the
// method, target, Content-Type, Accept, whole body and the peer's address
// (no user without TLS); the client gets the code, Content-Type, body and
// extra headers (Warning) of the response, completed from another thread
// after handle() returned. Real curl is the client where it can show the
// point; a raw socket where the bytes matter.
#include <catch2/catch.hpp>

#include <thread>

#include "tests/gateway/http_test_support.hpp"

using namespace http_test;
using troupe::net::http_request;
using troupe::net::http_response;
using troupe::testing::child_process;
using troupe::testing::temp_dir;

TEST_CASE("over plain HTTP the handler sees method, target, headers, body and address, no user") {
  temp_dir dir;
  auto handler = std::make_shared<recording_handler>([](const http_request&) {
    return http_response{201, "application/json", R"({"created":true})", {}};
  });
  auto server = start_server(plain_config(), handler);
  auto created =
      curl(dir, "post",
           {"-X", "POST", "-H", "Content-Type: application/json", "-H",
            "Accept: application/json;as=Table;v=v1;g=meta.k8s.io,application/json",
            "--data-binary", R"({"kind":"Pod"})", "-w", " %{http_code} %{content_type}",
            url(server->port(), "/api/v1/namespaces/default/pods?fieldManager=kubectl-create")});
  INFO(created.err);
  CHECK(created.out == R"({"created":true} 201 application/json)");
  REQUIRE(handler->count() == 1);
  auto seen = handler->at(0).request;
  CHECK(seen.method == "POST");
  CHECK(seen.url == "/api/v1/namespaces/default/pods?fieldManager=kubectl-create");
  CHECK(seen.content_type == "application/json");
  CHECK(seen.accept == "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
  CHECK(seen.body == R"({"kind":"Pod"})");
  CHECK(seen.peer.user == "");
  CHECK(seen.peer.address.rfind("127.0.0.1:", 0) == 0);
}

TEST_CASE("each method reaches the handler by its name") {
  temp_dir dir;
  auto handler = std::make_shared<recording_handler>([](const http_request& request) {
    return http_response{200, "text/plain", request.method, {}};
  });
  auto server = start_server(plain_config(), handler);
  for (std::string method : {"GET", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    auto result = curl(dir, method, {"-X", method, url(server->port(), "/x")});
    CHECK(result.out == method);
  }
}

TEST_CASE("a responder completed from another thread after handle() returned answers the request") {
  temp_dir dir;
  auto handler = std::make_shared<recording_handler>();
  auto server = start_server(plain_config(), handler);
  child_process client({"/usr/bin/curl", "-sS", "--max-time", "15", "-w", " %{http_code}",
                        url(server->port(), "/slow")},
                       dir.file("slow"));
  REQUIRE(handler->wait_for(1));
  auto responder = handler->at(0).responder;
  std::thread([responder] { responder->respond({202, "text/plain", "later", {}}); }).join();
  CHECK(client.wait(wait_max) == 0);
  CHECK(client.out() == "later 202");
}

TEST_CASE("a response's extra headers reach the client, a Warning among them") {
  auto handler = std::make_shared<recording_handler>([](const http_request&) {
    return http_response{200,
                         "application/json",
                         "{}",
                         {{"Warning", "299 - \"spec.foo: unknown field\""},
                          {"Warning", "299 - \"second\""},
                          {"X-Troupe-Test", "yes"}}};
  });
  auto server = start_server(plain_config(), handler);
  raw_client client(server->port());
  client.send(get_request("/api/v1/pods"));
  REQUIRE(client.read_until(reply_complete));
  const auto& text = client.received();
  CHECK(text.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
  CHECK(text.find("\r\nWarning: 299 - \"spec.foo: unknown field\"\r\n") != std::string::npos);
  CHECK(text.find("\r\nWarning: 299 - \"second\"\r\n") != std::string::npos);
  CHECK(text.find("\r\nX-Troupe-Test: yes\r\n") != std::string::npos);
  auto reply = parse_reply(text);
  CHECK(reply.headers["content-type"] == "application/json");
  CHECK(reply.headers["content-length"] == "2");
  CHECK(reply.body == "{}");
}

TEST_CASE("a responder answers once: a second respond and a late stream change nothing") {
  auto handler = std::make_shared<recording_handler>();
  auto server = start_server(plain_config(), handler);
  raw_client client(server->port());
  client.send(get_request("/once"));
  REQUIRE(handler->wait_for(1));
  auto responder = handler->at(0).responder;
  responder->respond({200, "text/plain", "first", {}});
  responder->respond({500, "text/plain", "second", {}});
  auto late = responder->stream(200, "application/json");
  CHECK_FALSE(late->push("ignored"));
  REQUIRE(client.read_until(reply_complete));
  auto reply = parse_reply(client.received());
  CHECK(reply.code == 200);
  CHECK(reply.body == "first");
}

TEST_CASE("a connection carries several requests one after another") {
  auto handler = std::make_shared<recording_handler>([](const http_request& request) {
    return http_response{200, "text/plain", request.url, {}};
  });
  auto server = start_server(plain_config(), handler);
  raw_client client(server->port());
  client.send(get_request("/first"));
  REQUIRE(client.read_until(reply_complete));
  CHECK(parse_reply(client.received()).body == "/first");
  client.send(get_request("/second"));
  REQUIRE(client.read_until(
      [](const std::string& text) { return text.find("/second") != std::string::npos; }));
  REQUIRE(handler->count() == 2);
  CHECK(handler->at(0).request.peer.address == handler->at(1).request.peer.address);
}
