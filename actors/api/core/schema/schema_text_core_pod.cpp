#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view core_pod_schema_text() {
  return R"schema(
# core/v1 pods: the Pod kind, its spec with scheduling constraints, and its
# status. Containers and volumes have texts of their own.
package core io.k8s.api.core.v1 v1 v1

kind Pod: A group of containers that run together on one node and share its network and storage.
  spec PodSpec: Desired behaviour of the pod.
  status PodStatus: Most recently observed state of the pod; maintained by the system.

struct PodTemplateSpec: The pods a workload creates: their metadata and specification.
  metadata ObjectMeta: Metadata given to each pod created from the template.
  spec PodSpec: Specification of each pod created from the template.

struct PodSpec: The desired state of a pod: its containers, volumes and scheduling constraints.
  volumes []Volume: Volumes the containers of the pod can mount.
  initContainers []Container: Containers run one after another, each to completion, before the regular containers start.
  containers! []Container: The regular containers of the pod; there must be at least one.
  ephemeralContainers []EphemeralContainer: Temporary containers added to a running pod, for example to debug it.
  restartPolicy RestartPolicy: When containers are restarted: Always (the default), OnFailure or Never.
  terminationGracePeriodSeconds int64: Seconds the pod gets to stop gracefully before its processes are killed; 30 by default.
  activeDeadlineSeconds int64: Seconds the pod may stay active after it started before the system fails it.
  dnsPolicy DNSPolicy: How the DNS of the pod is set up: ClusterFirst (the default), ClusterFirstWithHostNet, Default or None.
  nodeSelector map[string]string: Labels a node must carry for the pod to be scheduled on it.
  serviceAccountName string: Name of the service account the pod runs as.
  serviceAccount string: Deprecated synonym of serviceAccountName.
  automountServiceAccountToken bool: Whether a token of the service account is mounted into the pod.
  nodeName string: The node the pod runs on; setting it bypasses the scheduler.
  hostNetwork bool: Whether the pod uses the network namespace of its node.
  hostPID bool: Whether the pod uses the process namespace of its node.
  hostIPC bool: Whether the pod uses the IPC namespace of its node.
  shareProcessNamespace bool: Whether all containers of the pod share one process namespace.
  securityContext PodSecurityContext: Security attributes of the pod and defaults for its containers.
  imagePullSecrets []LocalObjectReference: Secrets of the pod's namespace used to pull its images.
  hostname string: Host name of the pod; the pod name by default.
  subdomain string: Subdomain of the pod's fully qualified name, <hostname>.<subdomain>.<namespace>.svc.<cluster domain>.
  affinity Affinity: Affinity and anti-affinity constraints on where the pod is scheduled.
  schedulerName string: The scheduler that places the pod; the default scheduler when empty.
  tolerations []Toleration: Node taints the pod tolerates.
  hostAliases []HostAlias: Entries added to the /etc/hosts file of the pod.
  priorityClassName string: The PriorityClass that sets the pod's priority.
  priority int32: Priority of the pod, filled in from priorityClassName by admission.
  dnsConfig PodDNSConfig: DNS settings merged into those the DNS policy produces.
  readinessGates []PodReadinessGate: Further pod conditions that must be true for the pod to be ready.
  runtimeClassName string: The RuntimeClass that runs the pod.
  enableServiceLinks bool: Whether variables describing the namespace's services are put into the environment; true by default.
  preemptionPolicy PreemptionPolicy: Whether the pod may preempt pods of lower priority: PreemptLowerPriority (the default) or Never.
  overhead ResourceList: Resources the pod's sandbox takes beyond its containers, set by admission from the RuntimeClass.
  topologySpreadConstraints []TopologySpreadConstraint: How pods like this one spread across topology domains.
  setHostnameAsFQDN bool: Whether the host name of the pod is its fully qualified domain name.
  os PodOS: The operating system the containers of the pod need.
  hostUsers bool: Whether the pod uses the user namespace of its node; false gives it a namespace of its own.
  schedulingGates []PodSchedulingGate: Gates that hold the pod back from scheduling while any remains.
  resourceClaims []PodResourceClaim: Dynamically allocated resources the containers of the pod may use.
  resources ResourceRequirements: Resources of the pod as a whole, shared by its containers.

alias RestartPolicy string: How the containers of a pod are restarted.
alias DNSPolicy string: How the DNS of a pod is configured.
alias PreemptionPolicy string: Whether a pod may preempt pods of lower priority.

struct Affinity: Scheduling constraints relating a pod to nodes and to other pods.
  nodeAffinity NodeAffinity: Constraints on the nodes the pod may run on.
  podAffinity PodAffinity: Rules placing the pod near certain other pods.
  podAntiAffinity PodAntiAffinity: Rules keeping the pod away from certain other pods.

struct NodeAffinity: Required and preferred constraints on the nodes a pod may run on.
  requiredDuringSchedulingIgnoredDuringExecution NodeSelector: Nodes the pod must be scheduled on; not enforced once it runs.
  preferredDuringSchedulingIgnoredDuringExecution []PreferredSchedulingTerm: Weighted preferences; nodes matching more weight are favoured.

