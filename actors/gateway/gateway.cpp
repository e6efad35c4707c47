#include "actors/gateway/gateway.hpp"

#include <caf/all.hpp>

#include <map>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/discovery.hpp"
#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/schema/api_schema.hpp"
#include "actors/gateway/core/gateway_routes.hpp"
#include "actors/gateway/core/response_format.hpp"
#include "messages/interfaces/api_actor.hpp"

namespace troupe::gateway::detail {

// One API call on its way: who to answer and how.
struct pending_call {
  std::shared_ptr<net::http_responder> responder;
  response_format format;
  const api::resource_info* served = nullptr;
};

using call_pointer = std::shared_ptr<pending_call>;

}  // namespace troupe::gateway::detail

// Local only: the bridge and watchers live in the gateway's process.
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(troupe::gateway::detail::call_pointer)

namespace troupe::gateway {

namespace {

using detail::call_pointer;
using nlohmann::json;

using format_atom = caf::atom_constant<caf::atom("format")>;

// Renders Tables (off the api's and the HTTP server's threads), starts
// watchers and asks the api for its status.
using bridge_actor = caf::typed_actor<caf::reacts_to<format_atom, api_response, call_pointer>,
                                      caf::reacts_to<watch_atom, api_request, call_pointer>,
                                      caf::reacts_to<status_atom, call_pointer>>;

// The watcher of one watch: the api's interface plus "the client left".
using watcher_impl = api_watcher_actor::extend<caf::reacts_to<caf::close_atom>>;

// Watch events held while the stream is being set up.
constexpr std::size_t early_events_max = 1 << 16;

net::http_response to_http(api_response response) {
  net::http_response http;
  http.code = response.code;
  http.content_type = std::move(response.content_type);
  http.body = std::move(response.body);
  for (const auto& warning : response.warnings)
    // A warning may quote a field name from a YAML body, which may be
    // ill-formed UTF-8: written as U+FFFD, as Go's strconv.Quote does.
    http.headers.emplace_back(
        "Warning", "299 - " + json(warning).dump(-1, ' ', false, json::error_handler_t::replace));
  return http;
}

net::http_response status_http(const json& status) {
  net::http_response http;
  http.code = status.value("code", 500);
  http.content_type = "application/json";
  http.body = status.dump();
  if (http.code == 429) http.headers.emplace_back("Retry-After", "1");
  return http;
}

struct watcher_state {
  call_pointer call;
  std::shared_ptr<net::http_stream> stream;
  std::uint64_t id = 0;
  bool first = true;
  std::vector<api_watch_event> early;
  static inline const char* name = "gateway watcher";
};

struct shared_context {
  api_actor api;
  std::function<std::chrono::system_clock::time_point()> now;
};

watcher_impl::behavior_type watcher(watcher_impl::stateful_pointer<watcher_state> self,
                                    std::shared_ptr<shared_context> context, api_request request,
                                    call_pointer call) {
  self->state.call = call;
  // Without its api the watch is over: end the stream cleanly.
  self->monitor(context->api);
  self->set_down_handler([=](caf::down_msg&) {
    if (self->state.stream) self->state.stream->end();
    self->quit();
  });
  auto write = [=](std::vector<api_watch_event>& events) {
    auto& state = self->state;
    for (const auto& event : events) {
      auto line =
          watch_line(event, *state.call->served, state.call->format, state.first, context->now());
      if (event.type != "BOOKMARK") state.first = false;
      if (!state.stream->push(std::move(line))) {
        self->send(context->api, cancel_atom::value, state.id);
        self->quit();
        return;
      }
    }
  };
  self->request(context->api, caf::infinite, watch_atom::value, std::move(request),
                caf::actor_cast<api_watcher_actor>(self))
      .then(
          [=](std::uint64_t id, api_response& response) mutable {
            auto& state = self->state;
            if (id == 0) {
              state.call->responder->respond(to_http(std::move(response)));
              return self->quit();
            }
            state.id = id;
            auto type = state.call->format.table ? std::string(table_content_type)
                                                 : std::string("application/json");
            state.stream = state.call->responder->stream(200, type);
            auto handle = caf::actor_cast<caf::actor>(self);
            state.stream->on_close([handle] { caf::anon_send(handle, caf::close_atom::value); });
            auto early = std::move(state.early);
            write(early);
          },
          [=](const caf::error& error) {
            self->state.call->responder->respond(status_http(api::service_unavailable(
                "the api server is not reachable: " + self->system().render(error))));
            self->quit();
          });
  return {
      [=](event_atom, std::uint64_t id, std::vector<api_watch_event>& events) mutable {
        auto& state = self->state;
        if (!state.stream) {
          if (state.early.size() + events.size() > early_events_max) {
            self->send(context->api, cancel_atom::value, id);
            state.call->responder->respond(status_http(
                api::service_unavailable("the watch fell behind before it could start")));
            return self->quit();
          }
          for (auto& event : events) state.early.push_back(std::move(event));
          return;
        }
        write(events);
      },
      [=](cancel_atom, std::uint64_t) {
        if (self->state.stream) self->state.stream->end();
        self->quit();
      },
      [=](caf::close_atom) {
        self->send(context->api, cancel_atom::value, self->state.id);
        self->quit();
      },
  };
}

bridge_actor::behavior_type bridge(bridge_actor::pointer self,
                                   std::shared_ptr<shared_context> context) {
  return {
      [=](format_atom, api_response& response, const call_pointer& call) {
        auto formatted =
            format_response(std::move(response), *call->served, call->format, context->now());
        call->responder->respond(to_http(std::move(formatted)));
      },
      [=](watch_atom, api_request& request, const call_pointer& call) {
        self->spawn(watcher, context, std::move(request), call);
      },
      [=](status_atom, const call_pointer& call) {
        self->request(context->api, std::chrono::seconds(5), status_atom::value)
            .then(
                [=](const component_status& status) {
                  net::http_response http;
                  http.code = status.ready ? 200 : 500;
                  http.content_type = "text/plain; charset=utf-8";
                  http.body = status.ready ? "ok" : "[-]api failed: " + status.detail + "\n";
                  call->responder->respond(std::move(http));
                },
                [=](const caf::error& error) {
                  call->responder->respond({500,
                                            "text/plain; charset=utf-8",
                                            "[-]api failed: " + self->system().render(error) + "\n",
                                            {}});
                });
      },
  };
}

// Where the api delivers a call's response (on its own thread): straight to
// the HTTP responder, or through the bridge when a Table is to be rendered.
// The api answers every call (its store work is bounded by the store
// client's timeout); if it is gone, the message and this sink are dropped
// and the destructor answers 503.
class call_sink final : public api_reply_sink {
 public:
  call_sink(call_pointer call, bridge_actor bridge)
      : call_(std::move(call)), bridge_(std::move(bridge)) {}
  ~call_sink() override {
    if (!delivered_)
      call_->responder->respond(
          status_http(api::service_unavailable("the api server is not reachable")));
  }

