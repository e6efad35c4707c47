#include "actors/api/core/validation/object_meta_validation.hpp"

#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/labels.hpp"

namespace troupe::api::validation {

namespace {

const field_path metadata_path("metadata");

// managedFields[].manager: FieldManagerMaxLength.
constexpr std::size_t field_manager_bytes_max = 128;
constexpr std::size_t subresource_bytes_max = 256;

// schema.FromAPIVersionAndKind's version: "v1" -> v1, "apps/v1" -> v1,
// anything with more than one '/' parses to nothing.
std::string version_of(const std::string& api_version) {
  auto slash = api_version.find('/');
  if (slash == std::string::npos) return api_version;
  if (api_version.find('/', slash + 1) != std::string::npos) return {};
  return api_version.substr(slash + 1);
}

std::string go_bool_pointer(const json& reference, const char* key) {
  const json* value = member(reference, key);
  if (value == nullptr || !value->is_boolean()) return "(*bool)(nil)";
  // Go prints the pointer's address here; the pointed-to value is shown instead.
  return std::string("(*bool)(") + (value->get<bool>() ? "true" : "false") + ")";
}

std::string go_owner_reference(const json& reference) {
  return "v1.OwnerReference{APIVersion:" + go_quote(text(reference, "apiVersion")) +
         ", Kind:" + go_quote(text(reference, "kind")) +
         ", Name:" + go_quote(text(reference, "name")) +
         ", UID:" + go_quote(text(reference, "uid")) +
         ", Controller:" + go_bool_pointer(reference, "controller") +
         ", BlockOwnerDeletion:" + go_bool_pointer(reference, "blockOwnerDeletion") + "}";
}

std::string go_owner_references(const json& references) {
  std::string out = "[]v1.OwnerReference{";
  bool first = true;
  for (const auto& reference : references) {
    out += (first ? "" : ", ") + go_owner_reference(reference);
    first = false;
  }
  return out + "}";
}

error_list owner_reference(const json& reference, const field_path& path) {
  error_list errors;
  auto api_version = text(reference, "apiVersion");
  auto kind = text(reference, "kind");
  if (version_of(api_version).empty())
    errors.push_back(
        invalid(path.child("apiVersion"), go_quote(api_version), "version must not be empty"));
  if (kind.empty())
    errors.push_back(invalid(path.child("kind"), go_quote(kind), "must not be empty"));
  auto name = text(reference, "name");
  if (name.empty())
    errors.push_back(invalid(path.child("name"), go_quote(name), "must not be empty"));
  auto uid = text(reference, "uid");
  if (uid.empty()) errors.push_back(invalid(path.child("uid"), go_quote(uid), "must not be empty"));
  if (api_version == "v1" && kind == "Event")
    errors.push_back(invalid(path, go_owner_reference(reference),
                             "/v1, Kind=Event is disallowed from being an owner"));
  return errors;
}

error_list owner_references(const json& meta, const field_path& path) {
  error_list errors;
  const json& references = list(meta, "ownerReferences");
  std::string first_controller;
  for (const auto& reference : references) {
    append(errors, owner_reference(reference, path));
    if (!flag(reference, "controller")) continue;
    auto current = text(reference, "kind") + "/" + text(reference, "name");
    if (first_controller.empty()) {
      first_controller = current;
      continue;
    }
    errors.push_back(invalid(path, go_owner_references(references),
                             "Only one reference can have Controller set to true. Found \"true\" "
                             "in references for " +
                                 first_controller + " and " + current));
  }
  return errors;
}

bool standard_finalizer(const std::string& name) {
  return name == "kubernetes" || name == "orphan" || name == "foregroundDeletion";
}

error_list finalizers(const json& meta, const field_path& path) {
  error_list errors;
  const json& names = list(meta, "finalizers");
  bool orphan = false;
  bool foreground = false;
  for (const auto& entry : names) {
    auto name = entry.is_string() ? entry.get<std::string>() : std::string();
    append_invalid(errors, path, go_quote(name), validate_qualified_name(name));
    orphan = orphan || name == "orphan";
    foreground = foreground || name == "foregroundDeletion";
  }
  if (orphan && foreground)
    errors.push_back(invalid(path, go_string_slice(names),
                             "finalizer orphan and foregroundDeletion cannot be both set"));
  return errors;
}

// core's validateKubeFinalizerName, run after every apimachinery rule.
error_list kube_finalizer_names(const json& meta, const field_path& path) {
  error_list errors;
  const json& names = list(meta, "finalizers");
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto name = names[i].is_string() ? names[i].get<std::string>() : std::string();
    if (name.find('/') == std::string::npos && !standard_finalizer(name))
      errors.push_back(
          invalid(path.index(i), go_quote(name),
                  "name is neither a standard finalizer name nor is it fully qualified"));
  }
  return errors;
}

error_list managed_fields(const json& meta, const field_path& path) {
  error_list errors;
  const json& entries = list(meta, "managedFields");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const json& entry = entries[i];
    auto operation = text(entry, "operation");
    if (operation != "Apply" && operation != "Update")
      errors.push_back(invalid(path.index(i).child("operation"), go_quote(operation),
                               "must be `Apply` or `Update`"));
    auto fields_type = text(entry, "fieldsType");
    if (!fields_type.empty() && fields_type != "FieldsV1")
      errors.push_back(
          invalid(path.index(i).child("fieldsType"), go_quote(fields_type), "must be `FieldsV1`"));
    if (text(entry, "manager").size() > field_manager_bytes_max)
      errors.push_back(too_long(path.index(i).child("manager"), field_manager_bytes_max));
    if (text(entry, "subresource").size() > subresource_bytes_max)
      errors.push_back(too_long(path.index(i).child("subresource"), subresource_bytes_max));
  }
  return errors;
}

