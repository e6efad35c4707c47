// The wording of Kubernetes' field validation errors
// (k8s.io/apimachinery/pkg/util/validation), shared by every validator so
// messages read exactly as kube-apiserver's.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace troupe {

// MaxLenError: "must be no more than N characters".
std::string max_length_message(std::size_t length);

// RegexError: "<rule> (e.g. 'a',  or 'b', regex used for validation is
// '<regex>')"; the doubled space before "or" is Kubernetes' own.
std::string regex_message(std::string_view rule, std::string_view regex,
                          std::initializer_list<std::string_view> examples);

}  // namespace troupe
