// autoscaling/v1 <-> autoscaling/v2 HorizontalPodAutoscaler, as kube
// converts them (both versions are one resource, stored in v2):
//   v1 spec.targetCPUUtilizationPercentage <-> a v2 Resource metric for cpu
//   with target type Utilization; v1 status.currentCPUUtilizationPercentage
//   <-> the cpu entry of v2 status.currentMetrics.
//   What v1 cannot express travels in v1 annotations, as kube does: the
//   other metrics ("autoscaling.alpha.kubernetes.io/metrics"), behavior
//   (".../behavior"), conditions (".../conditions") and the other current
//   metrics (".../current-metrics"), as JSON text in v2's format.
// Pure; members of unexpected types are dropped, never thrown on.
#pragma once

#include <nlohmann/json.hpp>

namespace troupe::api {

nlohmann::json hpa_v1_to_v2(const nlohmann::json& v1);
nlohmann::json hpa_v2_to_v1(const nlohmann::json& v2);

}  // namespace troupe::api
