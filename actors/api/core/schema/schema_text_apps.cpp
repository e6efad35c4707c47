#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view apps_schema_text() {
  return R"schema(
# apps/v1: Deployment, ReplicaSet, StatefulSet and DaemonSet.
package apps io.k8s.api.apps.v1 v1 apps/v1

kind Deployment: Declarative updates of pods through ReplicaSets, rolled out step by step.
  spec DeploymentSpec: Desired behaviour of the Deployment.
  status DeploymentStatus: Most recently observed state of the Deployment.

struct DeploymentSpec: The desired state of a Deployment.
  replicas int32: Number of desired pods; 1 by default.
  selector! LabelSelector: Selects the pods of the Deployment; it must match the template's labels.
  template! PodTemplateSpec: Template of the pods the Deployment creates.
  strategy DeploymentStrategy: How existing pods are replaced with new ones.
  minReadySeconds int32: Seconds a new pod must be ready, without crashing, to count as available.
  revisionHistoryLimit int32: Number of old ReplicaSets kept for rollback; 10 by default.
  paused bool: Whether the rollout is paused.
  progressDeadlineSeconds int32: Seconds a rollout may make no progress before it is reported failed; 600 by default.

struct DeploymentStrategy: How a Deployment replaces its pods.
  type DeploymentStrategyType: Recreate or RollingUpdate (the default).
  rollingUpdate RollingUpdateDeployment: Parameters of a rolling update.

alias DeploymentStrategyType string: The kind of a Deployment's update strategy.

struct RollingUpdateDeployment: Parameters of a rolling update of a Deployment.
  maxUnavailable IntOrString: Most pods, as a number or a percentage of the desired ones, that may be unavailable during the update; 25% by default.
  maxSurge IntOrString: Most pods, as a number or a percentage, that may be created above the desired number; 25% by default.

struct DeploymentStatus: The observed state of a Deployment.
  observedGeneration int64: Generation of the Deployment the controller last acted on.
  replicas int32: Number of pods targeted by the Deployment.
  updatedReplicas int32: Number of pods with the desired template.
  readyReplicas int32: Number of pods that are ready.
  availableReplicas int32: Number of pods available for at least minReadySeconds.
  unavailableReplicas int32: Number of pods still missing for the Deployment to be fully available.
  conditions []DeploymentCondition: Current conditions of the Deployment.
  collisionCount int32: Count of hash collisions, used to name the newest ReplicaSet.

struct DeploymentCondition: One aspect of the state of a Deployment.
  type! DeploymentConditionType: Available, Progressing or ReplicaFailure.
  status! core.ConditionStatus: True, False or Unknown.
  lastUpdateTime Time: When the condition was last updated.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

alias DeploymentConditionType string: The type of a Deployment condition.

kind ReplicaSet: Keeps a given number of identical pods running.
  spec ReplicaSetSpec: Desired behaviour of the ReplicaSet.
  status ReplicaSetStatus: Most recently observed state of the ReplicaSet.

struct ReplicaSetSpec: The desired state of a ReplicaSet.
  replicas int32: Number of desired pods; 1 by default.
  minReadySeconds int32: Seconds a new pod must be ready, without crashing, to count as available.
  selector! LabelSelector: Selects the pods of the ReplicaSet; it must match the template's labels.
  template PodTemplateSpec: Template of the pods created when too few exist.

struct ReplicaSetStatus: The observed state of a ReplicaSet.
  replicas! int32: Number of pods the ReplicaSet has.
  fullyLabeledReplicas int32: Number of pods whose labels match the template's.
  readyReplicas int32: Number of pods that are ready.
  availableReplicas int32: Number of pods available for at least minReadySeconds.
  observedGeneration int64: Generation of the ReplicaSet the controller last acted on.
  conditions []ReplicaSetCondition: Current conditions of the ReplicaSet.

struct ReplicaSetCondition: One aspect of the state of a ReplicaSet.
  type! ReplicaSetConditionType: Type of the condition, such as ReplicaFailure.
  status! core.ConditionStatus: True, False or Unknown.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

alias ReplicaSetConditionType string: The type of a ReplicaSet condition.

kind StatefulSet: Pods with stable identities and storage, created and updated in order.
  spec StatefulSetSpec: Desired behaviour of the StatefulSet.
  status StatefulSetStatus: Most recently observed state of the StatefulSet.

struct StatefulSetSpec: The desired state of a StatefulSet.
  replicas int32: Number of desired pods; 1 by default.
  selector! LabelSelector: Selects the pods of the StatefulSet; it must match the template's labels.
  template! PodTemplateSpec: Template of the pods; each gets a stable name and its own claims.
  volumeClaimTemplates []PersistentVolumeClaim: Claims made for each pod, mounted by volumes of the same name.
  serviceName string: Headless service that gives the pods their network identities.
  podManagementPolicy PodManagementPolicyType: OrderedReady (the default) creates and removes pods in order; Parallel does not wait.
  updateStrategy StatefulSetUpdateStrategy: How pods are replaced when the template changes.
  revisionHistoryLimit int32: Number of old revisions kept; 10 by default.
  minReadySeconds int32: Seconds a new pod must be ready, without crashing, to count as available.
  persistentVolumeClaimRetentionPolicy StatefulSetPersistentVolumeClaimRetentionPolicy: What happens to the claims when pods are deleted or scaled away.
  ordinals StatefulSetOrdinals: Numbering of the pods.