  void deliver(api_response response) override {
    delivered_ = true;
    if (renders_table(call_->format, response))
      caf::anon_send(bridge_, format_atom::value, std::move(response), call_);
    else
      call_->responder->respond(to_http(std::move(response)));
  }

 private:
  call_pointer call_;
  bridge_actor bridge_;
  bool delivered_ = false;
};

// The server's own documents, rendered once.
struct documents {
  std::string version;
  std::string api_aggregated;
  std::string apis_aggregated;
  std::string api_legacy;
  std::string apis_legacy;
  std::map<std::string, std::string> groups;          // /apis/<group>
  std::map<std::string, std::string> resource_lists;  // "apps/v1", "v1"
  std::string openapi_index;
  std::map<std::string, std::string> openapi;  // "apis/apps/v1"
};

documents render_documents(const std::string& troupe_version) {
  documents docs;
  docs.version = api::version_document(troupe_version).dump();
  docs.api_aggregated = api::aggregated_discovery(api::discovery_scope::core).dump();
  docs.apis_aggregated = api::aggregated_discovery(api::discovery_scope::groups).dump();
  docs.api_legacy = api::legacy_core_versions().dump();
  docs.apis_legacy = api::legacy_group_list().dump();
  for (const auto& group : api::builtin_groups()) {
    if (!group.group.empty())
      if (auto document = api::legacy_group(group.group))
        docs.groups[group.group] = document->dump();
    for (const auto& version : group.versions) {
      auto key = group.group.empty() ? version : group.group + "/" + version;
      if (auto list = api::resource_list(group.group, version))
        docs.resource_lists[key] = list->dump();
    }
  }
  auto index = api::openapi_v3_index();
  docs.openapi_index = index.dump();
  if (auto paths = index.find("paths"); paths != index.end() && paths->is_object())
    for (const auto& [path, entry] : paths->items())
      if (auto document = api::openapi_v3_document(path)) docs.openapi[path] = document->dump();
  return docs;
}

class handler final : public net::http_handler {
 public:
  handler(documents docs, api_actor api, bridge_actor bridge)
      : docs_(std::move(docs)), api_(std::move(api)), bridge_(std::move(bridge)) {}

