#include "messages/core/component_kind.hpp"

namespace troupe {

std::string_view to_string(component_kind kind) {
  switch (kind) {
    case component_kind::membership:
      return "membership";
    case component_kind::store_replica:
      return "store-replica";
    case component_kind::api:
      return "api";
    case component_kind::scheduler:
      return "scheduler";
    case component_kind::controller:
      return "controller";
    case component_kind::kubelet:
      return "kubelet";
    case component_kind::proxy:
      return "proxy";
  }
  return "unknown";
}

}  // namespace troupe
