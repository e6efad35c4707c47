// What kube-apiserver's registry strategies do to an object on create,
// update and status update, per built-in kind (pkg/registry/*/strategy.go
// and the generic rest.BeforeCreate/BeforeUpdate in Kubernetes 1.32):
//   - create: system fields (uid, creationTimestamp; name from generateName
//     is the caller's), status cleared for kinds with a status subresource
//     (Nodes keep theirs), generation 1 where the kind has one, and the
//     kind's own fields (Pod phase Pending and QoS class, Namespace phase
//     Active with the "kubernetes" finalizer, PV/PVC phase Pending, Job
//     selector and labels from its uid), and for Pods what kube's
//     admission plugins add (service account name, default tolerations,
//     priority);
//   - update of the main resource: the stored status kept, system metadata
//     kept, generation bumped when the spec changes (Deployments also on
//     annotation changes);
//   - update of the status subresource: only the status changes (a
//     simplification of kube, which resets each kind's spec and a few
//     metadata fields: every other change is discarded here too).
// Pure; objects are JSON and never cause a throw.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/object_meta.hpp"

namespace troupe::api {

// Whether objects of the kind carry metadata.generation.
bool has_generation(const resource_info& resource);
bool has_status_subresource(const resource_info& resource);

// The system fields and the kind's create-time fields; `object` has its
// final name and namespace.
void prepare_for_create(nlohmann::json& object, const resource_info& resource,
                        api_clock::time_point now, api_random& random);

// `object` is the new state a client sent (PUT or a patch result); `old`
// the stored one.
void prepare_for_update(nlohmann::json& object, const nlohmann::json& old,
                        const resource_info& resource);

// The stored object with the status of `object`.
nlohmann::json prepare_for_status_update(const nlohmann::json& object, const nlohmann::json& old);

// namespaces/<name>/finalize: the stored namespace with the spec.finalizers
// of `object` (kube's namespace finalize strategy).
nlohmann::json prepare_for_finalize(const nlohmann::json& object, const nlohmann::json& old);

// kube's pod QoS class from the containers' requests and limits:
// BestEffort, Burstable or Guaranteed.
std::string pod_qos_class(const nlohmann::json& pod_spec);

// After an update: the object is being deleted (deletionTimestamp set), no
// finalizer holds it and its grace period is over, so the update deletes it
// (kube's Store.Update deleteWithoutFinalizers).
bool deletion_complete(const nlohmann::json& object, const resource_info& resource);

}  // namespace troupe::api
