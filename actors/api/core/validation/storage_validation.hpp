// PersistentVolumes and PersistentVolumeClaims (kube's
// ValidatePersistentVolume*, ValidatePersistentVolumeClaim*), plus the
// pieces pod volumes share with them: CSI driver names and the claim
// template of generic ephemeral volumes.
// Pure; never throws.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

// ValidateCSIDriverName.
error_list csi_driver_name(const std::string& driver, const field_path& path);
// ValidatePersistentVolumeClaimTemplate: only labels and annotations in its
// metadata, and a valid claim spec.
error_list claim_template_errors(const nlohmann::json& claim_template, const field_path& path);
error_list claim_spec(const nlohmann::json& spec, const field_path& path);
// The access mode rules claims and volumes share (reported at `path`).
error_list access_modes(const nlohmann::json& spec, const field_path& path);

error_list validate_persistent_volume(const nlohmann::json& volume);
error_list validate_persistent_volume_update(const nlohmann::json& volume,
                                             const nlohmann::json& old);
error_list validate_persistent_volume_status_update(const nlohmann::json& volume,
                                                    const nlohmann::json& old);
error_list validate_claim(const nlohmann::json& claim);
error_list validate_claim_update(const nlohmann::json& claim, const nlohmann::json& old);
error_list validate_claim_status_update(const nlohmann::json& claim, const nlohmann::json& old);

}  // namespace troupe::api::validation
