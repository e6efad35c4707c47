#include "bench/gateway/http_connection.hpp"

#include <charconv>

#include "net/http/coalescing_stream.hpp"

namespace troupe::bench {

std::optional<server_address> parse_server_url(const std::string& url) {
  server_address parsed;
  std::string rest;
  if (url.starts_with("https://")) {
    parsed.tls = true;
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return std::nullopt;
  }
  auto colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  parsed.host = rest.substr(0, colon);
  auto digits = rest.substr(colon + 1);
  unsigned port = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (error != std::errc() || end != digits.data() + digits.size() || port == 0 || port > 65535)
    return std::nullopt;
  parsed.port = static_cast<std::uint16_t>(port);
  return parsed;
}

client_context::client_context(kj::AsyncIoContext& io, const server_address& address,
                               const tls_identity& identity)
    : io_(io), host_header_(address.host + ":" + std::to_string(address.port)) {
  kj::HttpHeaderTable::Builder builder;
  content_type_ = builder.add("Content-Type");
  accept_ = builder.add("Accept");
  table_ = builder.build();
  address_ = io.provider->getNetwork()
                 .parseAddress(kj::StringPtr(address.host.c_str()), address.port)
                 .wait(io.waitScope);
  if (!address.tls) return;
  server_name_ = identity.server_name;
  keypair_ = kj::TlsKeypair{kj::TlsPrivateKey(kj::StringPtr(identity.client_key.c_str())),
                            kj::TlsCertificate(kj::StringPtr(identity.client_certificate.c_str()))};
  trusted_.add(kj::TlsCertificate(kj::StringPtr(identity.ca_certificate.c_str())));
  kj::TlsContext::Options options;
  options.useSystemTrustStore = false;
  options.trustedCertificates = trusted_.asPtr();
  KJ_IF_MAYBE (pair, keypair_) {
    options.defaultKeypair = *pair;
  }
  tls_ = kj::heap<kj::TlsContext>(kj::mv(options));
}

kj::Promise<kj::Own<kj::AsyncIoStream>> client_context::dial() {
  auto connected = address_->connect();
  if (tls_.get() == nullptr) return connected;
  return connected.then([this](kj::Own<kj::AsyncIoStream>&& stream) {
    return tls_->wrapClient(kj::mv(stream), kj::StringPtr(server_name_.c_str()));
  });
}

kj::Promise<kj::Own<connection>> open_connection(client_context& context) {
  return context.dial().then([&context](kj::Own<kj::AsyncIoStream>&& stream) {
    auto link = kj::heap<connection>();
    // A request's head and body leave in one write (one TLS record), as
    // the server's answers do.
    link->stream = kj::heap<net::coalescing_stream>(kj::mv(stream));
    link->client = kj::newHttpClient(context.table(), *link->stream);
    return link;
  });
}

namespace {

kj::HttpHeaders request_headers(client_context& context, bool has_body) {
  kj::HttpHeaders headers(context.table());
  headers.set(kj::HttpHeaderId::HOST, kj::StringPtr(context.host_header().c_str()));
  headers.set(context.accept(), "application/json");
  if (has_body) headers.set(context.content_type(), "application/json");
  return headers;
}

}  // namespace

kj::Promise<http_result> exchange(client_context& context, connection& link, kj::HttpMethod method,
                                  const std::string& path, std::string body) {
  auto headers = request_headers(context, !body.empty());
  kj::Maybe<std::uint64_t> size = nullptr;
  if (!body.empty()) size = static_cast<std::uint64_t>(body.size());
  auto request = link.client->request(method, kj::StringPtr(path.c_str()), headers, size);
  kj::Promise<void> sent = kj::READY_NOW;
  if (body.empty()) {
    request.body = nullptr;
  } else {
    auto text = kj::heapString(body.data(), body.size());
    auto& stream = *request.body;
    sent = stream.write(text.begin(), text.size()).attach(kj::mv(text), kj::mv(request.body));
  }
  return sent.then([response = kj::mv(request.response)]() mutable { return kj::mv(response); })
      .then([](kj::HttpClient::Response&& response) {
        auto status = response.statusCode;
        auto& stream = *response.body;
        return stream.readAllText().attach(kj::mv(response.body)).then([status](kj::String text) {
          return http_result{status, kj::mv(text)};
        });
      });
}

kj::Promise<kj::HttpClient::Response> open_stream(client_context& context, connection& link,
                                                  const std::string& path) {
  auto headers = request_headers(context, false);
  auto request = link.client->request(kj::HttpMethod::GET, kj::StringPtr(path.c_str()), headers);
  request.body = nullptr;
  return kj::mv(request.response);
}

}  // namespace troupe::bench