struct NodeSelector: Selects nodes: a node matches when any of its terms matches.
  nodeSelectorTerms! []NodeSelectorTerm: The terms; they are ORed.

struct NodeSelectorTerm: Requirements on the labels and fields of a node, all of which must hold; an empty term matches no node.
  matchExpressions []NodeSelectorRequirement: Requirements on node labels.
  matchFields []NodeSelectorRequirement: Requirements on node fields.

struct NodeSelectorRequirement: A requirement relating a node label or field to a set of values.
  key! string: The label key or field name.
  operator! NodeSelectorOperator: In, NotIn, Exists, DoesNotExist, Gt or Lt.
  values []string: The values: one integer for Gt and Lt, none for Exists and DoesNotExist.

alias NodeSelectorOperator string: How a node selector requirement relates a key to its values.

struct PreferredSchedulingTerm: A node selector term with a weight.
  weight! int32: Weight of the term, from 1 to 100.
  preference! NodeSelectorTerm: The term.

struct PodAffinity: Rules placing a pod in the same topology domain as certain other pods.
  requiredDuringSchedulingIgnoredDuringExecution []PodAffinityTerm: Terms that must all hold when the pod is scheduled.
  preferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm: Weighted preferences.

struct PodAntiAffinity: Rules keeping a pod out of the topology domains of certain other pods.
  requiredDuringSchedulingIgnoredDuringExecution []PodAffinityTerm: Terms that must all hold when the pod is scheduled.
  preferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm: Weighted preferences.

struct WeightedPodAffinityTerm: A pod affinity term with a weight.
  weight! int32: Weight of the term, from 1 to 100.
  podAffinityTerm! PodAffinityTerm: The term.

struct PodAffinityTerm: The pods, selected by labels and namespaces, relative to which a pod is placed in each topology domain.
  labelSelector LabelSelector: Selects the pods.
  namespaces []string: Namespaces the selector looks in; the pod's own by default.
  topologyKey! string: Node label whose values define the topology domains.
  namespaceSelector LabelSelector: Selects the namespaces the selector looks in.
  matchLabelKeys []string: Label keys whose values in the incoming pod are added to the selector with In.
  mismatchLabelKeys []string: Label keys whose values in the incoming pod are added to the selector with NotIn.

struct Toleration: Lets a pod be scheduled on, and stay on, nodes with a matching taint.
  key string: Taint key it matches; empty with operator Exists matches every key.
  operator TolerationOperator: Exists or Equal (the default).
  value string: Taint value it matches with operator Equal.
  effect TaintEffect: Taint effect it matches; empty matches every effect.
  tolerationSeconds int64: For NoExecute taints: how long the pod stays bound once the taint appears.

alias TolerationOperator string: How a toleration matches the value of a taint.
alias TaintEffect string: What a taint does to pods that do not tolerate it: NoSchedule, PreferNoSchedule or NoExecute.

struct TopologySpreadConstraint: How matching pods spread across the domains of a topology key.
  maxSkew! int32: Most the number of matching pods may differ between two domains.
  topologyKey! string: Node label whose values define the domains.
  whenUnsatisfiable! UnsatisfiableConstraintAction: DoNotSchedule (the default) or ScheduleAnyway.
  labelSelector LabelSelector: Selects the pods counted in each domain.
  minDomains int32: Least number of eligible domains.
  nodeAffinityPolicy NodeInclusionPolicy: Whether the pod's node affinity limits the domains counted: Honor (the default) or Ignore.
  nodeTaintsPolicy NodeInclusionPolicy: Whether node taints limit the domains counted: Honor or Ignore (the default).
  matchLabelKeys []string: Label keys whose values in the incoming pod narrow the pods counted.

alias UnsatisfiableConstraintAction string: What the scheduler does with a pod that would break a spread constraint.
alias NodeInclusionPolicy string: Whether a property of nodes is honoured when topology spread is computed.

struct HostAlias: An entry of /etc/hosts: an IP address and its host names.
  ip! string: The IP address.
  hostnames []string: Host names of the address.

struct PodDNSConfig: DNS settings of a pod, merged with those of its DNS policy.
  nameservers []string: IP addresses of DNS servers.
  searches []string: DNS search domains.
  options []PodDNSConfigOption: Resolver options.

struct PodDNSConfigOption: One resolver option.
  name string: Name of the option.
  value string: Value of the option.

struct PodReadinessGate: A pod condition that must be true for the pod to be ready.
  conditionType! PodConditionType: Type of the condition.

alias PodConditionType string: The type of a pod condition.

struct PodOS: The operating system of a pod.
  name! OSName: linux or windows.

alias OSName string: The name of an operating system.

struct PodSchedulingGate: A gate that holds a pod back from scheduling.
  name! string: Name of the gate.

