// The kinds of actor a node publishes through membership. The registry answers
// "the store replicas", "the api actors" or "the kubelet of node X" by kind.
#pragma once

#include <cstdint>
#include <string_view>

namespace troupe {

enum class component_kind : std::uint8_t {
  membership,
  store_replica,
  api,
  scheduler,
  controller,
  kubelet,
  proxy,
};

std::string_view to_string(component_kind kind);

}  // namespace troupe
