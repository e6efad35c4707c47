// The gateway in front of a stand-in api actor, over plain HTTP on
// loopback: a call reaches the api with an api_reply and the api's answer
// goes straight to the client (code, type, body, warnings); a Table asked
// for is rendered from it; an api that is gone is answered 503 with a
// Status instead of leaving the request hanging.
#include <catch2/catch.hpp>

#include <caf/all.hpp>

#include <nlohmann/json.hpp>

#include "actors/gateway/core/response_format.hpp"
#include "actors/gateway/gateway.hpp"
#include "tests/gateway/http_test_support.hpp"

using namespace http_test;
using troupe::api_actor;

namespace {

troupe::api_response config_map(const troupe::api_request& request) {
  nlohmann::json object = {{"apiVersion", "v1"},
                           {"kind", "ConfigMap"},
                           {"metadata",
                            {{"name", request.name},
                             {"namespace", request.namespace_name},
                             {"creationTimestamp", "2026-12-01T00:00:00Z"},
                             {"resourceVersion", "7"}}},
                           {"data", {{"verb", request.verb}}}};
  return troupe::api_response{200, "application/json", object.dump(), {"deprecated, say"}};
}

// Answers every call with a ConfigMap named as asked, the verb in its data.
// (`node` only for status: CAF 0.17 mishandles an actor function without
// arguments under UBSan.)
api_actor::behavior_type stand_in_api(api_actor::pointer, std::string node) {
  return {
      [](troupe::call_atom, troupe::api_request& request) { return config_map(request); },
      [](troupe::call_atom, troupe::api_request& request, const troupe::api_reply& reply) {
        reply->deliver(config_map(request));
      },
      [](troupe::watch_atom, troupe::api_request&,
         troupe::api_watcher_actor&) -> caf::result<std::uint64_t, troupe::api_response> {
        return {std::uint64_t{0}, troupe::api_response{501, "application/json", "{}", {}}};
      },
      [](troupe::cancel_atom, std::uint64_t) {},
      [node](troupe::status_atom) {
        return troupe::component_status{troupe::component_kind::api, node, true, "stand-in"};
      },
  };
}

struct served_gateway {
  caf::actor_system_config config;
  caf::actor_system system{config};
  api_actor api;
  std::unique_ptr<troupe::gateway::gateway> gateway;

  explicit served_gateway(bool api_gone = false) {
    api = system.spawn(stand_in_api, std::string("test"));
    if (api_gone) {
      caf::scoped_actor self{system};
      self->monitor(api);
      self->send_exit(api, caf::exit_reason::user_shutdown);
      self->receive([](const caf::down_msg&) {});
    }
    troupe::gateway::gateway_config gateway_config;
    gateway_config.api = api;
    gateway_config.http = plain_config();
    gateway_config.troupe_version = "0.0.0-test";
    gateway_config.now = [] { return std::chrono::system_clock::time_point{}; };
    auto started = troupe::gateway::gateway::start(system, std::move(gateway_config));
    REQUIRE(std::holds_alternative<std::unique_ptr<troupe::gateway::gateway>>(started));
    gateway = std::move(std::get<std::unique_ptr<troupe::gateway::gateway>>(started));
  }

  ~served_gateway() { gateway->stop(); }

  http_reply get(const std::string& target, const std::string& accept = "application/json") {
    raw_client client(gateway->port());
    client.send("GET " + target + " HTTP/1.1\r\nHost: test\r\nAccept: " + accept + "\r\n\r\n");
    client.read_until(reply_complete);
    return parse_reply(client.received());
  }
};

}  // namespace

TEST_CASE("a call's answer goes from the api straight to the client") {
  served_gateway served;
  auto reply = served.get("/api/v1/namespaces/team/configmaps/settings");
  REQUIRE(reply.complete);
  CHECK(reply.code == 200);
  CHECK(reply.headers["content-type"] == "application/json");
  CHECK(reply.headers["warning"] == "299 - \"deprecated, say\"");
  auto body = nlohmann::json::parse(reply.body);
  CHECK(body["metadata"]["name"] == "settings");
  CHECK(body["metadata"]["namespace"] == "team");
  CHECK(body["data"]["verb"] == "get");
}

TEST_CASE("a Table asked for is rendered from the api's answer") {
  served_gateway served;
  auto reply = served.get("/api/v1/namespaces/team/configmaps/settings",
                          "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
  REQUIRE(reply.complete);
  CHECK(reply.code == 200);
  CHECK(reply.headers["content-type"] == troupe::gateway::table_content_type);
  auto body = nlohmann::json::parse(reply.body);
  CHECK(body["kind"] == "Table");
  REQUIRE(body["rows"].size() == 1);
  CHECK(body["rows"][0]["cells"][0] == "settings");
}

TEST_CASE("a call to an api that is gone is answered 503 with a Status") {
  served_gateway served(true);
  auto reply = served.get("/api/v1/namespaces/team/configmaps/settings");
  REQUIRE(reply.complete);
  CHECK(reply.code == 503);
  auto body = nlohmann::json::parse(reply.body);
  CHECK(body["kind"] == "Status");
  CHECK(body["reason"] == "ServiceUnavailable");
  CHECK(body["message"] == "the api server is not reachable");
}
