#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view core_objects_schema_text() {
  return R"schema(
# core/v1 kinds beside pods, nodes and storage: Service, Endpoints,
# ConfigMap, Secret, Event, ServiceAccount, Binding, and object references.
package core

kind Service: A named, load-balanced network endpoint for a set of pods.
  spec ServiceSpec: Desired behaviour of the service.
  status ServiceStatus: Most recently observed state of the service.

struct ServiceSpec: The ports, selector and kind of access of a service.
  ports []ServicePort: Ports the service exposes.
  selector map[string]string: Labels of the pods traffic goes to; without a selector endpoints are managed by hand.
  clusterIP string: IP address of the service, allocated when empty; None makes a headless service.
  clusterIPs []string: IP addresses of the service, one per family; the first equals clusterIP.
  type ServiceType: How the service is exposed: ClusterIP (the default), NodePort, LoadBalancer or ExternalName.
  externalIPs []string: Further IP addresses nodes accept traffic for the service on.
  sessionAffinity ServiceAffinity: ClientIP sends a client's connections to the same pod; None (the default) does not.
  loadBalancerIP string: Deprecated: IP address requested from the load balancer.
  loadBalancerSourceRanges []string: Client CIDRs a load balancer admits.
  externalName string: DNS name an ExternalName service is an alias of.
  externalTrafficPolicy ServiceExternalTrafficPolicy: Whether external traffic goes only to node-local endpoints (Local) or to all (Cluster).
  healthCheckNodePort int32: Node port health checks of a Local load balancer use.
  publishNotReadyAddresses bool: Whether endpoints include pods that are not ready.
  sessionAffinityConfig SessionAffinityConfig: Settings of session affinity.
  ipFamilies []IPFamily: Address families of the service: IPv4, IPv6 or both.
  ipFamilyPolicy IPFamilyPolicy: SingleStack, PreferDualStack or RequireDualStack.
  allocateLoadBalancerNodePorts bool: Whether a LoadBalancer service gets node ports; true by default.
  loadBalancerClass string: Load balancer implementation that handles the service.
  internalTrafficPolicy ServiceInternalTrafficPolicy: Whether cluster traffic goes only to node-local endpoints (Local) or to all (Cluster).
  trafficDistribution string: Preference for how traffic is distributed, such as PreferClose.

alias ServiceType string: How a service is exposed.
alias ServiceAffinity string: The session affinity of a service.
alias ServiceExternalTrafficPolicy string: How a service routes traffic from outside the cluster.
alias ServiceInternalTrafficPolicy string: How a service routes traffic from inside the cluster.
alias IPFamily string: An IP address family: IPv4 or IPv6.
alias IPFamilyPolicy string: Which address families a service needs.

struct ServicePort: A port a service exposes.
  name string: Name of the port, required when there are several; a DNS label.
  protocol Protocol: TCP (the default), UDP or SCTP.
  appProtocol string: Application protocol of the port, such as kubernetes.io/h2c.
  port! int32: Port the service listens on.
  targetPort IntOrString: Number or name of the pods' port traffic goes to; port by default.
  nodePort int32: Port on every node, for NodePort and LoadBalancer services.

struct SessionAffinityConfig: Settings of the session affinity of a service.
  clientIP ClientIPConfig: Settings of ClientIP affinity.

struct ClientIPConfig: Settings of ClientIP session affinity.
  timeoutSeconds int32: Seconds a client sticks to a pod; 10800 (three hours) by default.

struct ServiceStatus: The observed state of a service.
  loadBalancer LoadBalancerStatus: State of the load balancer, if any.
  conditions []meta.Condition: Current conditions of the service.

struct LoadBalancerStatus: The state of a load balancer.
  ingress []LoadBalancerIngress: Points traffic enters the load balancer at.

struct LoadBalancerIngress: A point where traffic enters a load balancer.
  ip string: IP address of the point.
  hostname string: Host name of the point.
  ipMode LoadBalancerIPMode: How traffic to ip reaches the nodes: VIP or Proxy.
  ports []PortStatus: State of each port of the service.

alias LoadBalancerIPMode string: How load balancer traffic reaches the nodes.

