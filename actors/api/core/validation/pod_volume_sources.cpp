#include "actors/api/core/validation/pod_volume_sources.hpp"

#include <algorithm>
#include <set>
#include <variant>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_downward_api.hpp"
#include "actors/api/core/validation/pod_volumes.hpp"
#include "actors/api/core/validation/storage_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/object_names.hpp"
#include "messages/core/quantity.hpp"

namespace troupe::api::validation {

namespace {

const char* const file_mode_message = "must be a number between 0 and 0777 (octal), both inclusive";

error_list file_mode(const json& source, const char* key, const field_path& path) {
  auto mode = integer_member(source, key);
  if (!mode || (*mode >= 0 && *mode <= 0777)) return {};
  return {invalid(path.child(key), std::to_string(*mode), file_mode_message)};
}

error_list key_to_path(const json& item, const field_path& path) {
  error_list errors;
  if (text(item, "key").empty()) errors.push_back(required(path.child("key")));
  auto target = text(item, "path");
  if (target.empty()) errors.push_back(required(path.child("path")));
  append(errors, local_non_reserved_path(target, path.child("path")));
  append(errors, file_mode(item, "mode", path));
  return errors;
}

error_list items(const json& source, const field_path& path) {
  error_list errors;
  const json& entries = list(source, "items");
  for (std::size_t i = 0; i < entries.size(); ++i)
    append(errors, key_to_path(entries[i], path.child("items").index(i)));
  return errors;
}

// validateDownwardAPIVolumeFile; kube reports every item at the source's path.
error_list downward_api_file(const json& file, const field_path& path) {
  error_list errors;
  auto target = text(file, "path");
  if (target.empty()) errors.push_back(required(path.child("path")));
  append(errors, local_non_reserved_path(target, path.child("path")));
  if (const json* field = member(file, "fieldRef")) {
    append(errors, object_field_selector(*field, downward_target::volume, path.child("fieldRef")));
    if (present(file, "resourceFieldRef"))
      errors.push_back(
          invalid(path, go_quote("resource"),
                  "fieldRef and resourceFieldRef can not be specified simultaneously"));
  } else if (const json* resource = member(file, "resourceFieldRef")) {
    append(errors, resource_field_selector(*resource, downward_target::volume,
                                           path.child("resourceFieldRef")));
  } else {
    errors.push_back(required(path, "one of fieldRef and resourceFieldRef is required"));
  }
  append(errors, file_mode(file, "mode", path));
  return errors;
}

void projected_items(const json& source, const field_path& path, const field_path& projected_path,
                     std::set<std::string>& paths, error_list& errors) {
  if (text(source, "name").empty()) errors.push_back(required(path.child("name")));
  const json& entries = list(source, "items");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    append(errors, key_to_path(entries[i], path.child("items").index(i)));
    auto target = text(entries[i], "path");
    if (!target.empty() && !paths.insert(target).second)
      errors.push_back(
          invalid(projected_path, go_quote(text(source, "name")), "conflicting duplicate paths"));
  }
}

void projected_token(const json& token, const field_path& path, const field_path& projected_path,
                     error_list& errors) {
  auto expiration = integer_or_zero(token, "expirationSeconds");
  if (expiration < 600)
    errors.push_back(invalid(path.child("expirationSeconds"), std::to_string(expiration),
                             "may not specify a duration less than 10 minutes"));
  if (expiration > (std::int64_t{1} << 32))
    errors.push_back(invalid(path.child("expirationSeconds"), std::to_string(expiration),
                             "may not specify a duration larger than 2^32 seconds"));
  auto target = text(token, "path");
  if (target.empty())
    errors.push_back(required(projected_path.child("path")));
  else
    append(errors, local_non_reserved_path(target, projected_path.child("path")));
}

error_list projected_source(const json& source, const field_path& path,
                            const field_path& projected_path, std::set<std::string>& paths) {
  error_list errors;
  int kinds = 0;
  if (const json* secret = member(source, "secret")) {
    ++kinds;
    projected_items(*secret, path.child("secret"), projected_path, paths, errors);
  }
  if (const json* config_map = member(source, "configMap")) {
    ++kinds;
    projected_items(*config_map, path.child("configMap"), projected_path, paths, errors);
  }
  if (const json* downward = member(source, "downwardAPI")) {
    ++kinds;
    for (const auto& file : list(*downward, "items")) {
      append(errors, downward_api_file(file, path.child("downwardAPI")));
      auto target = text(file, "path");
      if (!target.empty() && !paths.insert(target).second)
        errors.push_back(invalid(projected_path, go_quote(target), "conflicting duplicate paths"));
    }
  }
  if (const json* token = member(source, "serviceAccountToken")) {
    ++kinds;
    projected_token(*token, path.child("serviceAccountToken"), projected_path, errors);
  }
  if (present(source, "clusterTrustBundle")) ++kinds;
  if (kinds > 1)
    errors.push_back(forbidden(path, "may not specify more than 1 volume type per source"));
  return errors;
}

// validateSecretVolumeSource and validateConfigMapVolumeSource: a required
// name, defaultMode, items.
error_list named_items_source(const json& source, const char* name_key, const field_path& path) {
  error_list errors;
  if (text(source, name_key).empty()) errors.push_back(required(path.child(name_key)));
  append(errors, file_mode(source, "defaultMode", path));
  append(errors, items(source, path));
  return errors;
}

}  // namespace

