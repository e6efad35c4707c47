#include "tests/gateway/http_test_support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "runtime/wait_until.hpp"

namespace http_test {

using namespace troupe;
using namespace troupe::testing;

void recording_handler::handle(net::http_request request,
                               std::shared_ptr<net::http_responder> responder) {
  if (answer_) responder->respond(answer_(request));
  std::lock_guard lock(mutex_);
  requests_.push_back({std::move(request), std::move(responder)});
  arrived_.notify_all();
}

bool recording_handler::wait_for(std::size_t count, std::chrono::milliseconds deadline) {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, deadline, [&] { return requests_.size() >= count; });
}

std::size_t recording_handler::count() {
  std::lock_guard lock(mutex_);
  return requests_.size();
}

recorded_request recording_handler::at(std::size_t index) {
  std::lock_guard lock(mutex_);
  REQUIRE(index < requests_.size());
  return requests_[index];
}

void event::set() {
  std::lock_guard lock(mutex_);
  set_ = true;
  changed_.notify_all();
}

bool event::is_set() {
  std::lock_guard lock(mutex_);
  return set_;
}

bool event::wait(std::chrono::milliseconds deadline) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, deadline, [&] { return set_; });
}

raw_client::raw_client(std::uint16_t port, int receive_buffer_bytes) {
  socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  REQUIRE(socket_ >= 0);
  if (receive_buffer_bytes > 0)
    ::setsockopt(socket_, SOL_SOCKET, SO_RCVBUF, &receive_buffer_bytes,
                 sizeof receive_buffer_bytes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int connected = ::connect(socket_, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  INFO("connect to 127.0.0.1:" << port << ": " << std::strerror(errno));
  REQUIRE(connected == 0);
}

raw_client::~raw_client() {
  close();
}

void raw_client::close() {
  if (socket_ >= 0) ::close(socket_);
  socket_ = -1;
}

void raw_client::send(std::string_view bytes) {
  while (!bytes.empty()) {
    auto sent = ::send(socket_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    INFO("send: " << std::strerror(errno));
    REQUIRE(sent > 0);
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
}

bool raw_client::read_once(std::chrono::milliseconds timeout) {
  if (socket_ < 0 || peer_closed_) return false;
  pollfd poll_entry{socket_, POLLIN, 0};
  int ready = ::poll(&poll_entry, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) return true;
  char buffer[16384];
  auto count = ::recv(socket_, buffer, sizeof buffer, 0);
  if (count <= 0) {
    peer_closed_ = true;
    return false;
  }
  received_.append(buffer, static_cast<std::size_t>(count));
  return true;
}

bool raw_client::read_until(const std::function<bool(const std::string&)>& done,
                            std::chrono::milliseconds deadline) {
  auto until = std::chrono::steady_clock::now() + deadline;
  while (!done(received_)) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left <= 0ms || !read_once(std::min(left, std::chrono::milliseconds(50))))
      return done(received_);
  }
  return true;
}

bool raw_client::read_until_closed(std::chrono::milliseconds deadline) {
  read_until([this](const std::string&) { return peer_closed_; }, deadline);
  return peer_closed_;
}

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Decodes a chunked body from `text` at `position`; complete once the final
// chunk and the blank line after it arrived.
void decode_chunked(const std::string& text, std::size_t position, http_reply& reply) {
  while (true) {
    auto line_end = text.find("\r\n", position);
    if (line_end == std::string::npos) return;
    auto size = std::stoul(text.substr(position, line_end - position), nullptr, 16);
    position = line_end + 2;
    if (size == 0) {
      reply.complete = text.compare(position, 2, "\r\n") == 0;
      return;
    }
    if (text.size() < position + size + 2) return;
    reply.body += text.substr(position, size);
    position += size + 2;
  }
}

}  // namespace

http_reply parse_reply(const std::string& text) {
  http_reply reply;
  auto head_end = text.find("\r\n\r\n");
  if (head_end == std::string::npos || text.compare(0, 9, "HTTP/1.1 ") != 0) return reply;
  reply.parsed = true;
  reply.code = static_cast<unsigned>(std::stoul(text.substr(9, 3)));
  auto position = text.find("\r\n") + 2;
  while (position < head_end) {
    auto line_end = text.find("\r\n", position);
    auto line = text.substr(position, line_end - position);
    auto colon = line.find(':');
    auto value_start = line.find_first_not_of(' ', colon + 1);
    reply.headers[lower(line.substr(0, colon))] =
        value_start == std::string::npos ? "" : line.substr(value_start);
    position = line_end + 2;
  }
  auto body_start = head_end + 4;
  if (lower(reply.headers["transfer-encoding"]) == "chunked") {
    reply.headers.erase("content-length");
    decode_chunked(text, body_start, reply);
    return reply;
  }
  auto length = std::stoul(reply.headers.count("content-length") ? reply.headers["content-length"]
                                                                 : std::string("0"));
  reply.body = text.substr(body_start, length);
  reply.complete = text.size() >= body_start + length;
  return reply;
}

bool reply_complete(const std::string& text) {
  return parse_reply(text).complete;
}

std::string get_request(std::string_view target) {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

net::http_server_config plain_config() {
  net::http_server_config config;
  config.host = "127.0.0.1";
  config.port = 0;
  config.too_large = [](std::size_t limit) {
    return net::http_response{413, "text/plain", "too large: limit " + std::to_string(limit), {}};
  };
  config.too_many_requests = [](int retry_after_seconds) {
    return net::http_response{
        429, "text/plain", "slow down", {{"Retry-After", std::to_string(retry_after_seconds)}}};
  };
  return config;
}

std::unique_ptr<net::http_server> start_server(net::http_server_config config,
                                               std::shared_ptr<net::http_handler> handler) {
  auto started = net::http_server::start(std::move(config), std::move(handler));
  if (auto* error = std::get_if<std::string>(&started))
    FAIL("the server did not start: " << *error);
  return std::move(std::get<std::unique_ptr<net::http_server>>(started));
}

namespace {

net::tls::cluster_pki create_pki(const std::string& directory) {
  auto created = net::tls::load_or_create_pki(directory, {});
  if (auto* error = std::get_if<std::string>(&created)) FAIL("no PKI: " << *error);
  return std::get<net::tls::cluster_pki>(created);
}

}  // namespace

test_pki::test_pki() : pki(create_pki(dir.file("pki"))) {
  ca_file = dir.file("pki/ca.crt");
  admin_certificate = dir.file("pki/admin.crt");
  admin_key = dir.file("pki/admin.key");
  auto jane =
      net::tls::issue_client_certificate(pki, "jane", {"developers"}, std::chrono::hours(1));
  if (auto* error = std::get_if<std::string>(&jane)) FAIL("no certificate for jane: " << *error);
  jane_certificate = dir.file("jane.crt");
  jane_key = dir.file("jane.key");
  write_file(jane_certificate, std::get<net::tls::pem_key_pair>(jane).certificate);
  write_file(jane_key, std::get<net::tls::pem_key_pair>(jane).key);
  // The admin pair of another cluster: a valid client certificate, signed by
  // a CA this server does not trust.
  create_pki(dir.file("foreign"));
  foreign_certificate = dir.file("foreign/admin.crt");
  foreign_key = dir.file("foreign/admin.key");
}

net::http_server_config test_pki::https_config() const {
  auto config = plain_config();
  config.certificate_pem = pki.server.certificate;
  config.key_pem = pki.server.key;
  config.client_ca_pem = pki.ca_certificate;
  return config;
}

run_result curl(const temp_dir& dir, const std::string& name, std::vector<std::string> arguments) {
  std::vector<std::string> command{"/usr/bin/curl", "-sS", "--max-time", "15"};
  command.insert(command.end(), arguments.begin(), arguments.end());
  return run_command(std::move(command), dir.file(name), 20s);
}

std::string url(std::uint16_t port, std::string_view target, bool https) {
  return std::string(https ? "https" : "http") + "://127.0.0.1:" + std::to_string(port) +
         std::string(target);
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds deadline) {
  return troupe::runtime::wait_until(condition, deadline, 5ms);
}

}  // namespace http_test
