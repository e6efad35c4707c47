#include "actors/api/core/validation/pod_security.hpp"

#include <set>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_container_parts.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

constexpr std::size_t sysctl_bytes_max = 253;
const char* const sysctl_regex =
    "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";

bool sysctl_segment(std::string_view segment) {
  if (segment.empty()) return false;
  auto edge = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!edge(segment.front()) || !edge(segment.back())) return false;
  for (char c : segment)
    if (!edge(c) && c != '-' && c != '_') return false;
  return true;
}

// IsValidSysctlName: segments joined by '.' or '/'.
bool valid_sysctl(const std::string& name) {
  if (name.size() > sysctl_bytes_max) return false;
  std::size_t start = 0;
  while (true) {
    auto end = name.find_first_of("./", start);
    if (!sysctl_segment(std::string_view(name).substr(
            start, end == std::string::npos ? std::string::npos : end - start)))
      return false;
    if (end == std::string::npos) return true;
    start = end + 1;
  }
}

// sysctl.NormalizeName: a name whose first separator is '/' swaps '.' and '/'.
std::string normalized_sysctl(std::string name) {
  auto first = name.find_first_of("./");
  if (first == std::string::npos || name[first] != '/') return name;
  for (auto& c : name) c = c == '.' ? '/' : c == '/' ? '.' : c;
  return name;
}

error_list host_sysctl(const std::string& name, const json& spec, const field_path& path) {
  auto normalized = normalized_sysctl(name);
  bool net = normalized.rfind("net.", 0) == 0;
  bool ipc = normalized == "kernel.sem" || normalized.rfind("kernel.shm", 0) == 0 ||
             normalized.rfind("kernel.msg", 0) == 0 || normalized.rfind("fs.mqueue.", 0) == 0;
  if (flag(spec, "hostNetwork") && net)
    return {invalid(path, go_quote(name), "may not be specified when 'hostNetwork' is true")};
  if (flag(spec, "hostIPC") && ipc)
    return {invalid(path, go_quote(name), "may not be specified when 'hostIPC' is true")};
  return {};
}

error_list sysctls(const json& entries, const json& spec, const field_path& path) {
  error_list errors;
  std::set<std::string> names;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto at = path.index(i).child("name");
    auto name = text(entries[i], "name");
    if (name.empty())
      errors.push_back(required(at));
    else if (!valid_sysctl(name))
      errors.push_back(
          invalid(at, go_quote(name),
                  "must have at most 253 characters and match regex " + std::string(sysctl_regex)));
    else if (names.count(name) != 0)
      errors.push_back(duplicate(at, go_quote(name)));
    append(errors, host_sysctl(name, spec, at));
    names.insert(name);
  }
  return errors;
}

error_list enumerated(const json& context, const char* key, const std::vector<std::string>& allowed,
                      const field_path& path) {
  const json* value = member(context, key);
  if (value == nullptr) return {};
  auto chosen = value->is_string() ? value->get<std::string>() : std::string();
  for (const auto& choice : allowed)
    if (chosen == choice) return {};
  return {not_supported(path.child(key), go_quote(chosen), allowed)};
}

}  // namespace

error_list pod_security_context(const json& spec, const field_path& spec_path) {
  const json& context = dictionary(spec, "securityContext");
  auto path = spec_path.child("securityContext");
  error_list errors = optional_user_or_group_id(context, "fsGroup", path);
  append(errors, optional_user_or_group_id(context, "runAsUser", path));
  append(errors, optional_user_or_group_id(context, "runAsGroup", path));
  const json& groups = list(context, "supplementalGroups");
  for (std::size_t i = 0; i < groups.size(); ++i) {
    auto group = integer(groups[i]).value_or(0);
    append_invalid(errors, path.child("supplementalGroups").index(i), std::to_string(group),
                   user_or_group_id_messages(group));
  }
  if (flag(spec, "shareProcessNamespace") && flag(spec, "hostPID"))
    errors.push_back(invalid(path.child("shareProcessNamespace"), "true",
                             "ShareProcessNamespace and HostPID cannot both be enabled"));
  append(errors, sysctls(list(context, "sysctls"), spec, path.child("sysctls")));
  append(errors, enumerated(context, "fsGroupChangePolicy", {"Always", "OnRootMismatch"}, path));
  append(errors, seccomp_profile(member(context, "seccompProfile"), path.child("seccompProfile")));
  append(errors,
         app_armor_profile(member(context, "appArmorProfile"), path.child("appArmorProfile")));
  append(errors, enumerated(context, "supplementalGroupsPolicy", {"Merge", "Strict"}, path));
  return errors;
}

error_list host_users_rules(const json& spec, const field_path& path) {
  const json* host_users = member(spec, "hostUsers");
  if (host_users == nullptr || !host_users->is_boolean() || host_users->get<bool>()) return {};
  error_list errors;
  if (flag(spec, "hostNetwork"))
    errors.push_back(forbidden(path.child("hostNetwork"), "when `pod.Spec.HostUsers` is false"));
  if (flag(spec, "hostPID"))
    errors.push_back(forbidden(path.child("HostPID"), "when `pod.Spec.HostUsers` is false"));
  if (flag(spec, "hostIPC"))
    errors.push_back(forbidden(path.child("HostIPC"), "when `pod.Spec.HostUsers` is false"));
  return errors;
}

}  // namespace troupe::api::validation
