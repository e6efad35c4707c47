// Validation of Kubernetes label keys, label values and annotations, with
// the exact wording of k8s.io/apimachinery/pkg/util/validation (the release
// kubectl 1.32 talks to), so messages read the same as kube-apiserver's.
//
// Contract (pure, no allocation beyond the returned messages, never throws):
//   - Each `validate_*` returns one message per broken rule, in Kubernetes'
//     order; an empty vector means valid. Callers join them with "; " (as
//     label selectors do) or report each as a field cause.
//   - A label key is a "qualified name": an optional prefix (a DNS-1123
//     subdomain of at most 253 bytes) and "/", then a name of 1 to 63 bytes of
//     [A-Za-z0-9-_.] that starts and ends alphanumeric.
//   - A label value is empty or a name as above (at most 63 bytes).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace troupe {

// Kubernetes' limits (validation.go): the name part of a qualified name and
// a label value. The prefix of a qualified name is a DNS-1123 subdomain
// (object_names.hpp).
constexpr std::size_t label_name_bytes_max = 63;
constexpr std::size_t label_value_bytes_max = 63;
// ObjectMeta validation: keys plus values of all annotations (256 KiB).
constexpr std::size_t annotations_total_bytes_max = 256 * 1024;

// IsQualifiedName: the rules for label keys (and annotation keys, lowercased).
std::vector<std::string> validate_qualified_name(std::string_view value);

// IsValidLabelValue.
std::vector<std::string> validate_label_value(std::string_view value);

// ValidateAnnotations' key rule: the lowercased key is a qualified name.
std::vector<std::string> validate_annotation_key(std::string_view key);

// ValidateAnnotationsSize: the detail of the "Too long" error when the keys
// and values of `annotations` add up to more than 256 KiB, else nothing.
std::optional<std::string> validate_annotations_size(
    const std::map<std::string, std::string>& annotations);

// Joins messages with `separator` ("; " for selectors, as Kubernetes does).
std::string join_messages(const std::vector<std::string>& messages, std::string_view separator);

}  // namespace troupe
