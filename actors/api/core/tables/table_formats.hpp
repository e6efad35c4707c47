// Cell texts shared by several kinds, each the Go function kube's printers
// (pkg/printers/internalversion, Kubernetes 1.32) call:
//   format_labels            labels.FormatLabels: "a=1,b=2" sorted, "<none>"
//   format_label_selector    metav1.FormatLabelSelector: "app=web", "<none>",
//                            "<error>" for a selector kube refuses
//   selector_text            LabelSelectorAsSelector(s).String(), "" for
//                            none, "<invalid>" (the Deployment printer)
//   container_names/images   layoutContainerCells: "web,sidecar"
//   quantity_text            resource.Quantity.String() (canonical form)
//   int_or_string_text       intstr.IntOrString.String()
//
// Contract: pure, never throws; values of the wrong JSON type read as Go's
// zero values (table_fields.hpp).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace troupe::api::tables {

std::string format_labels(const nlohmann::json& labels);
std::string format_label_selector(const nlohmann::json& selector);
std::string selector_text(const nlohmann::json& selector);

std::string container_names(const nlohmann::json& containers);
std::string container_images(const nlohmann::json& containers);

// A quantity member's canonical text: "0" for a missing quantity (a zero
// resource.Quantity), the text as written if it does not parse.
std::string quantity_text(const nlohmann::json& quantity);

std::string int_or_string_text(const nlohmann::json& value);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace troupe::api::tables
