// The URL space kube-apiserver serves, mapped the way its RequestInfo
// resolver maps it: a request is either for one of the server's own
// documents (version, health, discovery, OpenAPI), or an API call on a
// resource (its verb from the method, the name and subresource from the
// path), or refused here (404, 405) with a Status. Pure.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "actors/api/core/server/api_failure.hpp"
#include "messages/core/api.hpp"

namespace troupe::gateway {

enum class document {
  version,
  healthz,
  livez,
  readyz,
  api_versions,      // /api
  api_groups,        // /apis
  api_group,         // /apis/<group>
  resource_list,     // /api/v1, /apis/<group>/<version>
  openapi_v3_index,  // /openapi/v3
  openapi_v3,        // /openapi/v3/<path>
};

struct document_route {
  document which = document::version;
  std::string group;
  std::string version;
  std::string path;  // openapi_v3: "api/v1", "apis/apps/v1"
};

struct api_route {
  api_request request;  // verb "watch" for watches
};

using route = std::variant<document_route, api_route, api::api_failure>;

// `url` is the request target (path and query) as received.
route route_request(std::string_view method, std::string_view url);

// Watches and followed logs (?follow=true), as route_request reads them:
// they hold their connection, so the HTTP server does not count them
// against its in-flight bound.
bool long_running_request(const std::string& method, const std::string& url);

}  // namespace troupe::gateway