// The part of ObjectMeta validation shared by create and update.
error_list common_meta(const json& meta, const meta_rules& rules) {
  error_list errors;
  append(errors, labels(dictionary(meta, "labels"), metadata_path.child("labels")));
  append(errors, annotations(dictionary(meta, "annotations"), metadata_path.child("annotations")));
  append(errors, owner_references(meta, metadata_path.child("ownerReferences")));
  append(errors, finalizers(meta, metadata_path.child("finalizers")));
  append(errors, managed_fields(meta, metadata_path.child("managedFields")));
  if (rules.standard_finalizers)
    append(errors, kube_finalizer_names(meta, metadata_path.child("finalizers")));
  return errors;
}

error_list name_and_namespace(const json& meta, const meta_rules& rules) {
  error_list errors;
  auto generate_name = text(meta, "generateName");
  if (!generate_name.empty())
    append_invalid(errors, metadata_path.child("generateName"), go_quote(generate_name),
                   rules.name(generate_name, name_form::generate_name_prefix));
  auto name = text(meta, "name");
  if (name.empty() && generate_name.empty())
    errors.push_back(required(metadata_path.child("name"), "name or generateName is required"));
  else if (!name.empty())
    append_invalid(errors, metadata_path.child("name"), go_quote(name),
                   rules.name(name, name_form::name));
  auto namespace_name = text(meta, "namespace");
  if (rules.namespaced && namespace_name.empty())
    errors.push_back(required(metadata_path.child("namespace")));
  else if (rules.namespaced)
    append_invalid(errors, metadata_path.child("namespace"), go_quote(namespace_name),
                   namespace_name_messages(namespace_name));
  else if (!namespace_name.empty())
    errors.push_back(forbidden(metadata_path.child("namespace"), "not allowed on this type"));
  return errors;
}

std::set<std::string> string_set(const json& names) {
  std::set<std::string> result;
  for (const auto& name : names)
    if (name.is_string()) result.insert(name.get<std::string>());
  return result;
}

error_list no_new_finalizers(const json& meta, const json& old_meta) {
  if (!present(old_meta, "deletionTimestamp")) return {};
  auto before = string_set(list(old_meta, "finalizers"));
  json added = json::array();
  for (const auto& name : string_set(list(meta, "finalizers")))
    if (before.count(name) == 0) added.push_back(name);
  if (added.empty()) return {};
  return {forbidden(metadata_path.child("finalizers"),
                    "no new finalizers can be added if the object is being deleted, found new "
                    "finalizers " +
                        go_string_slice(added))};
}

void immutable_text(error_list& errors, const json& meta, const json& old_meta, const char* key) {
  auto value = text(meta, key);
  if (value != text(old_meta, key))
    errors.push_back(invalid(metadata_path.child(key), go_quote(value), "field is immutable"));
}

void immutable_time(error_list& errors, const json& meta, const json& old_meta, const char* key) {
  const json* value = member(meta, key);
  const json* old_value = member(old_meta, key);
  auto shown = [](const json* time) { return go_time(time != nullptr ? *time : json()); };
  if (shown(value) == shown(old_value)) return;
  errors.push_back(invalid(metadata_path.child(key), shown(value), "field is immutable"));
}

// A pointer to a time: nil and set differ even when set to the zero time.
void immutable_time_pointer(error_list& errors, const json& meta, const json& old_meta,
                            const char* key) {
  const json* value = member(meta, key);
  const json* old_value = member(old_meta, key);
  if (value == nullptr && old_value == nullptr) return;
  if (value != nullptr && old_value != nullptr && go_time(*value) == go_time(*old_value)) return;
  errors.push_back(invalid(metadata_path.child(key), value == nullptr ? "null" : go_time(*value),
                           "field is immutable"));
}

void immutable_grace_period(error_list& errors, const json& meta, const json& old_meta) {
  auto value = integer_member(meta, "deletionGracePeriodSeconds");
  if (value == integer_member(old_meta, "deletionGracePeriodSeconds")) return;
  errors.push_back(invalid(metadata_path.child("deletionGracePeriodSeconds"),
                           value ? std::to_string(*value) : "null", "field is immutable"));
}

}  // namespace

error_list validate_object_meta(const json& object, const meta_rules& rules) {
  const json& meta = dictionary(object, "metadata");
  error_list errors = name_and_namespace(meta, rules);
  append(errors,
         non_negative(integer_or_zero(meta, "generation"), metadata_path.child("generation")));
  append(errors, common_meta(meta, rules));
  return errors;
}

error_list validate_object_meta_update(const json& object, const json& old,
                                       const meta_rules& rules) {
  const json& meta = dictionary(object, "metadata");
  const json& old_meta = dictionary(old, "metadata");
  error_list errors = no_new_finalizers(meta, old_meta);
  auto resource_version = text(meta, "resourceVersion");
  if (resource_version.empty())
    errors.push_back(invalid(metadata_path.child("resourceVersion"), go_quote(resource_version),
                             "must be specified for an update"));
  auto generation = integer_or_zero(meta, "generation");
  if (generation < integer_or_zero(old_meta, "generation"))
    errors.push_back(invalid(metadata_path.child("generation"), std::to_string(generation),
                             "must not be decremented"));
  immutable_text(errors, meta, old_meta, "name");
  immutable_text(errors, meta, old_meta, "namespace");
  immutable_text(errors, meta, old_meta, "uid");
  immutable_time(errors, meta, old_meta, "creationTimestamp");
  immutable_time_pointer(errors, meta, old_meta, "deletionTimestamp");
  immutable_grace_period(errors, meta, old_meta);
  append(errors, common_meta(meta, rules));
  return errors;
}

}  // namespace troupe::api::validation
