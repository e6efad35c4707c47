// PersistentVolumes (NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM
// STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE, wide VOLUMEMODE) and
// PersistentVolumeClaims (NAME STATUS VOLUME CAPACITY ACCESS MODES
// STORAGECLASS VOLUMEATTRIBUTESCLASS AGE, wide VOLUMEMODE), as kube 1.32's
// printPersistentVolume and printPersistentVolumeClaim compute them.
#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_formats.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr table_column volume_columns[] = {
    name_column,
    {"Capacity", "string", "",
     "capacity is the description of the persistent volume's resources and capacity. More info: "
     "https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity",
     0},
    {"Access Modes", "string", "",
     "accessModes contains all ways the volume can be mounted. More info: "
     "https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes",
     0},
    {"Reclaim Policy", "string", "",
     "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released "
     "from its claim. Valid options are Retain (default for manually created "
     "PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and "
     "Recycle (deprecated). Recycle must be supported by the volume plugin underlying this "
     "PersistentVolume. More info: "
     "https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming",
     0},
    {"Status", "string", "",
     "phase indicates if a volume is available, bound to a claim, or released by a claim. More "
     "info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase",
     0},
    {"Claim", "string", "",
     "claimRef is part of a bi-directional binding between PersistentVolume and "
     "PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the "
     "authoritative bind between PV and PVC. More info: "
     "https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding",
     0},
    {"StorageClass", "string", "", "StorageClass of the pv", 0},
    {"VolumeAttributesClass", "string", "", "VolumeAttributesClass of the pv", 0},
    {"Reason", "string", "",
     "reason is a brief CamelCase string that describes any failure and is meant for machine "
     "parsing and tidy display in the CLI.",
     0},
    age_column,
    {"VolumeMode", "string", "",
     "volumeMode defines if a volume is intended to be used with a formatted filesystem or to "
     "remain in raw block state. Value of Filesystem is implied when not included in spec.",
     1},
};

constexpr table_column claim_columns[] = {
    name_column,
    {"Status", "string", "", "phase represents the current phase of PersistentVolumeClaim.", 0},
    {"Volume", "string", "",
     "volumeName is the binding reference to the PersistentVolume backing this claim.", 0},
    {"Capacity", "string", "", "capacity represents the actual resources of the underlying volume.",
     0},
    {"Access Modes", "string", "",
     "accessModes contains the actual access modes the volume backing the PVC has. More info: "
     "https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1",
     0},
    {"StorageClass", "string", "", "StorageClass of the pvc", 0},
    {"VolumeAttributesClass", "string", "", "VolumeAttributesClass of the pvc", 0},
    age_column,
    {"VolumeMode", "string", "",
     "volumeMode defines what type of volume is required by the claim. Value of Filesystem is "
     "implied when not included in claim spec.",
     1},
};

// The beta annotation still wins over spec.storageClassName, as in kube.
constexpr std::string_view beta_storage_class = "volume.beta.kubernetes.io/storage-class";

// helper.GetAccessModesAsString: each mode once, in this fixed order.
std::string access_modes(const json& modes) {
  constexpr std::pair<std::string_view, std::string_view> names[] = {{"ReadWriteOnce", "RWO"},
                                                                     {"ReadOnlyMany", "ROX"},
                                                                     {"ReadWriteMany", "RWX"},
                                                                     {"ReadWriteOncePod", "RWOP"}};
  std::vector<std::string> shown;
  for (const auto& [mode, abbreviation] : names) {
    bool present = false;
    if (modes.is_array())
      for (const auto& listed : modes) present = present || (listed.is_string() && listed == mode);
    if (present) shown.emplace_back(abbreviation);
  }
  return join(shown, ",");
}

std::string phase_or_terminating(const json& object) {
  if (deletion_requested(object)) return "Terminating";
  return text_member(member(object, "status"), "phase");
}

std::string text_or_unset(const json& object, std::string_view key) {
  return has_member(object, key) ? text_member(object, key) : "<unset>";
}

table_row print_volume(const json& volume, std::chrono::system_clock::time_point now) {
  const auto& spec = member(volume, "spec");
  std::string claim;
  if (has_member(spec, "claimRef")) {
    const auto& reference = member(spec, "claimRef");
    claim = text_member(reference, "namespace") + "/" + text_member(reference, "name");
  }
  const auto* annotated_class = annotation_of(volume, beta_storage_class);
  table_row row;
  row.cells = json::array(
      {name_of(volume), quantity_text(member(member(spec, "capacity"), "storage")),
       access_modes(member(spec, "accessModes")),
       text_member(spec, "persistentVolumeReclaimPolicy"), phase_or_terminating(volume), claim,
       annotated_class ? *annotated_class : text_member(spec, "storageClassName"),
       text_or_unset(spec, "volumeAttributesClassName"),
       text_member(member(volume, "status"), "reason"), age_of(volume, now),
       text_or_unset(spec, "volumeMode")});
  return row;
}

table_row print_claim(const json& claim, std::chrono::system_clock::time_point now) {
  const auto& spec = member(claim, "spec");
  const auto& status = member(claim, "status");
  std::string capacity;
  std::string modes;
  // Capacity and access modes are the bound volume's, so shown once bound.
  if (!text_member(spec, "volumeName").empty()) {
    modes = access_modes(member(status, "accessModes"));
    capacity = quantity_text(member(member(status, "capacity"), "storage"));
  }
  const auto* annotated_class = annotation_of(claim, beta_storage_class);
  table_row row;
  row.cells = json::array(
      {name_of(claim), phase_or_terminating(claim), text_member(spec, "volumeName"), capacity,
       modes, annotated_class ? *annotated_class : text_member(spec, "storageClassName"),
       text_or_unset(spec, "volumeAttributesClassName"), age_of(claim, now),
       text_or_unset(spec, "volumeMode")});
  return row;
}

}  // namespace

const table_printer persistent_volume_printer{volume_columns, print_volume};
const table_printer persistent_volume_claim_printer{claim_columns, print_claim};

}  // namespace troupe::api::tables
