// Messages of the api actor: one Kubernetes REST call, already decoded from
// HTTP by the gateway, and its answer. Objects stay JSON text (DESIGN.md
// principle 4).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace troupe {

struct api_request {
  std::string verb;         // get, list, create, update, patch, delete, ...
  std::string group;        // "" for core
  std::string version;      // v1
  std::string resource;     // pods
  std::string subresource;  // status, scale, binding, ...
  std::string namespace_name;
  std::string name;
  std::vector<std::pair<std::string, std::string>> query;
  std::string content_type;
  std::string body;
  std::string user;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, api_request& x) {
  return f(x.verb, x.group, x.version, x.resource, x.subresource, x.namespace_name, x.name, x.query,
           x.content_type, x.body, x.user);
}

struct api_response {
  std::uint16_t code = 200;
  std::string content_type;
  std::string body;
  std::vector<std::string> warnings;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, api_response& x) {
  return f(x.code, x.content_type, x.body, x.warnings);
}

// One event of an api watch, as Kubernetes streams it.
struct api_watch_event {
  std::string type;  // ADDED, MODIFIED, DELETED, BOOKMARK, ERROR
  std::string object_json;
  std::int64_t resource_version = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, api_watch_event& x) {
  return f(x.type, x.object_json, x.resource_version);
}

}  // namespace troupe
