// An HTTP/1.1 server on kj-http (Cap'n Proto's KJ), on a thread of its own
// with one kj event loop, serving HTTPS with client certificates (kj-tls)
// or plain HTTP, and handing every request to an http_handler.
//
// Limits and answers it gives itself (through config callbacks, so the
// caller chooses the body):
//   - a body over body_bytes_max: 413, without reading more than that;
//   - more than requests_in_flight_max requests in progress (long-running
//     ones, which the config recognises, not counted): 429 with Retry-After;
//   - a TLS handshake longer than handshake_timeout: the connection closes;
//   - a streamed answer (a watch) whose client falls stream_queue_bytes_max
//     behind, or whose next chunk would take the bytes queued by all streams
//     past stream_queue_bytes_total_max: the stream closes;
//   - connections_max connections open (watches included): no more are
//     accepted until one closes (later clients wait in the listen backlog).
// stop() is graceful: no new connections, streams end cleanly (final
// chunk), requests in progress finish (up to drain_timeout), then the
// thread ends. The destructor stops.
// Thread-safety: start/stop/port from any one thread; responders and
// streams from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include "net/http/http_types.hpp"

namespace troupe::net {

struct http_server_config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  // 0: the kernel picks one
  // TLS: all three PEM texts (server certificate and key, the CA that
  // client certificates must chain to), or none for plain HTTP.
  std::string certificate_pem;
  std::string key_pem;
  std::string client_ca_pem;
  std::size_t body_bytes_max = 3 * 1024 * 1024;
  // A body over the limit is read and dropped up to this size after the 413,
  // so the client sees the answer; beyond it the connection is closed.
  std::size_t refused_body_drain_bytes = 64 * 1024 * 1024;
  std::size_t requests_in_flight_max = 1024;
  std::size_t connections_max = 16 * 1024;
  // A stream whose client falls this far behind is closed; so is one whose
  // push would take the bytes queued by all streams together past the total.
  std::size_t stream_queue_bytes_max = 64 * 1024 * 1024;
  std::size_t stream_queue_bytes_total_max = 1024 * 1024 * 1024;
  std::chrono::milliseconds handshake_timeout{10'000};
  std::chrono::milliseconds drain_timeout{10'000};
  // Watches and followed logs: not counted against the in-flight bound.
  std::function<bool(const std::string& method, const std::string& url)> long_running;
  std::function<http_response(std::size_t limit_bytes)> too_large;
  std::function<http_response(int retry_after_seconds)> too_many_requests;
};

class http_server {
 public:
  // Listening once this returns; an error names what failed.
  static std::variant<std::unique_ptr<http_server>, std::string> start(
      http_server_config config, std::shared_ptr<http_handler> handler);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  std::uint16_t port() const;
  void stop();

  class impl;

 private:
  explicit http_server(std::unique_ptr<impl> implementation);
  std::unique_ptr<impl> impl_;
};

}  // namespace troupe::net
