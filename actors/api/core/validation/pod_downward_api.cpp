#include "actors/api/core/validation/pod_downward_api.hpp"

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/quantity.hpp"

namespace troupe::api::validation {

namespace {

// The fields ConvertDownwardAPIFieldLabel accepts for v1 pods.
const std::vector<std::string> convertible_fields{
    "metadata.annotations", "metadata.labels", "metadata.name",      "metadata.namespace",
    "metadata.uid",         "spec.nodeName",   "spec.restartPolicy", "spec.serviceAccountName",
    "spec.schedulerName",   "status.phase",    "status.hostIP",      "status.hostIPs",
    "status.podIP",         "status.podIPs"};

// Sorted, as kube's sets.List prints them.
const std::vector<std::string> environment_fields{"metadata.name",
                                                  "metadata.namespace",
                                                  "metadata.uid",
                                                  "spec.nodeName",
                                                  "spec.serviceAccountName",
                                                  "status.hostIP",
                                                  "status.hostIPs",
                                                  "status.podIP",
                                                  "status.podIPs"};
const std::vector<std::string> volume_fields{"metadata.annotations", "metadata.labels",
                                             "metadata.name", "metadata.namespace", "metadata.uid"};
const std::vector<std::string> container_resources{
    "limits.cpu",   "limits.ephemeral-storage",   "limits.memory",
    "requests.cpu", "requests.ephemeral-storage", "requests.memory"};

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// fieldpath.SplitMaybeSubscriptedPath: "metadata.labels['key']".
bool split_subscript(const std::string& path, std::string& base, std::string& subscript) {
  if (path.size() < 4 || path.compare(path.size() - 2, 2, "']") != 0) return false;
  auto open = path.find("['");
  if (open == std::string::npos) return false;
  base = path.substr(0, open);
  subscript = path.substr(open + 2, path.size() - open - 4);
  return true;
}

std::string lowercase(std::string text) {
  for (auto& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

error_list divisor(const std::string& resource, const json* value, const field_path& path) {
  if (value == nullptr) return {};
  std::string written = value->is_string() ? value->get<std::string>() : value->dump();
  auto parsed = troupe::parse_quantity(written);
  auto* amount = std::get_if<troupe::quantity>(&parsed);
  if (amount == nullptr || amount->is_zero()) return {};
  std::string canonical = amount->to_string();
  static const std::vector<std::string> bytes{"1",   "1k",  "1M",  "1G",  "1T",  "1P", "1E",
                                              "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"};
  auto bad = [&](const char* what) {
    return error_list{invalid(path.child("divisor"), go_quote(resource),
                              std::string("only divisor's values ") + what)};
  };
  if ((resource == "limits.cpu" || resource == "requests.cpu") && canonical != "1m" &&
      canonical != "1")
    return bad("1m and 1 are supported with the cpu resource");
  const char* byte_list =
      "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the ";
  if ((resource == "limits.memory" || resource == "requests.memory") && !contains(bytes, canonical))
    return bad((std::string(byte_list) + "memory resource").c_str());
  if ((resource == "limits.ephemeral-storage" || resource == "requests.ephemeral-storage") &&
      !contains(bytes, canonical))
    return bad((std::string(byte_list) + "local ephemeral storage resource").c_str());
  bool huge_pages =
      resource.rfind("requests.hugepages-", 0) == 0 || resource.rfind("limits.hugepages-", 0) == 0;
  if (huge_pages && !contains(bytes, canonical))
    return bad((std::string(byte_list) + "hugepages resource").c_str());
  return {};
}

}  // namespace

error_list object_field_selector(const json& selector, downward_target target,
                                 const field_path& path) {
  auto api_version = text(selector, "apiVersion");
  auto field = text(selector, "fieldPath");
  if (api_version.empty()) return {required(path.child("apiVersion"))};
  if (field.empty()) return {required(path.child("fieldPath"))};
  std::string base = field, subscript;
  bool subscripted = split_subscript(field, base, subscript);
  std::string conversion_error;
  if (api_version != "v1")
    conversion_error = "unsupported pod version: " + api_version;
  else if (!contains(convertible_fields, base) ||
           (subscripted && base != "metadata.annotations" && base != "metadata.labels"))
    conversion_error = "field label not supported: " + field;
  if (!conversion_error.empty())
    return {invalid(path.child("fieldPath"), go_quote(field),
                    "error converting fieldPath: " + conversion_error)};
  if (subscripted) {
    if (base == "metadata.annotations") return qualified_name(lowercase(subscript), path);
    return qualified_name(subscript, path);
  }
  const auto& allowed = target == downward_target::environment ? environment_fields : volume_fields;
  if (!contains(allowed, base))
    return {not_supported(path.child("fieldPath"), go_quote(base), allowed)};
  return {};
}

error_list resource_field_selector(const json& selector, downward_target target,
                                   const field_path& path) {
  error_list errors;
  auto resource = text(selector, "resource");
  bool huge_pages =
      resource.rfind("requests.hugepages-", 0) == 0 || resource.rfind("limits.hugepages-", 0) == 0;
  if (target == downward_target::volume && text(selector, "containerName").empty())
    errors.push_back(required(path.child("containerName")));
  else if (resource.empty())
    errors.push_back(required(path.child("resource")));
  else if (!contains(container_resources, resource) && !huge_pages)
    errors.push_back(
        not_supported(path.child("resource"), go_quote(resource), container_resources));
  append(errors, divisor(resource, member(selector, "divisor"), path));
  return errors;
}

}  // namespace troupe::api::validation