error_list local_non_reserved_path(const std::string& target, const field_path& path) {
  error_list errors = local_descending_path(target, path);
  if (target.rfind("..", 0) == 0 && target.rfind("../", 0) != 0)
    errors.push_back(invalid(path, go_quote(target), "must not start with '..'"));
  return errors;
}

error_list pull_policy(const std::string& policy, const field_path& path) {
  if (policy == "Always" || policy == "IfNotPresent" || policy == "Never") return {};
  if (policy.empty()) return {required(path)};
  return {not_supported(path, go_quote(policy), {"Always", "IfNotPresent", "Never"})};
}

error_list validate_empty_dir(const json& source, const field_path& path) {
  const json* limit = member(source, "sizeLimit");
  if (limit == nullptr) return {};
  auto parsed =
      troupe::parse_quantity(limit->is_string() ? limit->get<std::string>() : limit->dump());
  auto* amount = std::get_if<troupe::quantity>(&parsed);
  if (amount == nullptr || amount->sign() >= 0) return {};
  return {forbidden(path.child("sizeLimit"), "SizeLimit field must be a valid resource quantity")};
}

error_list validate_host_path(const json& source, const field_path& path) {
  auto target = text(source, "path");
  if (target.empty()) return {required(path.child("path"))};
  error_list errors = no_backsteps(target, path.child("path"));
  static const std::vector<std::string> types{
      "",     "BlockDevice",  "CharDevice", "Directory", "DirectoryOrCreate",
      "File", "FileOrCreate", "Socket"};
  if (const json* type = member(source, "type")) {
    auto value = type->is_string() ? type->get<std::string>() : std::string();
    if (std::find(types.begin(), types.end(), value) == types.end())
      errors.push_back(not_supported(path.child("type"), go_quote(value), types));
  }
  return errors;
}

error_list validate_git_repo(const json& source, const field_path& path) {
  error_list errors;
  if (text(source, "repository").empty()) errors.push_back(required(path.child("repository")));
  append(errors, local_descending_path(text(source, "directory"), path.child("directory")));
  return errors;
}

error_list validate_secret_source(const json& source, const field_path& path) {
  return named_items_source(source, "secretName", path);
}

error_list validate_config_map_source(const json& source, const field_path& path) {
  return named_items_source(source, "name", path);
}

error_list validate_claim_source(const json& source, const field_path& path) {
  if (!text(source, "claimName").empty()) return {};
  return {required(path.child("claimName"))};
}

error_list validate_nfs(const json& source, const field_path& path) {
  error_list errors;
  if (text(source, "server").empty()) errors.push_back(required(path.child("server")));
  auto target = text(source, "path");
  if (target.empty()) errors.push_back(required(path.child("path")));
  if (target.empty() || target.front() != '/')
    errors.push_back(invalid(path.child("path"), go_quote(target), "must be an absolute path"));
  return errors;
}

error_list validate_downward_api_source(const json& source, const field_path& path) {
  error_list errors = file_mode(source, "defaultMode", path);
  for (const auto& file : list(source, "items")) append(errors, downward_api_file(file, path));
  return errors;
}

error_list validate_projected_source(const json& source, const field_path& path) {
  error_list errors = file_mode(source, "defaultMode", path);
  std::set<std::string> paths;
  const json& sources = list(source, "sources");
  for (std::size_t i = 0; i < sources.size(); ++i)
    append(errors, projected_source(sources[i], path.child("sources").index(i), path, paths));
  return errors;
}

error_list validate_csi_source(const json& source, const field_path& path) {
  error_list errors = csi_driver_name(text(source, "driver"), path.child("driver"));
  if (const json* secret = member(source, "nodePublishSecretRef")) {
    auto name = text(*secret, "name");
    if (name.empty())
      errors.push_back(required(path.child("nodePublishSecretRef").child("name")));
    else
      append_invalid(errors, path.child("name"), go_quote(name),
                     dns_subdomain_name_errors(name, name_form::name));
  }
  return errors;
}

error_list validate_ephemeral_source(const json& source, const field_path& path) {
  const json* claim_template = member(source, "volumeClaimTemplate");
  if (claim_template == nullptr) return {required(path.child("volumeClaimTemplate"))};
  return claim_template_errors(*claim_template, path.child("volumeClaimTemplate"));
}

error_list validate_image_source(const json& source, const field_path& path) {
  return pull_policy(text(source, "pullPolicy"), path.child("pullPolicy"));
}

}  // namespace troupe::api::validation
