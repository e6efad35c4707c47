// ObjectMeta validation (k8s.io/apimachinery/pkg/api/validation/objectmeta.go
// and the finalizer rule core's ValidateObjectMeta adds): the name by the
// kind's rule, generateName, namespace presence by scope, generation,
// labels, annotations, ownerReferences, finalizers and managedFields; on
// update also what may not change. Paths are under "metadata".
// A name left empty while generateName is set is accepted: kube generates
// the name before validating, so the name's rule applies to the prefix.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

struct meta_rules {
  bool namespaced = true;
  troupe::name_rule name = &troupe::dns_subdomain_name_errors;
  // core's validateKubeFinalizerName: an unqualified finalizer must be one
  // of kube's standard names (not applied by apimachinery-only kinds).
  bool standard_finalizers = true;
};

// ValidateObjectMeta of `object`'s metadata.
error_list validate_object_meta(const nlohmann::json& object, const meta_rules& rules);

// ValidateObjectMetaUpdate: resourceVersion present, generation not
// decremented, name/namespace/uid/creationTimestamp/deletionTimestamp/
// deletionGracePeriodSeconds immutable, no finalizer added once deleting,
// and labels, annotations, ownerReferences and finalizers valid.
error_list validate_object_meta_update(const nlohmann::json& object, const nlohmann::json& old,
                                       const meta_rules& rules);

}  // namespace troupe::api::validation