  void handle(net::http_request request, std::shared_ptr<net::http_responder> responder) override {
    auto routed = route_request(request.method, request.url);
    if (auto* failure = std::get_if<api::api_failure>(&routed))
      return responder->respond(status_http(failure->status));
    if (auto* document = std::get_if<document_route>(&routed))
      return serve_document(*document, request, std::move(responder));
    auto& call = std::get<api_route>(routed).request;
    call.user = request.peer.user;
    call.content_type = request.content_type;
    call.body = std::move(request.body);
    auto pending = std::make_shared<detail::pending_call>();
    pending->responder = std::move(responder);
    pending->format = negotiate(request.accept, call.query);
    pending->served = api::find_resource(call.group, call.version, call.resource);
    if (call.verb == "watch")
      caf::anon_send(bridge_, watch_atom::value, std::move(call), std::move(pending));
    else
      caf::anon_send(api_, call_atom::value, std::move(call),
                     api_reply(std::make_shared<call_sink>(std::move(pending), bridge_)));
  }

 private:
  static net::http_response json_document(const std::string& body,
                                          std::string type = "application/json") {
    return {200, std::move(type), body, {}};
  }

  static net::http_response missing() {
    return status_http(api::status_body(
        404, "NotFound", "the server could not find the requested resource", json::object()));
  }

  static const std::string* find(const std::map<std::string, std::string>& map,
                                 const std::string& key) {
    auto found = map.find(key);
    return found == map.end() ? nullptr : &found->second;
  }

  void serve_document(const document_route& route, const net::http_request& request,
                      std::shared_ptr<net::http_responder> responder) {
    const bool aggregated = request.accept.find("as=APIGroupDiscoveryList") != std::string::npos;
    const std::string aggregated_type(api::aggregated_discovery_content_type);
    switch (route.which) {
      case document::version:
        return responder->respond(json_document(docs_.version));
      case document::healthz:
      case document::livez:
        return responder->respond({200, "text/plain; charset=utf-8", "ok", {}});
      case document::readyz: {
        auto pending = std::make_shared<detail::pending_call>();
        pending->responder = std::move(responder);
        caf::anon_send(bridge_, status_atom::value, std::move(pending));
        return;
      }
      case document::api_versions:
        return responder->respond(aggregated ? json_document(docs_.api_aggregated, aggregated_type)
                                             : json_document(docs_.api_legacy));
      case document::api_groups:
        return responder->respond(aggregated ? json_document(docs_.apis_aggregated, aggregated_type)
                                             : json_document(docs_.apis_legacy));
      case document::api_group: {
        const auto* body = find(docs_.groups, route.group);
        return responder->respond(body ? json_document(*body) : missing());
      }
      case document::resource_list: {
        auto key = route.group.empty() ? route.version : route.group + "/" + route.version;
        const auto* body = find(docs_.resource_lists, key);
        return responder->respond(body ? json_document(*body) : missing());
      }
      case document::openapi_v3_index:
        return responder->respond(json_document(docs_.openapi_index));
      case document::openapi_v3: {
        const auto* body = find(docs_.openapi, route.path);
        return responder->respond(body ? json_document(*body) : missing());
      }
    }
  }

  documents docs_;
  api_actor api_;
  bridge_actor bridge_;
};

}  // namespace

struct gateway::parts {
  bridge_actor bridge;
  std::unique_ptr<net::http_server> server;
};

std::variant<std::unique_ptr<gateway>, std::string> gateway::start(caf::actor_system& system,
                                                                   gateway_config config) {
  auto context = std::make_shared<shared_context>(shared_context{config.api, config.now});
  auto parts = std::make_unique<gateway::parts>();
  parts->bridge = system.spawn(bridge, context);
  auto http = std::move(config.http);
  http.long_running = long_running_request;
  http.too_large = [](std::size_t limit) {
    return status_http(api::request_entity_too_large(limit));
  };
  http.too_many_requests = [](int retry_after) {
    auto response = status_http(api::too_many_requests(retry_after));
    response.headers.clear();
    response.headers.emplace_back("Retry-After", std::to_string(retry_after));
    return response;
  };
  auto handle =
      std::make_shared<handler>(render_documents(config.troupe_version), config.api, parts->bridge);
  auto started = net::http_server::start(std::move(http), handle);
  if (auto* error = std::get_if<std::string>(&started)) {
    caf::anon_send_exit(parts->bridge, caf::exit_reason::user_shutdown);
    return *error;
  }
  parts->server = std::move(std::get<std::unique_ptr<net::http_server>>(started));
  return std::unique_ptr<gateway>(new gateway(std::move(parts)));
}

gateway::gateway(std::unique_ptr<parts> parts) : parts_(std::move(parts)) {}

gateway::~gateway() {
  stop();
}

std::uint16_t gateway::port() const {
  return parts_->server ? parts_->server->port() : 0;
}

void gateway::stop() {
  if (parts_->server) {
    parts_->server->stop();
    parts_->server.reset();
  }
  if (parts_->bridge) {
    caf::anon_send_exit(parts_->bridge, caf::exit_reason::user_shutdown);
    parts_->bridge = nullptr;
  }
}

}  // namespace troupe::gateway
