#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view cluster_schema_text() {
  return R"schema(
# The smaller groups: coordination.k8s.io (Lease), discovery.k8s.io
# (EndpointSlice), policy (PodDisruptionBudget, Eviction) and
# rbac.authorization.k8s.io (roles and their bindings).
package coordination io.k8s.api.coordination.v1 v1 coordination.k8s.io/v1

kind Lease: A lease held by one holder at a time, used for leader election and node heartbeats.
  spec LeaseSpec: The holder and timing of the lease.

struct LeaseSpec: Who holds a lease and until when.
  holderIdentity string: Identity of the holder.
  leaseDurationSeconds int32: Seconds candidates wait after the last renewal before they may take the lease.
  acquireTime MicroTime: When the current holder acquired the lease.
  renewTime MicroTime: When the holder last renewed the lease.
  leaseTransitions int32: Number of times the lease changed holder.
  strategy CoordinatedLeaseStrategy: How the holder is chosen among candidates, when coordinated election is used.
  preferredHolder string: The holder the lease should pass to.

alias CoordinatedLeaseStrategy string: How coordinated leader election picks a holder.

package discovery io.k8s.api.discovery.v1 v1 discovery.k8s.io/v1

kind EndpointSlice: A subset of the endpoints of a service.
  addressType! AddressType: IPv4, IPv6 or FQDN.
  endpoints! []Endpoint: The endpoints of the slice.
  ports []EndpointPort: Ports every endpoint of the slice exposes.

alias AddressType string: The kind of addresses of an EndpointSlice.

struct Endpoint: One endpoint of a service.
  addresses! []string: Addresses of the endpoint, all of the slice's address type.
  conditions EndpointConditions: Readiness of the endpoint.
  hostname string: Host name of the endpoint.
  targetRef core.ObjectReference: The object, usually a pod, behind the endpoint.
  deprecatedTopology map[string]string: Deprecated: topology labels of the endpoint.
  nodeName string: Node the endpoint is on.
  zone string: Zone the endpoint is in.
  hints EndpointHints: How the endpoint should be consumed.

struct EndpointConditions: The readiness of an endpoint.
  ready bool: Whether the endpoint is ready for traffic.
  serving bool: Whether the endpoint serves, even while it terminates.
  terminating bool: Whether the endpoint is terminating.

struct EndpointHints: How an endpoint should be consumed.
  forZones []ForZone: Zones that should use the endpoint.

struct ForZone: A zone that should use an endpoint.
  name! string: Name of the zone.

struct EndpointPort: A port of the endpoints of a slice.
  name string: Name of the port, matching the service port's.
  protocol core.Protocol: TCP (the default), UDP or SCTP.
  port int32: The port number.
  appProtocol string: Application protocol of the port.

package policy io.k8s.api.policy.v1 v1 policy/v1

kind PodDisruptionBudget: Limits how many pods of a set voluntary disruptions may take down at once.
  spec PodDisruptionBudgetSpec: Desired behaviour of the budget.
  status PodDisruptionBudgetStatus: Most recently observed state of the budget.

struct PodDisruptionBudgetSpec: The pods a budget protects and how many must stay.
  minAvailable IntOrString: Pods, as a number or a percentage, that must stay available after an eviction.
  selector LabelSelector: Selects the pods; an empty selector selects all pods of the namespace.
  maxUnavailable IntOrString: Pods, as a number or a percentage, that may be unavailable after an eviction.
  unhealthyPodEvictionPolicy UnhealthyPodEvictionPolicyType: When unhealthy pods may be evicted: IfHealthyBudget (the default) or AlwaysAllow.

alias UnhealthyPodEvictionPolicyType string: When running but unhealthy pods may be evicted.

struct PodDisruptionBudgetStatus: The observed state of a budget.
  observedGeneration int64: Generation of the budget last acted on.
  disruptedPods map[string]Time: Pods being evicted, with when the eviction was admitted.
  disruptionsAllowed! int32: Number of disruptions allowed now.
  currentHealthy! int32: Number of healthy pods.
  desiredHealthy! int32: Least number of healthy pods wanted.
  expectedPods! int32: Number of pods the budget counts.
  conditions []meta.Condition: Current conditions of the budget.

kind Eviction: A request to evict a pod, subject to its disruption budgets.
  deleteOptions DeleteOptions: Options of the deletion of the pod.

package rbac io.k8s.api.rbac.v1 v1 rbac.authorization.k8s.io/v1

kind Role: Rules granting permissions within one namespace.
  rules []PolicyRule: The permissions.

kind ClusterRole: Rules granting permissions across the cluster, or aggregated from other roles.
  rules []PolicyRule: The permissions.
  aggregationRule AggregationRule: Selects ClusterRoles whose rules are aggregated into this one.

struct PolicyRule: Verbs allowed on resources or non-resource URLs.
  verbs! []string: Verbs allowed, such as get or list; * allows all.
  apiGroups []string: API groups of the resources; "" is the core group.
  resources []string: Resources the rule applies to; * means all.
  resourceNames []string: Names of the resources the rule is limited to.
  nonResourceURLs []string: URL paths the rule applies to, such as /healthz.

struct AggregationRule: Selects the ClusterRoles aggregated into another.
  clusterRoleSelectors []LabelSelector: Selectors of the ClusterRoles.

kind RoleBinding: Grants the permissions of a role within a namespace to subjects.
  subjects []Subject: Who is granted the role.
  roleRef! RoleRef: The Role or ClusterRole granted.

kind ClusterRoleBinding: Grants the permissions of a ClusterRole across the cluster to subjects.
  subjects []Subject: Who is granted the role.
  roleRef! RoleRef: The ClusterRole granted.

struct Subject: A user, group or service account.
  kind! string: User, Group or ServiceAccount.
  apiGroup string: API group of the subject: rbac.authorization.k8s.io for users and groups, "" for service accounts.
  name! string: Name of the subject.
  namespace string: Namespace of a service account.

struct RoleRef: The role a binding grants.
  apiGroup! string: API group of the role.
  kind! string: Role or ClusterRole.
  name! string: Name of the role.
)schema";
}

}  // namespace troupe::api::schema
