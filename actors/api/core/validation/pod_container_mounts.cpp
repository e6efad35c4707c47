// Volume mounts and volume devices of a container (kube's
// ValidateVolumeMounts and ValidateVolumeDevices).
#include <map>
#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_container_parts.hpp"

namespace troupe::api::validation {

namespace {

// name -> path of the container's mounts (GetVolumeMountMap) or devices.
std::map<std::string, std::string> path_map(const json& entries, const char* path_key) {
  std::map<std::string, std::string> paths;
  for (const auto& entry : entries.is_array() ? entries : json::array())
    paths[text(entry, "name")] = text(entry, path_key);
  return paths;
}

bool has_path(const std::map<std::string, std::string>& paths, const std::string& target) {
  for (const auto& [name, path] : paths)
    if (path == target) return true;
  return false;
}

bool privileged(const json& container) {
  return flag(dictionary(container, "securityContext"), "privileged");
}

error_list mount_propagation(const json& mount, const json& container, const field_path& path) {
  const json* mode = member(mount, "mountPropagation");
  if (mode == nullptr) return {};
  auto value = mode->is_string() ? mode->get<std::string>() : std::string();
  error_list errors;
  if (value != "Bidirectional" && value != "HostToContainer" && value != "None")
    errors.push_back(
        not_supported(path, go_quote(value), {"Bidirectional", "HostToContainer", "None"}));
  if (value == "Bidirectional" && !privileged(container))
    errors.push_back(forbidden(
        path, "Bidirectional mount propagation is available only to privileged containers"));
  return errors;
}

error_list recursive_read_only(const json& mount, const field_path& path) {
  const json* mode = member(mount, "recursiveReadOnly");
  if (mode == nullptr) return {};
  auto value = mode->is_string() ? mode->get<std::string>() : std::string();
  if (value == "Disabled") return {};
  if (value != "Enabled" && value != "IfPossible")
    return {not_supported(path, go_quote(value), {"Disabled", "Enabled", "IfPossible"})};
  error_list errors;
  if (!flag(mount, "readOnly"))
    errors.push_back(forbidden(path, "may only be specified when readOnly is true"));
  auto propagation = text(mount, "mountPropagation");
  if (present(mount, "mountPropagation") && propagation != "None")
    errors.push_back(
        forbidden(path, "may only be specified when mountPropagation is None or not specified"));
  return errors;
}

error_list sub_paths(const json& mount, const volume_map& volumes, const field_path& at,
                     const field_path& list_path) {
  error_list errors;
  auto sub_path = text(mount, "subPath");
  auto sub_path_expression = text(mount, "subPathExpr");
  auto found = volumes.find(text(mount, "name"));
  if (found != volumes.end() && found->second.image) {
    if (!sub_path.empty())
      errors.push_back(
          invalid(at.child("subPath"), go_quote(sub_path), "not allowed in image volume sources"));
    if (!sub_path_expression.empty())
      errors.push_back(invalid(at.child("subPathExpr"), go_quote(sub_path_expression),
                               "not allowed in image volume sources"));
  }
  if (!sub_path.empty())
    append(errors, local_descending_path(sub_path, list_path.child("subPath")));
  if (!sub_path_expression.empty()) {
    if (!sub_path.empty())
      errors.push_back(invalid(at.child("subPathExpr"), go_quote(sub_path_expression),
                               "subPathExpr and subPath are mutually exclusive"));
    append(errors, local_descending_path(sub_path_expression, list_path.child("subPathExpr")));
  }
  return errors;
}

}  // namespace

error_list volume_mounts(const json& container, const volume_map& volumes, const field_path& path) {
  error_list errors;
  const json& mounts = list(container, "volumeMounts");
  auto devices = path_map(list(container, "volumeDevices"), "devicePath");
  std::set<std::string> mount_points;
  for (std::size_t i = 0; i < mounts.size(); ++i) {
    const json& mount = mounts[i];
    auto at = path.index(i);
    auto name = text(mount, "name");
    auto mount_path = text(mount, "mountPath");
    if (name.empty()) errors.push_back(required(at.child("name")));
    if (volumes.count(name) == 0) errors.push_back(not_found(at.child("name"), go_quote(name)));
    if (mount_path.empty()) errors.push_back(required(at.child("mountPath")));
    if (!mount_points.insert(mount_path).second)
      errors.push_back(invalid(at.child("mountPath"), go_quote(mount_path), "must be unique"));
    if (devices.count(name) != 0)
      errors.push_back(
          invalid(at.child("name"), go_quote(name), "must not already exist in volumeDevices"));
    if (has_path(devices, mount_path))
      errors.push_back(invalid(at.child("mountPath"), go_quote(mount_path),
                               "must not already exist as a path in volumeDevices"));
    append(errors, sub_paths(mount, volumes, at, path));
    append(errors, mount_propagation(mount, container, path.child("mountPropagation")));
    append(errors, recursive_read_only(mount, path.child("recursiveReadOnly")));
  }
  return errors;
}

error_list volume_devices(const json& container, const volume_map& volumes,
                          const field_path& path) {
  error_list errors;
  const json& devices = list(container, "volumeDevices");
  auto mounts = path_map(list(container, "volumeMounts"), "mountPath");
  std::set<std::string> device_paths;
  std::set<std::string> device_names;
  for (std::size_t i = 0; i < devices.size(); ++i) {
    auto at = path.index(i);
    auto name = text(devices[i], "name");
    auto device_path = text(devices[i], "devicePath");
    auto found = volumes.find(name);
    if (name.empty()) errors.push_back(required(at.child("name")));
    if (device_names.count(name) != 0)
      errors.push_back(invalid(at.child("name"), go_quote(name), "must be unique"));
    if (found != volumes.end() && !found->second.claim)
      errors.push_back(invalid(
          at.child("name"), go_quote(name),
          "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"));
    if (found == volumes.end()) errors.push_back(not_found(at.child("name"), go_quote(name)));
    if (device_path.empty()) errors.push_back(required(at.child("devicePath")));
    if (device_paths.count(device_path) != 0)
      errors.push_back(invalid(at.child("devicePath"), go_quote(device_path), "must be unique"));
    if (!device_path.empty() && !no_backsteps(device_path, path.child("devicePath")).empty())
      errors.push_back(invalid(at.child("devicePath"), go_quote(device_path),
                               "can not contain backsteps ('..')"));
    else
      device_paths.insert(device_path);
    if (mounts.count(name) != 0)
      errors.push_back(
          invalid(at.child("name"), go_quote(name), "must not already exist in volumeMounts"));
    if (has_path(mounts, device_path))
      errors.push_back(invalid(at.child("devicePath"), go_quote(device_path),
                               "must not already exist as a path in volumeMounts"));
    if (!name.empty()) device_names.insert(name);
  }
  return errors;
}

}  // namespace troupe::api::validation
