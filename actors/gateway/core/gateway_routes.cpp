#include "actors/gateway/core/gateway_routes.hpp"

#include <kj/compat/url.h>
#include <kj/exception.h>

#include <cctype>
#include <vector>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/request_options.hpp"

namespace troupe::gateway {

namespace {

using api::api_failure;

struct parsed_url {
  std::vector<std::string> path;
  std::vector<std::pair<std::string, std::string>> query;
};

std::optional<parsed_url> parse_url(std::string_view url) {
  std::optional<parsed_url> result;
  auto failure = kj::runCatchingExceptions([&] {
    kj::String text = kj::heapString(url.data(), url.size());
    KJ_IF_MAYBE (parsed, kj::Url::tryParse(text, kj::Url::HTTP_REQUEST)) {
      parsed_url out;
      for (const auto& segment : parsed->path) out.path.emplace_back(segment.cStr());
      for (const auto& parameter : parsed->query)
        out.query.emplace_back(parameter.name.cStr(), parameter.value.cStr());
      result = std::move(out);
    }
  });
  if (failure != nullptr) return std::nullopt;
  return result;
}

api_failure not_found_path() {
  return {api::status_body(404, "NotFound", "the server could not find the requested resource",
                           nlohmann::json::object())};
}

// kube-apiserver's 405 for a method a path has no route for (go-restful's
// error through apierrors.NewGenericServerResponse: no resource, so neither
// the method nor a resource in the message, and empty details).
api_failure method_not_allowed() {
  return {api::status_body(405, "MethodNotAllowed",
                           "the server does not allow this method on the requested resource",
                           nlohmann::json::object())};
}

bool served_group_version(std::string_view group, std::string_view version) {
  for (const auto& known : api::builtin_groups())
    if (known.group == group)
      for (const auto& each : known.versions)
        if (each == version) return true;
  return false;
}

// kube decodes query booleans with runtime.Convert_Slice_string_To_bool:
// the first value is false only when it is "0" or "false" in any case;
// anything else, the empty value included, is true.
bool watch_requested(const parsed_url& url) {
  for (const auto& [name, value] : url.query)
    if (name == "watch") {
      std::string lowered = value;
      for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return lowered != "0" && lowered != "false";
    }
  return false;
}

// `watch_path`: the /watch/ form, a watch of a collection or of one named
// object, served for GET only (kube's RequestInfo takes the verb from the
// path; its routes there are GETs). watch=true turns only lists into
// watches: a GET of a name stays a get.
std::optional<std::string> verb_of(std::string_view method, bool named, bool watch_path,
                                   bool watch_parameter) {
  if (watch_path) return method == "GET" ? std::optional<std::string>("watch") : std::nullopt;
  if (method == "GET") return named ? "get" : (watch_parameter ? "watch" : "list");
  if (method == "POST") return std::string("create");
  if (method == "PUT") return std::string("update");
  if (method == "PATCH") return std::string("patch");
  if (method == "DELETE") return named ? "delete" : "deletecollection";
  return std::nullopt;
}

// The segments after /api/v1 or /apis/<group>/<version>.
route resource_call(std::string_view method, const std::string& group, const std::string& version,
                    std::vector<std::string> rest, const parsed_url& url) {
  const bool watch_path = !rest.empty() && rest.front() == "watch";
  if (watch_path) rest.erase(rest.begin());
  api_request request;
  request.group = group;
  request.version = version;
  request.query = url.query;
  // kube's RequestInfo: /namespaces/<ns>/<resource>... is namespaced,
  // except the namespace's own subresources (status, finalize);
  // /namespaces/<name> is the namespace object itself.
  if (rest.size() >= 3 && rest[0] == "namespaces" && rest[2] != "status" && rest[2] != "finalize") {
    request.namespace_name = rest[1];
    rest.erase(rest.begin(), rest.begin() + 2);
  }
  if (rest.empty() || rest.size() > 3) return not_found_path();
  request.resource = rest[0];
  if (rest.size() >= 2) request.name = rest[1];
  if (rest.size() == 3) request.subresource = rest[2];
  if (!api::find_resource(group, version, request.resource)) return not_found_path();
  // kube routes /watch/ to collections and objects only.
  if (watch_path && !request.subresource.empty()) return not_found_path();
  auto verb = verb_of(method, !request.name.empty(), watch_path, watch_requested(url));
  if (!verb) return method_not_allowed();
  request.verb = *verb;
  return api_route{std::move(request)};
}

route document_or_call(std::string_view method, const parsed_url& url) {
  const auto& path = url.path;
  auto is_get = method == "GET";
  if (path.size() == 1 && path[0] == "version")
    return is_get ? route(document_route{document::version}) : method_not_allowed();
  for (auto [name, which] :
       {std::pair{"healthz", document::healthz}, std::pair{"livez", document::livez},
        std::pair{"readyz", document::readyz}})
    if (!path.empty() && path[0] == name)
      return is_get ? route(document_route{which}) : method_not_allowed();
  if (path.size() >= 2 && path[0] == "openapi" && path[1] == "v3") {
    if (!is_get) return method_not_allowed();
    if (path.size() == 2) return document_route{document::openapi_v3_index};
    std::string rest;
    for (std::size_t i = 2; i < path.size(); ++i) rest += (i > 2 ? "/" : "") + path[i];
    return document_route{document::openapi_v3, "", "", rest};
  }
  if (!path.empty() && path[0] == "api") {
    if (path.size() == 1)
      return is_get ? route(document_route{document::api_versions}) : method_not_allowed();
    if (path[1] != "v1") return not_found_path();
    if (path.size() == 2)
      return is_get ? route(document_route{document::resource_list, "", "v1"})
                    : method_not_allowed();
    return resource_call(method, "", "v1", {path.begin() + 2, path.end()}, url);
  }
  if (!path.empty() && path[0] == "apis") {
    if (path.size() == 1)
      return is_get ? route(document_route{document::api_groups}) : method_not_allowed();
    const auto& group = path[1];
    if (path.size() == 2) {
      for (const auto& known : api::builtin_groups())
        if (known.group == group && !group.empty())
          return is_get ? route(document_route{document::api_group, group}) : method_not_allowed();
      return not_found_path();
    }
    if (!served_group_version(group, path[2]) || group.empty()) return not_found_path();
    if (path.size() == 3)
      return is_get ? route(document_route{document::resource_list, group, path[2]})
                    : method_not_allowed();
    return resource_call(method, group, path[2], {path.begin() + 3, path.end()}, url);
  }
  return not_found_path();
}

}  // namespace

route route_request(std::string_view method, std::string_view url) {
  auto parsed = parse_url(url);
  if (!parsed)
    return api_failure{api::bad_request("the request URL cannot be parsed: " + std::string(url))};
  return document_or_call(method, *parsed);
}

bool long_running_request(const std::string& method, const std::string& url) {
  // Neither a watch (?watch= or /watch/) nor a followed log (follow=true)
  // without these words or a percent-encoding that could spell them: most
  // requests skip the second routing.
  if (method != "GET" ||
      (url.find("watch") == std::string::npos && url.find("follow") == std::string::npos &&
       url.find('%') == std::string::npos))
    return false;
  auto routed = route_request(method, url);
  const auto* call = std::get_if<api_route>(&routed);
  if (!call) return false;
  const auto& request = call->request;
  if (request.verb == "watch") return true;
  return request.subresource == "log" &&
         api::query_value(request.query, "follow").value_or("") == "true";
}

}  // namespace troupe::gateway
