// PersistentVolumeClaims and their templates.
#include <algorithm>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/resource_rules.hpp"
#include "actors/api/core/validation/selector_validation.hpp"
#include "actors/api/core/validation/semantic_equal.hpp"
#include "actors/api/core/validation/storage_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

constexpr std::size_t listed_differences_max = 20;
const char* const beta_storage_class = "volume.beta.kubernetes.io/storage-class";

error_list data_source(const json& source, const field_path& path, bool reference) {
  error_list errors;
  if (text(source, "name").empty()) errors.push_back(required(path.child("name")));
  auto kind = text(source, "kind");
  if (kind.empty()) errors.push_back(required(path.child("kind")));
  auto group = text(source, "apiGroup");
  if (group.empty() && kind != "PersistentVolumeClaim")
    errors.push_back(
        invalid(path, go_quote(kind),
                "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (!group.empty()) append(errors, dns1123_subdomain(group, path.child("apiGroup")));
  auto namespace_name = text(source, "namespace");
  if (reference && !namespace_name.empty())
    append_invalid(errors, path.child("namespace"), go_quote(namespace_name),
                   namespace_name_messages(namespace_name));
  return errors;
}

error_list data_sources(const json& spec, const field_path& path) {
  error_list errors;
  const json* source = member(spec, "dataSource");
  const json* reference = member(spec, "dataSourceRef");
  if (source != nullptr) append(errors, data_source(*source, path.child("dataSource"), false));
  if (reference != nullptr)
    append(errors, data_source(*reference, path.child("dataSourceRef"), true));
  if (reference != nullptr && !text(*reference, "namespace").empty()) {
    if (source != nullptr)
      errors.push_back(invalid(path, go_quote(path.child("dataSource").str()),
                               "may not be specified when dataSourceRef.namespace is specified"));
  } else if (source != nullptr && reference != nullptr) {
    bool same = text(*source, "apiGroup") == text(*reference, "apiGroup") &&
                present(*source, "apiGroup") == present(*reference, "apiGroup") &&
                text(*source, "kind") == text(*reference, "kind") &&
                text(*source, "name") == text(*reference, "name");
    if (!same)
      errors.push_back(
          invalid(path, go_quote(path.child("dataSource").str()), "must match dataSourceRef"));
  }
  return errors;
}

error_list storage_request(const json& spec, const field_path& path) {
  auto at = path.child("resources").key("storage");
  const json* storage = member(dictionary(dictionary(spec, "resources"), "requests"), "storage");
  if (storage == nullptr) return {required(at)};
  auto amount = quantity_of(*storage);
  if (amount && amount->sign() <= 0)
    return {invalid(at, go_quote(quantity_text(*amount)), "must be greater than zero")};
  return resource_quantity("storage", *storage, at);
}

std::optional<troupe::quantity> requested_storage(const json& claim) {
  const json* storage =
      member(dictionary(dictionary(dictionary(claim, "spec"), "resources"), "requests"), "storage");
  return storage != nullptr ? quantity_of(*storage) : troupe::quantity();
}

}  // namespace

error_list access_modes(const json& spec, const field_path& path) {
  error_list errors;
  static const std::vector<std::string> supported{"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce",
                                                  "ReadWriteOncePod"};
  bool once_pod = false, other = false;
  for (const auto& mode : list(spec, "accessModes")) {
    auto value = mode.is_string() ? mode.get<std::string>() : std::string();
    bool known = std::find(supported.begin(), supported.end(), value) != supported.end();
    if (!known) errors.push_back(not_supported(path, go_quote(value), supported));
    once_pod = once_pod || value == "ReadWriteOncePod";
    other = other || (known && value != "ReadWriteOncePod");
  }
  if (once_pod && other)
    errors.push_back(forbidden(path, "may not use ReadWriteOncePod with other access modes"));
  return errors;
}

error_list claim_spec(const json& spec, const field_path& path) {
  error_list errors;
  if (!non_empty(spec, "accessModes"))
    errors.push_back(required(path.child("accessModes"), "at least 1 access mode is required"));
  append(errors, label_selector(member(spec, "selector"), path.child("selector")));
  append(errors, access_modes(spec, path.child("accessModes")));
  append(errors, storage_request(spec, path));
  auto class_name = text(spec, "storageClassName");
  if (!class_name.empty())
    append_invalid(errors, path.child("storageClassName"), go_quote(class_name),
                   dns_subdomain_name_errors(class_name, name_form::name));
  if (const json* mode = member(spec, "volumeMode")) {
    auto value = mode->is_string() ? mode->get<std::string>() : std::string();
    if (value != "Block" && value != "Filesystem")
      errors.push_back(
          not_supported(path.child("volumeMode"), go_quote(value), {"Block", "Filesystem"}));
  }
  append(errors, data_sources(spec, path));
  return errors;
}

error_list claim_template_errors(const json& claim_template, const field_path& path) {
  const json& meta = dictionary(claim_template, "metadata");
  auto meta_path = path.child("metadata");
  error_list errors = annotations(dictionary(meta, "annotations"), meta_path.child("annotations"));
  append(errors, labels(dictionary(meta, "labels"), meta_path.child("labels")));
  for (auto it = meta.begin(); it != meta.end(); ++it)
    if (it.key() != "labels" && it.key() != "annotations" && !it.value().is_null())
      errors.push_back(forbidden(meta_path.child(it.key()), "cannot be set"));
  append(errors, claim_spec(dictionary(claim_template, "spec"), path.child("spec")));
  return errors;
}

error_list validate_claim(const json& claim) {
  error_list errors = validate_object_meta(claim, {});
  append(errors, claim_spec(dictionary(claim, "spec"), field_path("spec")));
  return errors;
}

error_list validate_claim_update(const json& claim, const json& old) {
  error_list errors = validate_object_meta_update(claim, old, {});
  append(errors, validate_claim(claim));
  json spec = dictionary(claim, "spec");
  json old_spec = dictionary(old, "spec");
  if (text(old_spec, "volumeName").empty())
    old_spec["volumeName"] = spec.value("volumeName", json());
  auto old_annotation =
      text(dictionary(dictionary(old, "metadata"), "annotations"), beta_storage_class);
  if (!present(old_spec, "storageClassName") && present(spec, "storageClassName") &&
      (old_annotation.empty() || old_annotation == text(spec, "storageClassName")))
    spec.erase("storageClassName");
  bool bound = text(dictionary(claim, "status"), "phase") == "Bound";
  if (bound && spec.contains("resources") && spec["resources"].is_object() &&
      spec["resources"].contains("requests") && spec["resources"]["requests"].is_object())
    spec["resources"]["requests"]["storage"] =
        dictionary(dictionary(old_spec, "resources"), "requests").value("storage", json());
  if (!semantically_equal(spec, old_spec))
    errors.push_back(forbidden(
        field_path("spec"),
        "spec is immutable after creation except resources.requests and "
        "volumeAttributesClassName for bound claims\n" +
            describe_differences(differences(old_spec, spec, "spec", listed_differences_max))));
  auto new_size = requested_storage(claim);
  auto old_size = requested_storage(old);
  const json* capacity = member(dictionary(dictionary(old, "status"), "capacity"), "storage");
  auto status_size = capacity != nullptr ? quantity_of(*capacity) : troupe::quantity();
  if (new_size && old_size && status_size && *new_size < *old_size && *new_size <= *status_size)
    errors.push_back(
        forbidden(field_path("spec").child("resources").child("requests").child("storage"),
                  "field can not be less than status.capacity"));
  auto mode = text(dictionary(claim, "spec"), "volumeMode");
  if (mode != text(old_spec, "volumeMode") ||
      present(dictionary(claim, "spec"), "volumeMode") != present(old_spec, "volumeMode"))
    errors.push_back(
        invalid(field_path("volumeMode"),
                present(dictionary(claim, "spec"), "volumeMode") ? go_quote(mode) : "null",
                "field is immutable"));
  return errors;
}

error_list validate_claim_status_update(const json& claim, const json& old) {
  error_list errors = validate_object_meta_update(claim, old, {});
  if (text(dictionary(claim, "metadata"), "resourceVersion").empty())
    errors.push_back(required(field_path("resourceVersion")));
  if (!non_empty(dictionary(claim, "spec"), "accessModes"))
    errors.push_back(required(field_path("Spec").child("accessModes")));
  const json& capacity = dictionary(dictionary(claim, "status"), "capacity");
  for (auto it = capacity.begin(); it != capacity.end(); ++it) {
    auto amount = quantity_of(it.value());
    if (amount && amount->value() < 0)
      errors.push_back(invalid(field_path("status").child("capacity").key(it.key()),
                               std::to_string(amount->value()),
                               "must be a valid resource quantity"));
  }
  return errors;
}

}  // namespace troupe::api::validation
