// SetDefaults_ResourceList: kube rounds every quantity of a resource list
// (container limits and requests, pod overhead, claim and volume capacities,
// node capacity) up, away from zero, to thousandths: "0.5m" and "100n"
// become "1m". A rounded value is written in kube's canonical form; a value
// already whole in thousandths keeps its text, so does anything that is not
// a quantity (validation reports it) and a value too large to count in
// thousandths within 64 bits.
// Pure; never throws.
#pragma once

#include <nlohmann/json.hpp>

namespace troupe::api::defaults {

// `list` is the resource list object ({"cpu": "100m", ...}); anything else is
// left alone.
void round_resource_list(nlohmann::json& list);

}  // namespace troupe::api::defaults
