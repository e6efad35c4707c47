// Helpers of the HTTP server tests (net/http), all on loopback:
//   - recording_handler: an http_handler that keeps every request with its
//     responder, so a test answers from its own thread when it chooses, and
//     waits for the n-th request with a deadline; optionally it answers at
//     once (on the server's thread) with a given function;
//   - raw_client: a plain TCP connection that sends bytes exactly as given
//     and reads what arrives, never blocking past a deadline, so a test can
//     send a chunked body, read a stream chunk by chunk, stop reading, or
//     hang up;
//   - parse_reply: the first HTTP/1.1 response in what a raw_client read,
//     its body decoded (Content-Length or chunked) and whether it is complete
//     (for chunked: the final chunk arrived);
//   - event: a one-shot flag another thread sets (on_close callbacks);
//   - test_pki: a cluster PKI (net/tls) written into a temporary directory,
//     with a second client certificate and a foreign CA's certificate, as
//     PEM files for curl;
//   - curl: runs the real curl binary with a deadline; eventually: polls a
//     condition (a child's output) until a deadline.
// Every wait has a deadline; nothing sleeps for correctness.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "net/http/http_server.hpp"
#include "net/tls/cluster_pki.hpp"
#include "tests/support/child_process.hpp"

namespace http_test {

using namespace std::chrono_literals;

constexpr std::chrono::milliseconds wait_max = 10s;

struct recorded_request {
  troupe::net::http_request request;
  std::shared_ptr<troupe::net::http_responder> responder;
};

class recording_handler final : public troupe::net::http_handler {
 public:
  using answer_function =
      std::function<troupe::net::http_response(const troupe::net::http_request&)>;
  // Without `answer`, requests wait for the test to respond.
  explicit recording_handler(answer_function answer = nullptr) : answer_(std::move(answer)) {}

  void handle(troupe::net::http_request request,
              std::shared_ptr<troupe::net::http_responder> responder) override;
  // True once `count` requests arrived; false at the deadline.
  bool wait_for(std::size_t count, std::chrono::milliseconds deadline = wait_max);
  std::size_t count();
  recorded_request at(std::size_t index);

 private:
  answer_function answer_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<recorded_request> requests_;
};

class event {
 public:
  void set();
  bool is_set();
  bool wait(std::chrono::milliseconds deadline = wait_max);

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool set_ = false;
};

class raw_client {
 public:
  // Connects to 127.0.0.1:`port`; a positive `receive_buffer_bytes` shrinks
  // the socket's receive buffer (for clients that stop reading).
  explicit raw_client(std::uint16_t port, int receive_buffer_bytes = 0);
  ~raw_client();
  raw_client(const raw_client&) = delete;
  raw_client& operator=(const raw_client&) = delete;

  // Sends all of `bytes` (fails the test if the connection refuses them).
  void send(std::string_view bytes);
  // Reads until `done(received())`, the peer closes, or the deadline;
  // returns whether `done` became true.
  bool read_until(const std::function<bool(const std::string&)>& done,
                  std::chrono::milliseconds deadline = wait_max);
  // Reads until the peer closes; false at the deadline.
  bool read_until_closed(std::chrono::milliseconds deadline = wait_max);
  const std::string& received() const { return received_; }
  // Hangs up.
  void close();

 private:
  // One poll and read; false when nothing can come any more.
  bool read_once(std::chrono::milliseconds timeout);

  int socket_ = -1;
  std::string received_;
  bool peer_closed_ = false;
};

struct http_reply {
  bool parsed = false;  // a whole status line and header block
  unsigned code = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  bool complete = false;
};

http_reply parse_reply(const std::string& text);
bool reply_complete(const std::string& text);

// A GET of `target` on 127.0.0.1.
std::string get_request(std::string_view target);

// A plain HTTP config on 127.0.0.1, port 0, whose limit callbacks answer
// recognisable bodies: 413 "too large: limit <n>" and 429 "slow down" with
// Retry-After.
troupe::net::http_server_config plain_config();

std::unique_ptr<troupe::net::http_server> start_server(
    troupe::net::http_server_config config, std::shared_ptr<troupe::net::http_handler> handler);

struct test_pki {
  test_pki();
  troupe::testing::temp_dir dir;
  troupe::net::tls::cluster_pki pki;
  // PEM files: the CA, the admin pair (CN troupe-admin), a second pair for
  // CN "jane" issued by the same CA, and a pair from another CA.
  std::string ca_file, admin_certificate, admin_key, jane_certificate, jane_key;
  std::string foreign_certificate, foreign_key;
  // An HTTPS config serving the PKI's serving certificate, requiring client
  // certificates from its CA.
  troupe::net::http_server_config https_config() const;
};

// Runs curl -sS with `arguments` (killed after 20 s), output logged under
// `dir` as `name`.
troupe::testing::run_result curl(const troupe::testing::temp_dir& dir, const std::string& name,
                                 std::vector<std::string> arguments);

std::string url(std::uint16_t port, std::string_view target, bool https = false);

// Polls `condition` every few milliseconds; false if it is still false at
// the deadline (for what only shows in a child's output files).
bool eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds deadline = wait_max);

}  // namespace http_test
