#include "actors/api/core/schema/builtin_schema.hpp"

#include <cstdlib>
#include <utility>

#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::vector<schema_source> builtin_schema_sources() {
  return {{"meta", meta_schema_text()},
          {"core_pod", core_pod_schema_text()},
          {"core_container", core_container_schema_text()},
          {"core_volume", core_volume_schema_text()},
          {"core_storage", core_storage_schema_text()},
          {"core_objects", core_objects_schema_text()},
          {"core_node", core_node_schema_text()},
          {"apps", apps_schema_text()},
          {"batch", batch_schema_text()},
          {"autoscaling", autoscaling_schema_text()},
          {"cluster", cluster_schema_text()}};
}

const schema_model& builtin_schema() {
  static const schema_model model = [] {
    auto parsed = parse_schema(builtin_schema_sources());
    if (!parsed.model) std::abort();
    return std::move(*parsed.model);
  }();
  return model;
}

}  // namespace troupe::api::schema
