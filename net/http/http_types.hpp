// The values an HTTP exchange is made of, independent of kj-http, so the
// gateway (actors/gateway) never sees the HTTP library:
//   - http_request: what the server read (method, URL, the few headers the
//     API uses, the whole body, who sent it);
//   - http_response: a complete answer;
//   - http_responder: completes one request exactly once, from any thread,
//     with a response or by starting a stream;
//   - http_stream: the chunked body of a streamed answer (watches), fed
//     from any thread, bounded (a client that does not read is cut off).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace troupe::net {

struct http_peer {
  // The common name of the client certificate (empty over plain HTTP).
  std::string user;
  std::string address;  // "127.0.0.1:53412"
};

struct http_request {
  std::string method;  // "GET", "POST", ...
  std::string url;     // path and query, as received
  std::string content_type;
  std::string accept;
  std::string body;
  http_peer peer;
};

struct http_response {
  unsigned code = 200;
  std::string content_type;
  std::string body;
  // Further headers (Warning, Retry-After, ...).
  std::vector<std::pair<std::string, std::string>> headers;
};

class http_stream {
 public:
  virtual ~http_stream() = default;
  // Queues a chunk; false once the stream is closed (the client left, the
  // server stops, or the queue outgrew its bound: the stream then closes).
  virtual bool push(std::string chunk) = 0;
  // Ends the body cleanly after what is queued.
  virtual void end() = 0;
  // Called once, from some thread, when the stream closes for any reason
  // but end(); set it before pushing.
  virtual void on_close(std::function<void()> callback) = 0;
};

class http_responder {
 public:
  virtual ~http_responder() = default;
  virtual void respond(http_response response) = 0;
  // Starts a chunked answer with `code` and `content_type`.
  virtual std::shared_ptr<http_stream> stream(unsigned code, std::string content_type) = 0;
};

class http_handler {
 public:
  virtual ~http_handler() = default;
  // Called on the server's thread for every request; must not block.
  virtual void handle(http_request request, std::shared_ptr<http_responder> responder) = 0;
};

}  // namespace troupe::net
