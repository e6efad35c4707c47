// Proves that stop() is graceful and bounded: open streams end with the
// final chunk (real curl exits 0 having printed the whole body) and their
// producers are told through on_close to push no more; a request in
// progress holds stop() until its answer is sent, and the client gets it; a
// handler that never answers holds stop() only for drain_timeout, after
// which the connection closes. stop() runs on a thread of its own where the
// test must act while it waits.
#include <catch2/catch.hpp>

#include <future>
#include <thread>

#include "tests/gateway/http_test_support.hpp"

using namespace http_test;
using troupe::testing::child_process;
using troupe::testing::temp_dir;

TEST_CASE(
    "stop() ends open streams with the final chunk, curl exits 0 with the whole body, on_close "
    "runs") {
  event closed;
  temp_dir dir;
  auto handler = std::make_shared<recording_handler>();
  auto server = start_server(plain_config(), handler);
  child_process client({"/usr/bin/curl", "-sS", "-N", "--max-time", "15",
                        url(server->port(), "/api/v1/pods?watch=true")},
                       dir.file("watch"));
  REQUIRE(handler->wait_for(1));
  auto stream = handler->at(0).responder->stream(200, "application/json");
  stream->on_close([&] { closed.set(); });
  CHECK(stream->push("{\"type\":\"ADDED\"}\n"));
  CHECK(stream->push("{\"type\":\"MODIFIED\"}\n"));
  const std::string body = "{\"type\":\"ADDED\"}\n{\"type\":\"MODIFIED\"}\n";
  REQUIRE(eventually([&] { return client.out() == body; }));
  server->stop();
  CHECK(client.wait(wait_max) == 0);
  CHECK(client.out() == body);
  CHECK(client.err() == "");
  CHECK(closed.is_set());
  CHECK_FALSE(stream->push("{\"type\":\"DELETED\"}\n"));
}

TEST_CASE("stop() waits for a request in progress, whose answer still reaches the client") {
  temp_dir dir;
  auto handler = std::make_shared<recording_handler>();
  auto server = start_server(plain_config(), handler);
  child_process client({"/usr/bin/curl", "-sS", "--max-time", "15", url(server->port(), "/slow")},
                       dir.file("slow"));
  REQUIRE(handler->wait_for(1));
  auto stopping = std::async(std::launch::async, [&] { server->stop(); });
  CHECK(stopping.wait_for(300ms) == std::future_status::timeout);
  handler->at(0).responder->respond({200, "text/plain", "finished", {}});
  CHECK(stopping.wait_for(wait_max) == std::future_status::ready);
  CHECK(client.wait(wait_max) == 0);
  CHECK(client.out() == "finished");
}

TEST_CASE(
    "a handler that never answers holds stop() for drain_timeout, then the connection closes") {
  auto handler = std::make_shared<recording_handler>();
  auto config = plain_config();
  config.drain_timeout = 400ms;
  auto server = start_server(std::move(config), handler);
  raw_client client(server->port());
  client.send(get_request("/never"));
  REQUIRE(handler->wait_for(1));
  auto started = std::chrono::steady_clock::now();
  server->stop();
  auto took = std::chrono::steady_clock::now() - started;
  CHECK(took >= 400ms);
  CHECK(took < 5s);
  CHECK(client.read_until_closed());
  CHECK(client.received() == "");
  // The responder outlives the server: answering now does nothing.
  handler->at(0).responder->respond({200, "text/plain", "too late", {}});
  CHECK_FALSE(handler->at(0).responder->stream(200, "text/plain")->push("too late"));
}

TEST_CASE("a stream whose client does not read holds stop() for drain_timeout, then closes") {
  event closed;
  auto handler = std::make_shared<recording_handler>();
  auto config = plain_config();
  config.drain_timeout = 400ms;
  auto server = start_server(std::move(config), handler);
  raw_client client(server->port(), 4096);
  client.send(get_request("/api/v1/pods?watch=true"));
  REQUIRE(handler->wait_for(1));
  auto stream = handler->at(0).responder->stream(200, "application/json");
  stream->on_close([&] { closed.set(); });
  // More than loopback buffers hold, so the server's writes block.
  const std::string chunk(1024 * 1024, 's');
  for (int i = 0; i < 16; ++i) REQUIRE(stream->push(chunk));
  auto started = std::chrono::steady_clock::now();
  server->stop();
  auto took = std::chrono::steady_clock::now() - started;
  CHECK(took >= 400ms);
  CHECK(took < 5s);
  CHECK(closed.wait());
}

TEST_CASE("stop() with no requests returns at once, and a second stop() does nothing") {
  auto server = start_server(plain_config(), std::make_shared<recording_handler>());
  auto started = std::chrono::steady_clock::now();
  server->stop();
  server->stop();
  CHECK(std::chrono::steady_clock::now() - started < 2s);
}
