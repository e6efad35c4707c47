#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view autoscaling_schema_text() {
  return R"schema(
# autoscaling/v1 (HorizontalPodAutoscaler by CPU, and Scale) and
# autoscaling/v2 (HorizontalPodAutoscaler by any metric).
package autoscalingv1 io.k8s.api.autoscaling.v1 v1 autoscaling/v1

kind Scale: The desired and observed number of replicas of a scalable resource.
  spec ScaleSpec: Desired number of replicas.
  status ScaleStatus: Observed number of replicas.

struct ScaleSpec: The desired scale of a resource.
  replicas int32: Desired number of replicas.

struct ScaleStatus: The observed scale of a resource.
  replicas! int32: Observed number of replicas.
  selector string: Label selector of the pods counted, in string form.

kind HorizontalPodAutoscaler: Scales a resource by the average CPU utilization of its pods.
  spec HorizontalPodAutoscalerSpec: Desired behaviour of the autoscaler.
  status HorizontalPodAutoscalerStatus: Most recently observed state of the autoscaler.

struct HorizontalPodAutoscalerSpec: What an autoscaler scales and within which bounds.
  scaleTargetRef! CrossVersionObjectReference: The resource scaled.
  minReplicas int32: Least number of replicas; 1 by default.
  maxReplicas! int32: Most number of replicas.
  targetCPUUtilizationPercentage int32: Target average CPU utilization, as a percentage of the requests.

struct CrossVersionObjectReference: A reference to a resource by kind and name.
  kind! string: Kind of the referent.
  name! string: Name of the referent.
  apiVersion string: API version of the referent.

struct HorizontalPodAutoscalerStatus: The observed state of an autoscaler.
  observedGeneration int64: Generation the autoscaler last acted on.
  lastScaleTime Time: When the autoscaler last changed the number of replicas.
  currentReplicas! int32: Current number of replicas.
  desiredReplicas! int32: Number of replicas the autoscaler wants.
  currentCPUUtilizationPercentage int32: Current average CPU utilization, as a percentage of the requests.

package autoscalingv2 io.k8s.api.autoscaling.v2 v2 autoscaling/v2

kind HorizontalPodAutoscaler: Scales a resource by the metrics it is given.
  spec HorizontalPodAutoscalerSpec: Desired behaviour of the autoscaler.
  status HorizontalPodAutoscalerStatus: Most recently observed state of the autoscaler.

struct HorizontalPodAutoscalerSpec: What an autoscaler scales, by which metrics and how fast.
  scaleTargetRef! CrossVersionObjectReference: The resource scaled.
  minReplicas int32: Least number of replicas; 1 by default.
  maxReplicas! int32: Most number of replicas.
  metrics []MetricSpec: Metrics the number of replicas is computed from; the largest result wins.
  behavior HorizontalPodAutoscalerBehavior: How fast the resource is scaled up and down.

struct CrossVersionObjectReference: A reference to a resource by kind and name.
  kind! string: Kind of the referent.
  name! string: Name of the referent.
  apiVersion string: API version of the referent.

struct MetricSpec: One metric an autoscaler scales by; the member named by type is set.
  type! MetricSourceType: ContainerResource, External, Object, Pods or Resource.
  object ObjectMetricSource: A metric of one object.
  pods PodsMetricSource: A metric averaged over the pods.
  resource ResourceMetricSource: A resource of the pods, such as cpu.
  containerResource ContainerResourceMetricSource: A resource of one container of the pods.
  external ExternalMetricSource: A metric from outside the cluster.

alias MetricSourceType string: The kind of source of a metric.

struct ObjectMetricSource: A metric describing one object.
  describedObject! CrossVersionObjectReference: The object.
  target! MetricTarget: Target value of the metric.
  metric! MetricIdentifier: The metric.

struct PodsMetricSource: A metric averaged over the pods of the scaled resource.
  metric! MetricIdentifier: The metric.
  target! MetricTarget: Target value of the metric.

struct ResourceMetricSource: A resource of the pods, as requested per container.
  name! core.ResourceName: The resource.
  target! MetricTarget: Target value of the resource.

