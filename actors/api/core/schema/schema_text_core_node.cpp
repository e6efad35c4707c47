#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view core_node_schema_text() {
  return R"schema(
# core/v1 Node and Namespace.
package core

kind Node: A worker machine of the cluster, registered by its kubelet.
  spec NodeSpec: Desired behaviour of the node.
  status NodeStatus: Most recently observed state of the node.

struct NodeSpec: How a node is to be used.
  podCIDR string: Pod IP range assigned to the node.
  podCIDRs []string: Pod IP ranges assigned to the node, one per family; the first equals podCIDR.
  providerID string: ID of the node given by its cloud provider.
  unschedulable bool: Whether new pods are kept off the node.
  taints []Taint: Taints that repel pods which do not tolerate them.
  configSource NodeConfigSource: Deprecated: where the kubelet's configuration came from.
  externalID string: Deprecated and unused.

struct Taint: Marks a node so that pods not tolerating the mark are repelled.
  key! string: Key of the taint.
  value string: Value of the taint.
  effect! TaintEffect: NoSchedule, PreferNoSchedule or NoExecute.
  timeAdded Time: When the taint was added; NoExecute taints only.

struct NodeConfigSource: Deprecated: the source of a kubelet configuration.
  configMap ConfigMapNodeConfigSource: A ConfigMap holding the configuration.

struct ConfigMapNodeConfigSource: Deprecated: a ConfigMap holding a kubelet configuration.
  namespace! string: Namespace of the ConfigMap.
  name! string: Name of the ConfigMap.
  uid types.UID: UID of the ConfigMap.
  resourceVersion string: Version of the ConfigMap.
  kubeletConfigKey! string: Key of the configuration in the ConfigMap.

struct NodeStatus: The observed state of a node.
  capacity ResourceList: Total resources of the node.
  allocatable ResourceList: Resources of the node available to pods.
  phase NodePhase: Deprecated: Pending, Running or Terminated.
  conditions []NodeCondition: Current conditions of the node, such as Ready.
  addresses []NodeAddress: Addresses the node is reachable at.
  daemonEndpoints NodeDaemonEndpoints: Endpoints of the daemons on the node.
  nodeInfo NodeSystemInfo: Facts about the node's system.
  images []ContainerImage: Container images on the node.
  volumesInUse []UniqueVolumeName: Attachable volumes in use by the node.
  volumesAttached []AttachedVolume: Volumes attached to the node.
  config NodeConfigStatus: Deprecated: state of the kubelet's configuration.
  runtimeHandlers []NodeRuntimeHandler: Runtime handlers the node offers.
  features NodeFeatures: Features the node's implementation supports.

alias NodePhase string: The phase of a node.
alias UniqueVolumeName string: A name that identifies a volume across the cluster.

struct NodeCondition: One aspect of the state of a node.
  type! NodeConditionType: Type of the condition, such as Ready or MemoryPressure.
  status! ConditionStatus: True, False or Unknown.
  lastHeartbeatTime Time: When the condition was last reported.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

alias NodeConditionType string: The type of a node condition.

struct NodeAddress: An address a node is reachable at.
  type! NodeAddressType: Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.
  address! string: The address.

alias NodeAddressType string: The type of a node address.

struct NodeDaemonEndpoints: The endpoints of the daemons running on a node.
  kubeletEndpoint DaemonEndpoint: Endpoint of the kubelet.

struct DaemonEndpoint: The port a daemon listens on.
  Port! int32: The port number.

struct NodeSystemInfo: Facts about the system of a node.
  machineID! string: Machine ID of the node.
  systemUUID! string: System UUID of the node.
  bootID! string: ID of the node's current boot.
  kernelVersion! string: Kernel version, from uname -r.
  osImage! string: Operating system image, from /etc/os-release.
  containerRuntimeVersion! string: Container runtime and its version, such as containerd://1.7.0.
  kubeletVersion! string: Version of the kubelet.
  kubeProxyVersion! string: Deprecated: version of kube-proxy.
  operatingSystem! string: Operating system of the node.
  architecture! string: Processor architecture of the node.

struct ContainerImage: A container image on a node.
  names []string: Names the image is known by.
  sizeBytes int64: Size of the image.

struct AttachedVolume: A volume attached to a node.
  name! UniqueVolumeName: Name of the volume.
  devicePath! string: Where the device is available on the node.

struct NodeConfigStatus: Deprecated: the state of a kubelet's configuration.
  assigned NodeConfigSource: Configuration the node is to use.
  active NodeConfigSource: Configuration the node uses now.
  lastKnownGood NodeConfigSource: Configuration the node falls back to.
  error string: Problem with the configuration, if any.

struct NodeRuntimeHandler: A runtime handler a node offers.
  name string: Name of the handler; empty for the default one.
  features NodeRuntimeHandlerFeatures: Features the handler supports.

struct NodeRuntimeHandlerFeatures: The features a runtime handler supports.
  recursiveReadOnlyMounts bool: Whether recursive read-only mounts are supported.
  userNamespaces bool: Whether user namespaces are supported.

struct NodeFeatures: The features a node's implementation supports.
  supplementalGroupsPolicy bool: Whether the supplementalGroupsPolicy of pods is honoured.

kind Namespace: A scope for names, and a unit of policy and quota.
  spec NamespaceSpec: Desired behaviour of the namespace.
  status NamespaceStatus: Most recently observed state of the namespace.

struct NamespaceSpec: How a namespace is to be handled.
  finalizers []FinalizerName: Finalizers that must run before the namespace is removed.

alias FinalizerName string: The name of a namespace finalizer.

struct NamespaceStatus: The observed state of a namespace.
  phase NamespacePhase: Active or Terminating.
  conditions []NamespaceCondition: Current conditions of the namespace.

alias NamespacePhase string: The phase of a namespace.

struct NamespaceCondition: One aspect of the state of a namespace.
  type! NamespaceConditionType: Type of the condition.
  status! ConditionStatus: True, False or Unknown.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

alias NamespaceConditionType string: The type of a namespace condition.
)schema";
}

}  // namespace troupe::api::schema