alias PodManagementPolicyType string: How a StatefulSet creates and removes pods.

struct StatefulSetUpdateStrategy: How a StatefulSet replaces its pods.
  type StatefulSetUpdateStrategyType: RollingUpdate (the default) or OnDelete.
  rollingUpdate RollingUpdateStatefulSetStrategy: Parameters of a rolling update.

alias StatefulSetUpdateStrategyType string: The kind of a StatefulSet's update strategy.

struct RollingUpdateStatefulSetStrategy: Parameters of a rolling update of a StatefulSet.
  partition int32: Only pods with an ordinal at least this are updated.
  maxUnavailable IntOrString: Most pods, as a number or a percentage, that may be unavailable during the update; 1 by default.

struct StatefulSetPersistentVolumeClaimRetentionPolicy: What happens to the claims of a StatefulSet's pods.
  whenDeleted PersistentVolumeClaimRetentionPolicyType: When the StatefulSet is deleted: Retain (the default) or Delete.
  whenScaled PersistentVolumeClaimRetentionPolicyType: When the StatefulSet scales down: Retain (the default) or Delete.

alias PersistentVolumeClaimRetentionPolicyType string: Whether the claims of a StatefulSet are kept or deleted.

struct StatefulSetOrdinals: The numbering of a StatefulSet's pods.
  start int32: Number of the first pod; 0 by default.

struct StatefulSetStatus: The observed state of a StatefulSet.
  observedGeneration int64: Generation of the StatefulSet the controller last acted on.
  replicas! int32: Number of pods the StatefulSet has.
  readyReplicas int32: Number of pods that are ready.
  currentReplicas int32: Number of pods of the current revision.
  updatedReplicas int32: Number of pods of the update revision.
  currentRevision string: Revision the current pods were created from.
  updateRevision string: Revision pods are being updated to.
  collisionCount int32: Count of hash collisions, used to name the newest revision.
  conditions []StatefulSetCondition: Current conditions of the StatefulSet.
  availableReplicas int32: Number of pods available for at least minReadySeconds.

struct StatefulSetCondition: One aspect of the state of a StatefulSet.
  type! StatefulSetConditionType: Type of the condition.
  status! core.ConditionStatus: True, False or Unknown.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

alias StatefulSetConditionType string: The type of a StatefulSet condition.

kind DaemonSet: Runs a copy of a pod on every eligible node.
  spec DaemonSetSpec: Desired behaviour of the DaemonSet.
  status DaemonSetStatus: Most recently observed state of the DaemonSet.

struct DaemonSetSpec: The desired state of a DaemonSet.
  selector! LabelSelector: Selects the pods of the DaemonSet; it must match the template's labels.
  template! PodTemplateSpec: Template of the pod run on each node; its restartPolicy must be Always.
  updateStrategy DaemonSetUpdateStrategy: How pods are replaced when the template changes.
  minReadySeconds int32: Seconds a new pod must be ready, without crashing, to count as available.
  revisionHistoryLimit int32: Number of old revisions kept; 10 by default.

struct DaemonSetUpdateStrategy: How a DaemonSet replaces its pods.
  type DaemonSetUpdateStrategyType: RollingUpdate (the default) or OnDelete.
  rollingUpdate RollingUpdateDaemonSet: Parameters of a rolling update.

alias DaemonSetUpdateStrategyType string: The kind of a DaemonSet's update strategy.

struct RollingUpdateDaemonSet: Parameters of a rolling update of a DaemonSet.
  maxUnavailable IntOrString: Most nodes, as a number or a percentage, whose pod may be unavailable during the update; 1 by default.
  maxSurge IntOrString: Most nodes, as a number or a percentage, that may run an extra updated pod during the update; 0 by default.

struct DaemonSetStatus: The observed state of a DaemonSet.
  currentNumberScheduled! int32: Number of nodes that run the pod and should.
  numberMisscheduled! int32: Number of nodes that run the pod but should not.
  desiredNumberScheduled! int32: Number of nodes that should run the pod.
  numberReady! int32: Number of nodes whose pod is ready.
  observedGeneration int64: Generation of the DaemonSet the controller last acted on.
  updatedNumberScheduled int32: Number of nodes running the updated pod.
  numberAvailable int32: Number of nodes whose pod has been available for at least minReadySeconds.
  numberUnavailable int32: Number of nodes that should run an available pod but do not.
  collisionCount int32: Count of hash collisions, used to name the newest revision.
  conditions []DaemonSetCondition: Current conditions of the DaemonSet.

struct DaemonSetCondition: One aspect of the state of a DaemonSet.
  type! DaemonSetConditionType: Type of the condition.
  status! core.ConditionStatus: True, False or Unknown.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

alias DaemonSetConditionType string: The type of a DaemonSet condition.
)schema";
}

}  // namespace troupe::api::schema