struct PodResourceClaim: A name by which a pod refers to a ResourceClaim, given directly or through a template.
  name! string: Name of the claim within the pod.
  resourceClaimName string: Name of an existing ResourceClaim in the pod's namespace.
  resourceClaimTemplateName string: Name of a ResourceClaimTemplate from which a claim is made for this pod.

struct PodStatus: The observed state of a pod.
  phase PodPhase: Pending, Running, Succeeded, Failed or Unknown.
  conditions []PodCondition: Current conditions of the pod.
  message string: Human-readable reason the pod is in its state.
  reason string: Brief CamelCase reason the pod is in its state.
  nominatedNodeName string: Node the pod is expected to run on once the pods it preempts are gone.
  hostIP string: IP address of the pod's node.
  hostIPs []HostIP: IP addresses of the pod's node.
  podIP string: IP address of the pod.
  podIPs []PodIP: IP addresses of the pod, one per address family.
  startTime Time: When the kubelet accepted the pod.
  initContainerStatuses []ContainerStatus: Status of each init container.
  containerStatuses []ContainerStatus: Status of each regular container.
  qosClass PodQOSClass: Quality of service class from the resource requirements: Guaranteed, Burstable or BestEffort.
  ephemeralContainerStatuses []ContainerStatus: Status of each ephemeral container.
  resize PodResizeStatus: State of a requested in-place resize of the pod's resources.
  resourceClaimStatuses []PodResourceClaimStatus: The ResourceClaims made for the pod.

alias PodPhase string: The phase of a pod in its lifecycle.
alias PodQOSClass string: The quality of service class of a pod.
alias PodResizeStatus string: The state of an in-place resize of a pod.
alias ConditionStatus string: The status of a condition: True, False or Unknown.

struct PodCondition: One aspect of the state of a pod.
  type! PodConditionType: Type of the condition.
  status! ConditionStatus: True, False or Unknown.
  lastProbeTime Time: When the condition was last probed.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

struct HostIP: An IP address of the node a pod runs on.
  ip! string: The address.

struct PodIP: An IP address of a pod.
  ip! string: The address.

struct ContainerStatus: The observed state of one container of a pod.
  name! string: Name of the container, as in the pod spec.
  state ContainerState: Current state of the container.
  lastState ContainerState: State of the container's previous termination.
  ready! bool: Whether the container passes its readiness probe.
  restartCount! int32: Number of times the container was restarted.
  image! string: The image the container runs.
  imageID! string: Digest of the image the container runs.
  containerID string: ID of the container in its runtime, as <type>://<id>.
  started bool: Whether the container has started and passed its startup probe.
  allocatedResources ResourceList: Resources the node allocated to the container.
  resources ResourceRequirements: Resources the runtime applied to the running container.
  volumeMounts []VolumeMountStatus: State of the container's volume mounts.
  user ContainerUser: Identity of the container's first process.
  allocatedResourcesStatus []ResourceStatus: Health of the resources allocated to the container.

struct ContainerState: The state of a container; one of its members is set.
  waiting ContainerStateWaiting: The container waits to start.
  running ContainerStateRunning: The container runs.
  terminated ContainerStateTerminated: The container has ended.

struct ContainerStateWaiting: A container that waits to start.
  reason string: Brief reason it waits.
  message string: Details of why it waits.

struct ContainerStateRunning: A running container.
  startedAt Time: When the container last started.

struct ContainerStateTerminated: A container that has ended.
  exitCode! int32: Exit status of its last run.
  signal int32: Signal that ended its last run.
  reason string: Brief reason it ended.
  message string: Details of how it ended.
  startedAt Time: When its last run started.
  finishedAt Time: When its last run ended.
  containerID string: ID of the container in its runtime.

struct VolumeMountStatus: The state of one volume mount of a container.
  name! string: Name of the volume mount.
  mountPath! string: Path the volume is mounted at.
  readOnly bool: Whether the mount is read-only.
  recursiveReadOnly RecursiveReadOnlyMode: Whether read-only also holds for submounts: Disabled, Enabled or IfPossible.

struct ContainerUser: The identity of the first process of a container.
  linux LinuxContainerUser: The identity on Linux.

struct LinuxContainerUser: Linux user and group IDs of a process.
  uid! int64: User ID.
  gid! int64: Primary group ID.
  supplementalGroups []int64: Supplementary group IDs.

struct ResourceStatus: The health of the devices behind one resource of a container.
  name! ResourceName: Name of the resource.
  resources []ResourceHealth: Health of each device.

struct ResourceHealth: The health of one device allocated to a container.
  resourceID! ResourceID: Unique ID of the device.
  health ResourceHealthStatus: Healthy, Unhealthy or Unknown.

alias ResourceID string: The unique ID of an allocated device.
alias ResourceHealthStatus string: The health of an allocated device.

struct PodResourceClaimStatus: The ResourceClaim one claim of a pod resolved to.
  name! string: Name of the claim in the pod spec.
  resourceClaimName string: Name of the ResourceClaim made for it.
)schema";
}

}  // namespace troupe::api::schema
