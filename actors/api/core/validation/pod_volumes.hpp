// Pod volumes (kube's ValidateVolumes and validateVolumeSource): names are
// unique DNS-1123 labels, each volume has exactly one source, and the
// sources users write (emptyDir, hostPath, secret, configMap,
// persistentVolumeClaim, downwardAPI, projected, nfs, csi, ephemeral,
// gitRepo, image) are checked field by field; the remaining in-tree cloud
// sources are only counted. Also the path rules shared with mounts.
// Pure; never throws.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

struct declared_volume {
  bool claim = false;  // persistentVolumeClaim or ephemeral: usable as a block device
  bool image = false;  // an image volume: no subPath
};
using volume_map = std::map<std::string, declared_volume>;

// Validates `volumes` into `errors`; answers the volumes that validated,
// which container mounts may refer to. `pod_name` is "" for templates.
volume_map validate_volumes(const nlohmann::json& volumes, const std::string& pod_name,
                            const field_path& path, error_list& errors);

// validateLocalDescendingPath: relative, without a ".." element.
error_list local_descending_path(const std::string& target, const field_path& path);
// validatePathNoBacksteps.
error_list no_backsteps(const std::string& target, const field_path& path);

}  // namespace troupe::api::validation
