// A component's answer to `status`: enough for `troupe members` and health
// checks to show what runs where without knowing the component's interface.
#pragma once

#include <string>

#include "messages/core/component_kind.hpp"

namespace troupe {

struct component_status {
  component_kind kind = component_kind::membership;
  std::string node;
  bool ready = false;
  std::string detail;  // one line, human readable
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, component_status& x) {
  return f(x.kind, x.node, x.ready, x.detail);
}

}  // namespace troupe
