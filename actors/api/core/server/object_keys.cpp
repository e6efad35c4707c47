#include "actors/api/core/server/object_keys.hpp"

#include <cassert>

namespace troupe::api {

const resource_info& storage_resource(const resource_info& resource) {
  if (resource.group == "autoscaling" && resource.version == "v1") {
    const auto* stored = find_resource("autoscaling", "v2", resource.plural);
    assert(stored);
    return *stored;
  }
  return resource;
}

std::string resource_prefix(const resource_info& resource) {
  const auto& group = resource.group.empty() ? std::string("core") : resource.group;
  return std::string(registry_prefix) + group + "/" + resource.plural + "/";
}

std::string collection_prefix(const resource_info& resource, std::string_view namespace_name) {
  auto prefix = resource_prefix(resource);
  if (resource.namespaced && !namespace_name.empty()) {
    prefix += namespace_name;
    prefix += '/';
  }
  return prefix;
}

std::string object_key(const resource_info& resource, std::string_view namespace_name,
                       std::string_view name) {
  auto key = collection_prefix(resource, namespace_name);
  key += name;
  return key;
}

std::string namespace_key(std::string_view namespace_name) {
  return std::string(registry_prefix) + "core/namespaces/" + std::string(namespace_name);
}

std::string prefix_range_end(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    auto last = static_cast<unsigned char>(end.back());
    if (last < 0xff) {
      end.back() = static_cast<char>(last + 1);
      return end;
    }
    end.pop_back();
  }
  return std::string(1, '\0');
}

}  // namespace troupe::api
