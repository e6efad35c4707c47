#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view meta_schema_text() {
  return R"schema(
# k8s.io/apimachinery: object and list metadata, selectors, conditions, the
# options and result of requests, and the self-decoding value types.
package meta io.k8s.apimachinery.pkg.apis.meta.v1 v1 -

struct ObjectMeta: Metadata every persisted object has: its name, namespace, labels, annotations, owners and the fields the system maintains.
  name string: Name, unique within the namespace (or the cluster for cluster-scoped kinds); it cannot be changed.
  generateName string: Prefix the server completes with a random suffix to form a unique name when name is empty.
  namespace string: Namespace of the object; empty means the default namespace, or none for cluster-scoped kinds.
  selfLink string: Deprecated and no longer set: the URL of the object.
  uid types.UID: Unique identifier the system assigns when the object is created; never reused.
  resourceVersion string: Opaque version of the object, used for optimistic concurrency and watches.
  generation int64: Sequence number of the desired state, incremented by the system when the spec changes.
  creationTimestamp Time: When the object was created; set by the server.
  deletionTimestamp Time: When the object is to be deleted; set by the server when graceful deletion is requested.
  deletionGracePeriodSeconds int64: Seconds allowed for graceful termination once deletion was requested.
  labels map[string]string: Key-value pairs that organize objects and let selectors find them.
  annotations map[string]string: Arbitrary key-value metadata that tools store; not used to select objects.
  ownerReferences []OwnerReference: Objects this one depends on; it is garbage collected once all of them are gone.
  finalizers []string: Finalizers that must all be removed before the object leaves storage.
  managedFields []ManagedFieldsEntry: Which manager owns which fields, maintained for server-side apply.

struct OwnerReference: Identifies an owner of an object; the owner is in the same namespace or cluster-scoped.
  apiVersion! string: API version of the owner.
  kind! string: Kind of the owner.
  name! string: Name of the owner.
  uid! types.UID: UID of the owner.
  controller bool: Whether this owner is the managing controller; at most one owner is.
  blockOwnerDeletion bool: Whether foreground deletion of the owner waits for this object to be removed.

struct ManagedFieldsEntry: The fields one manager owns and the operation that last set them.
  manager string: Name of the workflow that manages the fields.
  operation ManagedFieldsOperationType: The operation that set the fields: Apply or Update.
  apiVersion string: Version of the resource the field set is written against.
  time Time: When the entry last changed.
  fieldsType string: Format of fieldsV1; FieldsV1 is the only one.
  fieldsV1 FieldsV1: The owned fields, as a tree in the FieldsV1 format.
  subresource string: The subresource the object was changed through; empty for the main resource.

alias ManagedFieldsOperationType string: The operation recorded in a managed fields entry: Apply or Update.

special FieldsV1 any: A set of fields, stored as a JSON tree in the FieldsV1 format.
special Time time: A timestamp written as an RFC 3339 string, precise to the second.
special MicroTime micro-time: A timestamp written as an RFC 3339 string with microseconds.

struct LabelSelector: A label query over objects: matchLabels and matchExpressions are ANDed; an empty selector matches everything.
  matchLabels map[string]string: Exact key=value pairs, each a requirement with operator In and a single value.
  matchExpressions []LabelSelectorRequirement: Requirements on label keys and values.

struct LabelSelectorRequirement: A requirement on one label key: an operator relating the key to a set of values.
  key! string: The label key.
  operator! LabelSelectorOperator: In, NotIn, Exists or DoesNotExist.
  values []string: The values: non-empty for In and NotIn, empty for Exists and DoesNotExist.

alias LabelSelectorOperator string: How a label selector requirement relates a key to its values.

struct Condition: One aspect of an object's state, in the condition shape shared across kinds.
  type! string: Type of the condition, in CamelCase or as a domain-prefixed name.
  status! ConditionStatus: True, False or Unknown.
  observedGeneration int64: The metadata.generation the condition was computed from.
  lastTransitionTime! Time: When the condition last changed status.
  reason! string: Machine-readable CamelCase reason for the last transition.
  message! string: Human-readable details of the last transition.

alias ConditionStatus string: The status of a condition: True, False or Unknown.

struct ListMeta: Metadata of a list: its version and the token of its next page.
  selfLink string: Deprecated and no longer set.
  resourceVersion string: Version of the list; a watch started from it sees every later change.
  continue string: Token that fetches the next page when the list was limited.
  remainingItemCount int64: Number of items in the remaining pages, when the server can tell.

typed DeleteOptions: Options of a delete request.
  gracePeriodSeconds int64: Seconds before the object is deleted; zero deletes it at once.
  preconditions Preconditions: Conditions the object must meet to be deleted.
  orphanDependents bool: Deprecated: whether dependents are orphaned; use propagationPolicy instead.
  propagationPolicy DeletionPropagation: How dependents are garbage collected: Orphan, Background or Foreground.
  dryRun []string: When present, the deletion is not persisted; the only valid value is All.
  ignoreStoreReadErrorWithClusterBreakingPotential bool: Delete the object even when it cannot be read from storage; this may break the cluster.

struct Preconditions: Conditions an object must meet before an operation proceeds.
  uid types.UID: The UID the object must have.
  resourceVersion string: The resource version the object must have.

alias DeletionPropagation string: How the dependents of a deleted owner are garbage collected.

typed Status: The result of an operation that returns no object, most often a failure.
  metadata ListMeta: Standard list metadata.
  status string: Success or Failure.
  message string: Human-readable description of the result.
  reason StatusReason: Machine-readable reason of a failure.
  details StatusDetails: More about the reason: the object concerned and the causes.
  code int32: HTTP status code of the result.

alias StatusReason string: The machine-readable reason of a failed operation.

struct StatusDetails: More about a Status: the object it concerns and what caused it.
  name string: Name of the object concerned.
  group string: API group of the object concerned.
  kind string: Kind of the object concerned.
  uid types.UID: UID of the object concerned.
  causes []StatusCause: The individual causes of the failure.
  retryAfterSeconds int32: Seconds after which the request may be retried.

struct StatusCause: One cause of a failure: the field concerned and what is wrong with it.
  reason CauseType: Machine-readable cause.
  message string: Human-readable description of the cause.
  field string: Path of the field concerned, such as spec.containers[0].name.

alias CauseType string: The machine-readable cause of one error.

package types io.k8s.apimachinery.pkg.types types -

alias UID string: A unique identifier the system gives an object.

package resource io.k8s.apimachinery.pkg.api.resource resource -

special Quantity quantity: A fixed-point amount of a resource, such as 128Mi, 0.5 or 100m.

package intstr io.k8s.apimachinery.pkg.util.intstr intstr -

special IntOrString int-or-string: A value that is either an integer or a string, such as a port number or a port name.
)schema";
}

}  // namespace troupe::api::schema
