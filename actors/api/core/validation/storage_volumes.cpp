// PersistentVolumes and CSI driver names.
#include <algorithm>
#include <cctype>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/pod_scheduling.hpp"
#include "actors/api/core/validation/pod_volume_sources.hpp"
#include "actors/api/core/validation/pod_volumes.hpp"
#include "actors/api/core/validation/resource_rules.hpp"
#include "actors/api/core/validation/semantic_equal.hpp"
#include "actors/api/core/validation/storage_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

constexpr std::size_t csi_driver_bytes_max = 63;
constexpr std::size_t listed_differences_max = 20;
const field_path spec_path("spec");

// The persistent volume sources in kube's order; flexVolume is counted
// without the "more than 1" check, as kube does.
const char* const volume_sources[] = {"hostPath",
                                      "gcePersistentDisk",
                                      "awsElasticBlockStore",
                                      "glusterfs",
                                      "flocker",
                                      "nfs",
                                      "rbd",
                                      "quobyte",
                                      "cephfs",
                                      "iscsi",
                                      "cinder",
                                      "fc",
                                      "flexVolume",
                                      "azureFile",
                                      "vsphereVolume",
                                      "photonPersistentDisk",
                                      "portworxVolume",
                                      "azureDisk",
                                      "scaleIO",
                                      "local",
                                      "storageos",
                                      "csi"};

error_list secret_reference(const json& reference, const field_path& path) {
  error_list errors;
  auto name = text(reference, "name");
  if (name.empty())
    errors.push_back(required(path.child("name")));
  else
    append(errors, dns1123_subdomain(name, path.child("name")));
  auto namespace_name = text(reference, "namespace");
  if (namespace_name.empty())
    errors.push_back(required(path.child("namespace")));
  else
    append(errors, dns1123_label(namespace_name, path.child("namespace")));
  return errors;
}

error_list csi_volume(const json& source, const field_path& path) {
  error_list errors = csi_driver_name(text(source, "driver"), path.child("driver"));
  if (text(source, "volumeHandle").empty()) errors.push_back(required(path.child("volumeHandle")));
  for (const char* key : {"controllerPublishSecretRef", "controllerExpandSecretRef",
                          "nodePublishSecretRef", "nodeExpandSecretRef"})
    if (const json* reference = member(source, key))
      append(errors, secret_reference(*reference, path.child(key)));
  return errors;
}

error_list local_volume(const json& source, const field_path& path) {
  auto target = text(source, "path");
  if (target.empty()) return {required(path.child("path"))};
  return no_backsteps(target, path.child("path"));
}

error_list detailed_source(const std::string& kind, const json& source, const field_path& path) {
  if (kind == "hostPath") return validate_host_path(source, path);
  if (kind == "nfs") return validate_nfs(source, path);
  if (kind == "csi") return csi_volume(source, path);
  if (kind == "local") return local_volume(source, path);
  return {};
}

error_list sources(const json& spec, bool node_affinity_set) {
  error_list errors;
  int count = 0;
  for (const char* kind : volume_sources) {
    const json* source = member(spec, kind);
    if (source == nullptr) continue;
    if (count > 0 && std::string(kind) != "flexVolume") {
      errors.push_back(forbidden(spec_path.child(kind), "may not specify more than 1 volume type"));
      continue;
    }
    ++count;
    auto validated_child = std::string(kind) == "gcePersistentDisk" ? "persistentDisk" : kind;
    append(errors, detailed_source(kind, *source, spec_path.child(validated_child)));
    if (std::string(kind) == "local" && !node_affinity_set)
      errors.push_back(
          required(spec_path.child("nodeAffinity"), "Local volume requires node affinity"));
  }
  if (count == 0) errors.push_back(required(spec_path, "must specify a volume type"));
  return errors;
}

error_list capacity(const json& spec) {
  error_list errors;
  const json& amounts = dictionary(spec, "capacity");
  auto path = spec_path.child("capacity");
  if (amounts.empty()) errors.push_back(required(path));
  if (!amounts.contains("storage") || amounts.size() > 1)
    errors.push_back(not_supported(path, "core.ResourceList{...}", {"storage"}));
  for (auto it = amounts.begin(); it != amounts.end(); ++it) {
    auto amount = quantity_of(it.value());
    if (!amount) {
      append(errors, resource_quantity(it.key(), it.value(), path.key(it.key())));
      continue;
    }
    if (amount->value() < 0)
      errors.push_back(invalid(path.key(it.key()), std::to_string(amount->value()),
                               "must be a valid resource quantity"));
    if (amount->sign() <= 0)
      errors.push_back(invalid(path.key(it.key()), go_quote(quantity_text(*amount)),
                               "must be greater than zero"));
  }
  return errors;
}

