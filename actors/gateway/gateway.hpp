// The gateway: kube-apiserver's HTTP layer in front of the api actor
// (DESIGN.md). It serves HTTPS with client certificates on kj-http
// (net/http), answers its own documents (/version, health, aggregated and
// legacy discovery, /openapi/v3) and maps every API call onto one api
// message: calls straight to the api, which delivers the response to the
// HTTP responder itself (api_reply); watches through one watcher actor per
// watch that streams the api's events as chunked JSON lines. Tables are
// rendered here, by a bridge actor, when the client asks for them. The
// gateway holds no API state; it only translates HTTP.
//
// Thread-safety: start/stop from one thread. Requests arrive on the HTTP
// server's thread and leave it at once (anon_send to the api or bridge).
#pragma once

#include <caf/actor_system.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include "messages/interfaces/api_actor.hpp"
#include "net/http/http_server.hpp"

namespace troupe::gateway {

struct gateway_config {
  api_actor api;
  // Address, TLS material and limits; its callbacks are the gateway's own.
  net::http_server_config http;
  std::string troupe_version;
  // Wall-clock time for Table ages: an input.
  std::function<std::chrono::system_clock::time_point()> now;
};

class gateway {
 public:
  static std::variant<std::unique_ptr<gateway>, std::string> start(caf::actor_system& system,
                                                                   gateway_config config);
  ~gateway();
  gateway(const gateway&) = delete;
  gateway& operator=(const gateway&) = delete;

  std::uint16_t port() const;
  // Graceful: watches end cleanly, requests in progress finish.
  void stop();

  struct parts;

 private:
  explicit gateway(std::unique_ptr<parts> parts);
  std::unique_ptr<parts> parts_;
};

}  // namespace troupe::gateway
