// How kube's field.Error prints a bad value (errors.go ErrorBody): strings
// as Go's %q, integers and booleans bare, nil pointers as "null", and
// maps, slices and structs in Go's %#v syntax. The one place that knows
// these spellings, so every validator prints values the same way.
// Pure; never throws; bounded (no unbounded recursion: selectors and
// string maps are flat by construction).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api::validation {

// strconv.Quote: "a\"b" -> "\"a\\\"b\"", control bytes and invalid UTF-8
// escaped (\n, \t, \x00, \u0085), printable UTF-8 kept.
std::string go_quote(std::string_view text);

// A decoded scalar as ErrorBody prints it: string quoted, number bare,
// boolean bare, null (a nil pointer) as "null". Arrays and objects print as
// their JSON text (kube would print a Go struct there).
std::string go_scalar(const nlohmann::json& value);

// %#v of map[string]string: map[string]string{"a":"b", "c":"d"} with sorted
// keys; a value that is not an object is the nil map map[string]string(nil).
std::string go_string_map(const nlohmann::json& value);

// %#v of []string: []string{"a", "b"}, or []string(nil).
std::string go_string_slice(const nlohmann::json& value);

// %#v of a metav1.LabelSelector (the struct a pointer points to), or "null"
// for a nil selector:
// v1.LabelSelector{MatchLabels:map[string]string{"app":"x"},
//   MatchExpressions:[]v1.LabelSelectorRequirement(nil)}
std::string go_label_selector(const nlohmann::json& selector);

// %#v of intstr.IntOrString: intstr.IntOrString{Type:1, IntVal:0, StrVal:"5%"}.
std::string go_int_or_string(const nlohmann::json& value);

// metav1.Time's String(): "2024-01-02 03:04:05 +0000 UTC" (kube decodes
// times into the server's zone; UTC here). The zero time when absent; an
// unparseable value prints quoted.
std::string go_time(const nlohmann::json& value);

}  // namespace troupe::api::validation