struct PortStatus: The state of one port of a service.
  port! int32: The port number.
  protocol! Protocol: TCP, UDP or SCTP.
  error string: CamelCase reason the port failed, if it did.

kind Endpoints: The addresses and ports that implement a service.
  subsets []EndpointSubset: Sets of addresses sharing a set of ports.

struct EndpointSubset: Addresses that share a set of ports.
  addresses []EndpointAddress: Addresses that are ready.
  notReadyAddresses []EndpointAddress: Addresses that are not ready.
  ports []EndpointPort: Ports of the addresses.

struct EndpointAddress: One address of a service endpoint.
  ip! string: The IP address.
  hostname string: Host name of the endpoint.
  nodeName string: Node the endpoint is on.
  targetRef ObjectReference: The object, usually a pod, behind the endpoint.

struct EndpointPort: A port of service endpoints.
  name string: Name of the port, matching the service port's.
  port! int32: The port number.
  protocol Protocol: TCP (the default), UDP or SCTP.
  appProtocol string: Application protocol of the port.

kind ConfigMap: Configuration data for pods to use, as string or binary values.
  immutable bool: Whether the data can no longer be changed.
  data map[string]string: UTF-8 values by key.
  binaryData map[string]bytes: Binary values by key, base64-encoded in JSON.

kind Secret: Sensitive data, such as passwords and keys, for pods to use.
  immutable bool: Whether the data can no longer be changed.
  data map[string]bytes: Values by key, base64-encoded in JSON.
  stringData map[string]string: Values by key written as plain strings; merged into data on write.
  type SecretType: How the data is to be used, such as Opaque or kubernetes.io/tls.

alias SecretType string: What a secret's data is for.

kind Event: A report of something that happened to an object.
  involvedObject! ObjectReference: The object the event is about.
  reason string: Short CamelCase reason of the event.
  message string: Human-readable description of the event.
  source EventSource: Component that reported the event.
  firstTimestamp Time: When the event was first recorded.
  lastTimestamp Time: When the event was last recorded.
  count int32: Number of times the event occurred.
  type string: Normal or Warning.
  eventTime MicroTime: When the event was first observed.
  series EventSeries: The series the event belongs to, if it recurs.
  action string: What was done, or failed, about the object.
  related ObjectReference: A second object the event concerns.
  reportingComponent string: Controller that emitted the event, such as kubernetes.io/kubelet.
  reportingInstance string: Instance of the controller that emitted the event.

struct EventSource: The component that reported an event.
  component string: The component.
  host string: Node the component runs on.

struct EventSeries: A series of recurring events.
  count int32: Number of occurrences so far.
  lastObservedTime MicroTime: When the last occurrence was observed.

kind ServiceAccount: An identity for processes that run in pods.
  secrets []ObjectReference: Deprecated: Secrets of the account's tokens.
  imagePullSecrets []LocalObjectReference: Secrets used to pull the images of pods running as the account.
  automountServiceAccountToken bool: Whether pods running as the account get its token mounted.

kind Binding: Binds an object to another, such as a pod to a node.
  target! ObjectReference: The object to bind to.

struct ObjectReference: A reference to an object, or to a field of one.
  kind string: Kind of the referent.
  namespace string: Namespace of the referent.
  name string: Name of the referent.
  uid types.UID: UID of the referent.
  apiVersion string: API version of the referent.
  resourceVersion string: Version of the referent the reference was made at.
  fieldPath string: A field of the referent, such as spec.containers{name}.

struct LocalObjectReference: A reference to an object by name in the same namespace.
  name string: Name of the referent.

struct SecretReference: A reference to a Secret by name and namespace.
  name string: Name of the Secret.
  namespace string: Namespace of the Secret.

struct TypedLocalObjectReference: A reference to an object of a given kind in the same namespace.
  apiGroup string: API group of the referent; the core group when empty.
  kind! string: Kind of the referent.
  name! string: Name of the referent.

struct TypedObjectReference: A reference to an object of a given kind, possibly in another namespace.
  apiGroup string: API group of the referent; the core group when empty.
  kind! string: Kind of the referent.
  name! string: Name of the referent.
  namespace string: Namespace of the referent; the local one when empty.
)schema";
}

}  // namespace troupe::api::schema