struct ContainerResourceMetricSource: A resource of one container of the pods.
  name! core.ResourceName: The resource.
  target! MetricTarget: Target value of the resource.
  container! string: Name of the container.

struct ExternalMetricSource: A metric not tied to any object of the cluster.
  metric! MetricIdentifier: The metric.
  target! MetricTarget: Target value of the metric.

struct MetricIdentifier: Names a metric, with an optional selector.
  name! string: Name of the metric.
  selector LabelSelector: Narrows the metric by labels.

struct MetricTarget: The target value of a metric.
  type! MetricTargetType: Utilization, Value or AverageValue.
  value Quantity: Target value.
  averageValue Quantity: Target value averaged over the pods.
  averageUtilization int32: Target average utilization, as a percentage of the requests.

alias MetricTargetType string: How a metric target is expressed.

struct HorizontalPodAutoscalerBehavior: How fast an autoscaler scales up and down.
  scaleUp HPAScalingRules: Rules for scaling up.
  scaleDown HPAScalingRules: Rules for scaling down.

struct HPAScalingRules: Limits on the rate of scaling in one direction.
  stabilizationWindowSeconds int32: Seconds of past recommendations considered before scaling.
  selectPolicy ScalingPolicySelect: Which policy applies: Max (the default), Min or Disabled.
  policies []HPAScalingPolicy: Policies that limit the change per period.

alias ScalingPolicySelect string: How an autoscaler picks among its scaling policies.

struct HPAScalingPolicy: The largest change allowed within a period.
  type! HPAScalingPolicyType: Pods or Percent.
  value! int32: Size of the change.
  periodSeconds! int32: Length of the period.

alias HPAScalingPolicyType string: How a scaling policy measures change.

struct HorizontalPodAutoscalerStatus: The observed state of an autoscaler.
  observedGeneration int64: Generation the autoscaler last acted on.
  lastScaleTime Time: When the autoscaler last changed the number of replicas.
  currentReplicas int32: Current number of replicas.
  desiredReplicas! int32: Number of replicas the autoscaler wants.
  currentMetrics []MetricStatus: Last read values of the metrics.
  conditions []HorizontalPodAutoscalerCondition: Current conditions of the autoscaler.

struct MetricStatus: The last read value of one metric; the member named by type is set.
  type! MetricSourceType: ContainerResource, External, Object, Pods or Resource.
  object ObjectMetricStatus: A metric of one object.
  pods PodsMetricStatus: A metric averaged over the pods.
  resource ResourceMetricStatus: A resource of the pods.
  containerResource ContainerResourceMetricStatus: A resource of one container of the pods.
  external ExternalMetricStatus: A metric from outside the cluster.

struct ObjectMetricStatus: The value of a metric of one object.
  metric! MetricIdentifier: The metric.
  current! MetricValueStatus: Its value.
  describedObject! CrossVersionObjectReference: The object.

struct PodsMetricStatus: The value of a metric averaged over the pods.
  metric! MetricIdentifier: The metric.
  current! MetricValueStatus: Its value.

struct ResourceMetricStatus: The value of a resource of the pods.
  name! core.ResourceName: The resource.
  current! MetricValueStatus: Its value.

struct ContainerResourceMetricStatus: The value of a resource of one container of the pods.
  name! core.ResourceName: The resource.
  current! MetricValueStatus: Its value.
  container! string: Name of the container.

struct ExternalMetricStatus: The value of a metric from outside the cluster.
  metric! MetricIdentifier: The metric.
  current! MetricValueStatus: Its value.

struct MetricValueStatus: A value of a metric.
  value Quantity: The value.
  averageValue Quantity: The value averaged over the pods.
  averageUtilization int32: Average utilization, as a percentage of the requests.

struct HorizontalPodAutoscalerCondition: One aspect of the state of an autoscaler.
  type! HorizontalPodAutoscalerConditionType: ScalingActive, AbleToScale or ScalingLimited.
  status! core.ConditionStatus: True, False or Unknown.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

alias HorizontalPodAutoscalerConditionType string: The type of an autoscaler condition.
)schema";
}

}  // namespace troupe::api::schema
