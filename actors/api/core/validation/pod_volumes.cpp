#include "actors/api/core/validation/pod_volumes.hpp"

#include <set>
#include <variant>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_volume_sources.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

// The volume sources in the order kube checks them: the JSON member, the
// child kube names in "may not specify more than 1 volume type", and the
// child it validates under (kube's own spellings, typos included).
struct source_kind {
  const char* member;
  const char* forbidden_child;
  const char* validated_child;
  source_validator validate;
};

const std::vector<source_kind>& source_kinds() {
  static const std::vector<source_kind> kinds{
      {"emptyDir", "emptyDir", "emptyDir", &validate_empty_dir},
      {"hostPath", "hostPath", "hostPath", &validate_host_path},
      {"gitRepo", "gitRepo", "gitRepo", &validate_git_repo},
      {"gcePersistentDisk", "gcePersistentDisk", "persistentDisk", nullptr},
      {"awsElasticBlockStore", "awsElasticBlockStore", "awsElasticBlockStore", nullptr},
      {"secret", "secret", "secret", &validate_secret_source},
      {"nfs", "nfs", "nfs", &validate_nfs},
      {"iscsi", "iscsi", "iscsi", nullptr},
      {"glusterfs", "glusterfs", "glusterfs", nullptr},
      {"flocker", "flocker", "flocker", nullptr},
      {"persistentVolumeClaim", "persistentVolumeClaim", "persistentVolumeClaim",
       &validate_claim_source},
      {"rbd", "rbd", "rbd", nullptr},
      {"cinder", "cinder", "cinder", nullptr},
      {"cephfs", "cephFS", "cephfs", nullptr},
      {"quobyte", "quobyte", "quobyte", nullptr},
      {"downwardAPI", "downwarAPI", "downwardAPI", &validate_downward_api_source},
      {"fc", "fc", "fc", nullptr},
      {"flexVolume", "flexVolume", "flexVolume", nullptr},
      {"configMap", "configMap", "configMap", &validate_config_map_source},
      {"azureFile", "azureFile", "azureFile", nullptr},
      {"vsphereVolume", "vsphereVolume", "vsphereVolume", nullptr},
      {"photonPersistentDisk", "photonPersistentDisk", "photonPersistentDisk", nullptr},
      {"portworxVolume", "portworxVolume", "portworxVolume", nullptr},
      {"azureDisk", "azureDisk", "azureDisk", nullptr},
      {"storageos", "storageos", "storageos", nullptr},
      {"projected", "projected", "projected", &validate_projected_source},
      {"scaleIO", "scaleIO", "scaleIO", nullptr},
      {"csi", "csi", "csi", &validate_csi_source},
      {"ephemeral", "ephemeral", "ephemeral", &validate_ephemeral_source},
      {"image", "image", "image", &validate_image_source},
  };
  return kinds;
}

error_list volume_source(const json& volume, const field_path& path, const std::string& pod_name) {
  error_list errors;
  int sources = 0;
  for (const auto& kind : source_kinds()) {
    const json* source = member(volume, kind.member);
    if (source == nullptr) continue;
    if (sources > 0) {
      errors.push_back(
          forbidden(path.child(kind.forbidden_child), "may not specify more than 1 volume type"));
      continue;
    }
    ++sources;
    if (kind.validate != nullptr)
      append(errors, kind.validate(*source, path.child(kind.validated_child)));
  }
  if (sources == 0) errors.push_back(required(path, "must specify a volume type"));
  auto name = text(volume, "name");
  if (present(volume, "ephemeral") && !pod_name.empty() && !name.empty()) {
    auto claim_name = pod_name + "-" + name;
    for (const auto& message : dns_subdomain_name_errors(claim_name, name_form::name))
      errors.push_back(invalid(path.child("name"), go_quote(name),
                               "PVC name " + go_quote(claim_name) + ": " + message));
  }
  return errors;
}

}  // namespace

volume_map validate_volumes(const json& volumes, const std::string& pod_name,
                            const field_path& path, error_list& errors) {
  volume_map declared;
  std::set<std::string> created_claims;
  if (!pod_name.empty())
    for (const auto& volume : volumes.is_array() ? volumes : json::array())
      if (present(volume, "ephemeral"))
        created_claims.insert(pod_name + "-" + text(volume, "name"));
  for (std::size_t i = 0; volumes.is_array() && i < volumes.size(); ++i) {
    const json& volume = volumes[i];
    auto name = text(volume, "name");
    auto name_path = path.index(i).child("name");
    error_list found = volume_source(volume, path.index(i), pod_name);
    if (name.empty())
      found.push_back(required(name_path));
    else
      append(found, dns1123_label(name, name_path));
    if (declared.count(name) != 0) found.push_back(duplicate(name_path, go_quote(name)));
    if (found.empty())
      declared[name] = {present(volume, "persistentVolumeClaim") || present(volume, "ephemeral"),
                        present(volume, "image")};
    else
      append(errors, std::move(found));
    auto claim_name = text(dictionary(volume, "persistentVolumeClaim"), "claimName");
    if (present(volume, "persistentVolumeClaim") && created_claims.count(claim_name) != 0)
      errors.push_back(invalid(
          path.index(i).child("persistentVolumeClaim").child("claimName"), go_quote(claim_name),
          "must not reference a PVC that gets created for an ephemeral volume"));
  }
  return declared;
}

error_list no_backsteps(const std::string& target, const field_path& path) {
  std::size_t start = 0;
  while (start <= target.size()) {
    auto end = target.find_first_of("/", start);
    if (end == std::string::npos) end = target.size();
    if (target.compare(start, end - start, "..") == 0)
      return {invalid(path, go_quote(target), "must not contain '..'")};
    start = end + 1;
  }
  return {};
}

error_list local_descending_path(const std::string& target, const field_path& path) {
  error_list errors;
  if (!target.empty() && target.front() == '/')
    errors.push_back(invalid(path, go_quote(target), "must be a relative path"));
  append(errors, no_backsteps(target, path));
  return errors;
}

}  // namespace troupe::api::validation
