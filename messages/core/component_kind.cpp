#include "messages/core/component_kind.hpp"

namespace troupe {

namespace {
constexpr component_kind all_kinds[] = {
    component_kind::membership, component_kind::store_replica, component_kind::api,
    component_kind::scheduler,  component_kind::controller,    component_kind::kubelet,
    component_kind::proxy,
};
}  // namespace

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

std::optional<component_kind> parse_component_kind(std::string_view text) {
  for (auto kind : all_kinds)
    if (to_string(kind) == text) return kind;
  return std::nullopt;
}

}  // namespace troupe
