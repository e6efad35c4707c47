// Proves the streamed (chunked) answers watches use: chunks pushed from
// another thread reach the client in order, each before the next is pushed
// (nothing waits for the end), and end() finishes the body with the final
// chunk; a client that hangs up, over plain HTTP or HTTPS, closes the
// stream at once although nothing is being written (on_close runs, push
// fails); a client that stops reading has its stream closed, and its
// connection with it, once the backlog passes stream_queue_bytes_max or the
// backlogs of all streams together would pass stream_queue_bytes_total_max,
// while a client that keeps reading may receive any amount (what was
// written no longer counts against either bound). A raw socket client reads
// the chunked bytes; real curl is the HTTPS client.
#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

#include "tests/gateway/http_test_support.hpp"

using namespace http_test;
using troupe::net::http_stream;

namespace {

// A GET on `server` whose answer the test streams.
// Members in this order: the server may call on_close (which sets `closed`)
// until it is stopped, so `closed` outlives it.
struct streamed_request {
  event closed;
  std::shared_ptr<recording_handler> handler = std::make_shared<recording_handler>();
  std::unique_ptr<troupe::net::http_server> server;
  std::unique_ptr<raw_client> client;
  std::shared_ptr<http_stream> stream;

  explicit streamed_request(troupe::net::http_server_config config = plain_config(),
                            int receive_buffer_bytes = 0) {
    server = start_server(std::move(config), handler);
    client = std::make_unique<raw_client>(server->port(), receive_buffer_bytes);
    client->send(get_request("/api/v1/pods?watch=true"));
    REQUIRE(handler->wait_for(1));
    auto responder = handler->at(0).responder;
    std::thread([&] { stream = responder->stream(200, "application/json"); }).join();
    stream->on_close([this] { closed.set(); });
  }

  // Pushes from a thread of its own, as the gateway's watchers do.
  bool push_from_another_thread(std::string chunk) {
    bool accepted = false;
    std::thread([&] { accepted = stream->push(std::move(chunk)); }).join();
    return accepted;
  }

  bool client_has_body(const std::string& body) {
    return client->read_until(
        [&](const std::string& text) { return parse_reply(text).body.size() >= body.size(); });
  }
};

}  // namespace

TEST_CASE("chunks pushed from another thread arrive in order, each before the next is pushed") {
  streamed_request watch;
  REQUIRE(
      watch.client->read_until([](const std::string& text) { return parse_reply(text).parsed; }));
  auto head = parse_reply(watch.client->received());
  CHECK(head.code == 200);
  CHECK(head.headers["content-type"] == "application/json");
  CHECK(head.headers["transfer-encoding"] == "chunked");
  CHECK(head.headers.count("content-length") == 0);
  std::string expected;
  for (int i = 0; i < 5; ++i) {
    auto line = R"({"type":"ADDED","object":{"n":)" + std::to_string(i) + "}}\n";
    CHECK(watch.push_from_another_thread(line));
    expected += line;
    REQUIRE(watch.client_has_body(expected));
    CHECK(parse_reply(watch.client->received()).body == expected);
  }
  CHECK_FALSE(parse_reply(watch.client->received()).complete);
}

TEST_CASE("end() finishes the chunked body with the final chunk after what was queued") {
  streamed_request watch;
  CHECK(watch.stream->push("one\n"));
  CHECK(watch.stream->push("two\n"));
  std::thread([&] { watch.stream->end(); }).join();
  REQUIRE(watch.client->read_until(reply_complete));
  auto reply = parse_reply(watch.client->received());
  CHECK(reply.body == "one\ntwo\n");
  CHECK(reply.complete);
  CHECK_FALSE(watch.stream->push("three\n"));
  CHECK_FALSE(watch.closed.is_set());
}

TEST_CASE("a connection serves the next request after a stream ended") {
  streamed_request watch;
  watch.stream->push("last\n");
  watch.stream->end();
  REQUIRE(watch.client->read_until(reply_complete));
  watch.client->send(get_request("/api/v1/nodes"));
  REQUIRE(watch.handler->wait_for(2));
  CHECK(watch.handler->at(1).request.url == "/api/v1/nodes");
  watch.handler->at(1).responder->respond({200, "text/plain", "", {}});
}

TEST_CASE("a client that hangs up closes its stream: on_close runs and push fails") {
  event late;
  streamed_request watch;
  CHECK(watch.stream->push("hello\n"));
  REQUIRE(watch.client_has_body("hello\n"));
  watch.client->close();
  CHECK(watch.closed.wait());
  CHECK_FALSE(watch.stream->push("anyone?\n"));
  watch.stream->on_close([&] { late.set(); });
  CHECK(late.is_set());
}

TEST_CASE("a client over HTTPS that is killed closes its stream: on_close runs") {
  event closed;
  test_pki certificates;
  auto handler = std::make_shared<recording_handler>();
  auto server = start_server(certificates.https_config(), handler);
  troupe::testing::child_process client(
      {"/usr/bin/curl", "-sS", "-N", "--max-time", "15", "--cacert", certificates.ca_file, "--cert",
       certificates.jane_certificate, "--key", certificates.jane_key,
       url(server->port(), "/api/v1/pods?watch=true", true)},
      certificates.dir.file("watch"));
  REQUIRE(handler->wait_for(1));
  auto stream = handler->at(0).responder->stream(200, "application/json");
  stream->on_close([&] { closed.set(); });
  CHECK(stream->push("first\n"));
  REQUIRE(eventually([&] { return client.out() == "first\n"; }));
  client.signal(SIGKILL);
  CHECK(client.wait(wait_max) == 128 + SIGKILL);
  CHECK(closed.wait());
  CHECK_FALSE(stream->push("second\n"));
}

TEST_CASE("a client that stops reading has its stream and connection closed past a stream bound") {
  auto config = plain_config();
  SECTION("its own") {
    config.stream_queue_bytes_max = 256 * 1024;
  }
  SECTION("all streams' together") {
    config.stream_queue_bytes_max = 64 * 1024 * 1024;
    config.stream_queue_bytes_total_max = 256 * 1024;
  }
  streamed_request watch(std::move(config), 4096);
  const std::string chunk(64 * 1024, 'w');
  // Loopback buffers take a few MiB before writes block (what they took no
  // longer counts); the bound on the loop only keeps a broken server from
  // running the test forever. 512 chunks: far below 64 MiB, so the total
  // closed the stream in the second section.
  int accepted = 0;
  while (accepted < 2000 && watch.stream->push(chunk)) ++accepted;
  CHECK(accepted < 512);
  CHECK(watch.closed.wait());
  CHECK_FALSE(watch.stream->push("x"));
  // The server gives up the unfinished body at once: the client finds the
  // connection closed.
  CHECK(watch.client->read_until_closed());
}

TEST_CASE("a client that keeps reading receives far more than the stream bounds") {
  auto config = plain_config();
  SECTION("its own") {
    config.stream_queue_bytes_max = 64 * 1024;
  }
  SECTION("all streams' together") {
    config.stream_queue_bytes_total_max = 64 * 1024;
  }
  streamed_request watch(std::move(config));
  const std::string chunk(16 * 1024, 'r');
  std::size_t expected = 0;
  for (int i = 0; i < 64; ++i) {
    REQUIRE(watch.stream->push(chunk));
    expected += chunk.size();
    REQUIRE(watch.client->read_until(
        [&](const std::string& text) { return parse_reply(text).body.size() >= expected; }));
  }
  CHECK(parse_reply(watch.client->received()).body.size() == 64 * chunk.size());
  CHECK_FALSE(watch.closed.is_set());
}
