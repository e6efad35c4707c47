// Kubernetes object-name rules, with Kubernetes' exact error wording.
//
// Contract: every function returns the messages Kubernetes would return for
// the value (k8s.io/apimachinery pkg/util/validation and pkg/api/validation),
// in the same order; an empty vector means the value is valid. Messages never
// quote the value, so callers may prefix them with a field path and the value
// as kube's field.Invalid does. Lengths are counted in bytes, as Go does.
// Pure functions of their input: no CAF, no I/O, no allocation beyond the
// result, linear in the input length.
//
// Which kind uses which rule (Pod: subdomain, Namespace: label, Role: path
// segment, ...) is the API layer's business; this file only provides the rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace troupe {

/// DNS (RFC 1123) limits, as kube's DNS1123LabelMaxLength etc.
constexpr std::size_t dns1123_label_bytes_max = 63;
constexpr std::size_t dns1123_subdomain_bytes_max = 253;
constexpr std::size_t dns1035_label_bytes_max = 63;

/// IsDNS1123Label: at most 63 bytes of [a-z0-9-], starting and ending with
/// [a-z0-9]. A valid subdomain with dots gets "must not contain dots".
std::vector<std::string> dns1123_label_errors(std::string_view value);

/// IsDNS1123Subdomain: at most 253 bytes; one or more RFC 1123 labels joined
/// by '.'.
std::vector<std::string> dns1123_subdomain_errors(std::string_view value);

/// IsDNS1035Label: like a DNS-1123 label, but must start with a letter.
std::vector<std::string> dns1035_label_errors(std::string_view value);

/// Whether a value is a complete object name or a `metadata.generateName`
/// prefix (to which the server appends a random suffix).
enum class name_form : std::uint8_t { name, generate_name_prefix };

/// The signature shared by the name rules below (kube's ValidateNameFunc).
using name_rule = std::vector<std::string> (*)(std::string_view name, name_form form);

/// NameIsDNSSubdomain / NameIsDNSLabel / NameIsDNS1035Label. For a prefix,
/// a trailing '-' is first masked as kube's maskTrailingDash does: the last
/// two bytes are replaced by "a" (kube's slice drops two; reproduced because
/// it decides which prefixes validate). A prefix that is exactly "-" (which
/// makes kube's slice panic) is validated as the empty string, so it fails.
std::vector<std::string> dns_subdomain_name_errors(std::string_view name, name_form form);
std::vector<std::string> dns_label_name_errors(std::string_view name, name_form form);
std::vector<std::string> dns1035_label_name_errors(std::string_view name, name_form form);

/// ValidatePathSegmentName: a name may not be "." or ".." (checked for whole
/// names only, since a suffix can make a prefix legal) nor contain '/' or '%'.
/// The only rule of RBAC names; the store applies it to every key name.
std::vector<std::string> path_segment_name_errors(std::string_view name, name_form form);

}  // namespace troupe
