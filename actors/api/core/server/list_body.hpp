// The body of a list answer (<Kind>List), assembled from objects already
// serialized, so serving a large list costs string copies, not JSON work:
// {"apiVersion":..,"items":[..],"kind":"PodList","metadata":{"resourceVersion":"N"[,"continue":..]}}
// Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actors/api/core/resource_registry.hpp"

namespace troupe::api {

struct list_meta {
  std::int64_t resource_version = 0;
  std::string continue_token;
  std::int64_t remaining_item_count = -1;  // < 0: absent
};

std::string list_body(const resource_info& resource, const std::vector<std::string>& items,
                      const list_meta& meta);

}  // namespace troupe::api
