// A container's securityContext (kube's ValidateSecurityContext) and the
// seccomp and AppArmor profile rules pods share.
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_container_parts.hpp"
#include "actors/api/core/validation/pod_volumes.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

constexpr std::size_t localhost_profile_bytes_max = 4095;  // PATH_MAX - 1

// Go prints a struct with pointer fields (and their addresses) here; the
// struct is shown by type name only.
const char* const security_context_value = "core.SecurityContext{...}";

error_list privilege_escalation(const json& context, const field_path& path) {
  const json* allow = member(context, "allowPrivilegeEscalation");
  if (allow == nullptr || !allow->is_boolean() || allow->get<bool>()) return {};
  error_list errors;
  if (flag(context, "privileged"))
    errors.push_back(
        invalid(path, security_context_value,
                "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
  for (const auto& capability : list(dictionary(context, "capabilities"), "add"))
    if (capability == "CAP_SYS_ADMIN")
      errors.push_back(
          invalid(path, security_context_value,
                  "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` "
                  "CAP_SYS_ADMIN"));
  return errors;
}

}  // namespace

error_list seccomp_profile(const json* profile, const field_path& path) {
  if (profile == nullptr) return {};
  error_list errors;
  auto type = text(*profile, "type");
  if (type.empty())
    errors.push_back(required(path.child("type"), "type is required when seccompProfile is set"));
  else if (type != "Localhost" && type != "RuntimeDefault" && type != "Unconfined")
    errors.push_back(not_supported(path.child("type"), go_quote(type),
                                   {"Localhost", "RuntimeDefault", "Unconfined"}));
  const json* localhost = member(*profile, "localhostProfile");
  if (type == "Localhost") {
    if (localhost == nullptr)
      errors.push_back(
          required(path.child("localhostProfile"), "must be set when seccomp type is Localhost"));
    else
      append(errors, local_descending_path(text(*profile, "localhostProfile"),
                                           path.child("localhostProfile")));
  } else if (localhost != nullptr) {
    errors.push_back(invalid(path.child("localhostProfile"),
                             "core.SeccompProfile{Type:" + go_quote(type) +
                                 ", LocalhostProfile:(*string)(" +
                                 go_quote(text(*profile, "localhostProfile")) + ")}",
                             "can only be set when seccomp type is Localhost"));
  }
  return errors;
}

error_list app_armor_profile(const json* profile, const field_path& path) {
  if (profile == nullptr) return {};
  auto type = text(*profile, "type");
  const json* localhost = member(*profile, "localhostProfile");
  auto value = text(*profile, "localhostProfile");
  error_list errors;
  if (type == "Localhost") {
    auto trimmed_start = value.find_first_not_of(" \t\n\r\f\v");
    auto trimmed_end = value.find_last_not_of(" \t\n\r\f\v");
    bool padded = !value.empty() && (trimmed_start != 0 || trimmed_end != value.size() - 1);
    if (localhost == nullptr || trimmed_start == std::string::npos) {
      if (localhost != nullptr && !value.empty())
        errors.push_back(invalid(path.child("localhostProfile"), go_quote(value),
                                 "must not be padded with whitespace"));
      else
        errors.push_back(required(path.child("localhostProfile"),
                                  "must be set when AppArmor type is Localhost"));
    } else if (padded) {
      errors.push_back(invalid(path.child("localhostProfile"), go_quote(value),
                               "must not be padded with whitespace"));
    }
    if (value.size() > localhost_profile_bytes_max)
      errors.push_back(too_long(path.child("localhostProfile"), localhost_profile_bytes_max));
  } else if (type == "RuntimeDefault" || type == "Unconfined") {
    if (localhost != nullptr)
      errors.push_back(invalid(path.child("localhostProfile"), go_quote(value),
                               "can only be set when AppArmor type is Localhost"));
  } else if (type.empty()) {
    errors.push_back(required(path.child("type"), "type is required when appArmorProfile is set"));
  } else {
    errors.push_back(not_supported(path.child("type"), go_quote(type),
                                   {"Localhost", "RuntimeDefault", "Unconfined"}));
  }
  return errors;
}

error_list container_security_context(const json* context, bool host_users,
                                      const field_path& path) {
  if (context == nullptr) return {};
  error_list errors = optional_user_or_group_id(*context, "runAsUser", path);
  append(errors, optional_user_or_group_id(*context, "runAsGroup", path));
  if (const json* proc_mount = member(*context, "procMount")) {
    auto value = proc_mount->is_string() ? proc_mount->get<std::string>() : std::string();
    if (value != "Default" && value != "Unmasked")
      errors.push_back(
          not_supported(path.child("procMount"), go_quote(value), {"Default", "Unmasked"}));
    if (host_users && value == "Unmasked")
      errors.push_back(invalid(path.child("procMount"), go_quote(value),
                               "`hostUsers` must be false to use `Unmasked`"));
  }
  append(errors, seccomp_profile(member(*context, "seccompProfile"), path.child("seccompProfile")));
  append(errors, privilege_escalation(*context, path));
  append(errors,
         app_armor_profile(member(*context, "appArmorProfile"), path.child("appArmorProfile")));
  return errors;
}

}  // namespace troupe::api::validation