error_list volume_spec(const json& spec) {
  error_list errors;
  if (!non_empty(spec, "accessModes")) errors.push_back(required(spec_path.child("accessModes")));
  append(errors, access_modes(spec, spec_path.child("accessModes")));
  append(errors, capacity(spec));
  auto policy = text(spec, "persistentVolumeReclaimPolicy");
  if (!policy.empty() && policy != "Delete" && policy != "Recycle" && policy != "Retain")
    errors.push_back(not_supported(spec_path.child("persistentVolumeReclaimPolicy"),
                                   go_quote(policy), {"Delete", "Recycle", "Retain"}));
  const json* affinity = member(spec, "nodeAffinity");
  if (affinity != nullptr) {
    if (const json* required_terms = member(*affinity, "required"))
      append(errors, node_selector(*required_terms, false,
                                   spec_path.child("nodeAffinity").child("required")));
    else
      errors.push_back(required(spec_path.child("nodeAffinity").child("required"),
                                "must specify required node constraints"));
  }
  append(errors, sources(spec, affinity != nullptr));
  auto host_path = text(dictionary(spec, "hostPath"), "path");
  bool root = !host_path.empty() && host_path.find_first_not_of('/') == std::string::npos;
  if (present(spec, "hostPath") && root && policy == "Recycle")
    errors.push_back(forbidden(spec_path.child("persistentVolumeReclaimPolicy"),
                               "may not be 'recycle' for a hostPath mount of '/'"));
  auto class_name = text(spec, "storageClassName");
  if (!class_name.empty())
    append_invalid(errors, spec_path.child("storageClassName"), go_quote(class_name),
                   dns_subdomain_name_errors(class_name, name_form::name));
  if (const json* mode = member(spec, "volumeMode")) {
    auto value = mode->is_string() ? mode->get<std::string>() : std::string();
    if (value != "Block" && value != "Filesystem")
      errors.push_back(
          not_supported(spec_path.child("volumeMode"), go_quote(value), {"Block", "Filesystem"}));
  }
  return errors;
}

// The PersistentVolumeSource members of a spec (what may never change).
json volume_source_of(const json& spec) {
  json source = json::object();
  for (const char* kind : volume_sources)
    if (const json* value = member(spec, kind)) source[kind] = *value;
  return source;
}

}  // namespace

error_list csi_driver_name(const std::string& driver, const field_path& path) {
  error_list errors;
  if (driver.empty()) errors.push_back(required(path));
  if (driver.size() > csi_driver_bytes_max) errors.push_back(too_long(path, csi_driver_bytes_max));
  std::string lowered = driver;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  append_invalid(errors, path, go_quote(driver), dns1123_subdomain_errors(lowered));
  return errors;
}

error_list validate_persistent_volume(const json& volume) {
  error_list errors = validate_object_meta(volume, {false});
  append(errors, volume_spec(dictionary(volume, "spec")));
  return errors;
}

error_list validate_persistent_volume_update(const json& volume, const json& old) {
  error_list errors = validate_persistent_volume(volume);
  json source = volume_source_of(dictionary(volume, "spec"));
  json old_source = volume_source_of(dictionary(old, "spec"));
  if (old_source.contains("csi") && !present(old_source["csi"], "controllerExpandSecretRef") &&
      source.contains("csi") && source["csi"].is_object())
    source["csi"].erase("controllerExpandSecretRef");
  if (!semantically_equal(source, old_source))
    errors.push_back(forbidden(
        spec_path.child("persistentvolumesource"),
        "spec.persistentvolumesource is immutable after creation\n" +
            describe_differences(differences(old_source, source, "spec", listed_differences_max))));
  const json& spec = dictionary(volume, "spec");
  const json& old_spec = dictionary(old, "spec");
  if (text(spec, "volumeMode") != text(old_spec, "volumeMode"))
    errors.push_back(
        invalid(field_path("volumeMode"),
                present(spec, "volumeMode") ? go_quote(text(spec, "volumeMode")) : "null",
                "field is immutable"));
  if (const json* old_affinity = member(old_spec, "nodeAffinity")) {
    const json* affinity = member(spec, "nodeAffinity");
    if (affinity == nullptr || !semantically_equal(*affinity, *old_affinity))
      errors.push_back(invalid(field_path("nodeAffinity"),
                               affinity == nullptr ? "null" : "core.VolumeNodeAffinity{...}",
                               "field is immutable, except for updating from beta label to GA"));
  }
  return errors;
}

error_list validate_persistent_volume_status_update(const json& volume, const json& old) {
  error_list errors = validate_object_meta_update(volume, old, {false});
  if (text(dictionary(volume, "metadata"), "resourceVersion").empty())
    errors.push_back(required(field_path("resourceVersion")));
  return errors;
}

}  // namespace troupe::api::validation
