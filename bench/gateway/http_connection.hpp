// The load client's HTTP plumbing on kj-http: one kj event loop (the
// caller's thread), keep-alive connections to one server (plain TCP, or TLS
// with a client certificate through kj-tls), and one request/response
// exchange on a connection.
//
// Contract:
//   1. open_connection() dials the server and, for https, completes the
//      TLS handshake (verifying the server against the given CA and name,
//      presenting the client certificate) before it resolves; every
//      connection is its own TCP stream, so N connections are N keep-alive
//      lanes, as N client-go clients would be.
//   2. exchange() sends one request (a body, if any, with Content-Length)
//      and resolves with the status and the whole response body. A broken
//      connection breaks the promise (kj::Exception); the connection is not
//      usable afterwards and the caller opens another.
//   3. open_stream() sends a GET and resolves with the response whose body
//      the caller reads as it arrives (watches).
// Everything here runs on the thread that made the client_context.
#pragma once

#include <kj/async-io.h>
#include <kj/compat/http.h>
#include <kj/compat/tls.h>

#include <cstdint>
#include <optional>
#include <string>

namespace troupe::bench {

// Where the load goes: "http://host:port" or "https://host:port".
struct server_address {
  bool tls = false;
  std::string host;
  std::uint16_t port = 0;
};

// The parsed address, or nullopt for anything else (a path, no port).
std::optional<server_address> parse_server_url(const std::string& url);

// PEM texts for https: the CA the server's certificate must chain to, the
// client certificate and its key, and the name the server's certificate is
// checked against (kj checks DNS names only, so "localhost" rather than
// "127.0.0.1" for a loopback server).
struct tls_identity {
  std::string ca_certificate;
  std::string client_certificate;
  std::string client_key;
  std::string server_name;
};

class client_context {
 public:
  // `identity` is used only when `address.tls`.
  client_context(kj::AsyncIoContext& io, const server_address& address,
                 const tls_identity& identity);
  client_context(const client_context&) = delete;
  client_context& operator=(const client_context&) = delete;

  kj::AsyncIoContext& io() { return io_; }
  kj::Timer& timer() { return io_.provider->getTimer(); }
  const kj::HttpHeaderTable& table() const { return *table_; }
  kj::HttpHeaderId content_type() const { return content_type_; }
  kj::HttpHeaderId accept() const { return accept_; }
  const std::string& host_header() const { return host_header_; }

  kj::Promise<kj::Own<kj::AsyncIoStream>> dial();

 private:
  kj::AsyncIoContext& io_;
  kj::HttpHeaderId content_type_;
  kj::HttpHeaderId accept_;
  kj::Own<kj::HttpHeaderTable> table_;
  std::string host_header_;
  std::string server_name_;
  kj::Own<kj::NetworkAddress> address_;
  // For https only; the key pair and CA outlive the context that uses them.
  kj::Maybe<kj::TlsKeypair> keypair_;
  kj::Vector<kj::TlsCertificate> trusted_;
  kj::Own<kj::TlsContext> tls_;
};

// One keep-alive connection: the HTTP client speaks over `stream`, so it is
// declared after it (destroyed first).
struct connection {
  kj::Own<kj::AsyncIoStream> stream;
  kj::Own<kj::HttpClient> client;
};

kj::Promise<kj::Own<connection>> open_connection(client_context& context);

struct http_result {
  unsigned status = 0;
  kj::String body;
};

// `body` empty: no body (GET). The path includes the query.
kj::Promise<http_result> exchange(client_context& context, connection& link, kj::HttpMethod method,
                                  const std::string& path, std::string body);

kj::Promise<kj::HttpClient::Response> open_stream(client_context& context, connection& link,
                                                  const std::string& path);

}  // namespace troupe::bench
