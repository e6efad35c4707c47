// meta.k8s.io/v1 Table answers (Accept: application/json;as=Table;v=v1;
// g=meta.k8s.io): the columns kube-apiserver prints for each built-in kind
// (pkg/printers/internalversion in Kubernetes 1.32), so `kubectl get` shows
// exactly what it shows against Kubernetes: pods NAME READY STATUS RESTARTS
// AGE, with -o wide IP NODE NOMINATED NODE READINESS GATES; deployments NAME
// READY UP-TO-DATE AVAILABLE AGE; ...
// Pure: `now` is an input (for AGE and other durations); never throws on any
// JSON input (missing or mistyped members print as kube prints them absent).
//
// The document, as kube-apiserver serializes it:
//   {"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{ListMeta},
//    "columnDefinitions":[{name,type,format,description,priority}] or null,
//    "rows":[{"cells":[...],"conditions":[...] (pods that ended),
//             "object":{...} or null}]}
// Every column is present in every answer, the wide ones (priority 1)
// included: kube computes them all and kubectl hides them without -o wide.
// kubectl -A and --show-labels read the namespace and labels from each row's
// object, so they need include_object metadata (or object).
//
// For one object (GET of a name, or a watch event) pass it alone and its
// metadata.resourceVersion as list_meta.resource_version, as kube does.
// Objects are printed as stored (defaulted); a member kube's defaulting would
// fill in prints as Go's zero value when missing. A row's object is null,
// whatever include_object asks, for an object nesting deeper than
// json_depth_max (json_limits.hpp): such objects are never stored.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace troupe::api {

// What each row's `object` holds (the includeObject query parameter).
enum class table_include_object {
  none,      // "None": no object
  metadata,  // "Metadata" (kube's default): a meta.k8s.io/v1 PartialObjectMetadata
  object,    // "Object": the whole object
};

struct table_request {
  std::string_view api_version;  // of the objects: "v1", "apps/v1"
  std::string_view kind;         // "Pod"
  table_include_object include_object = table_include_object::metadata;
  // Watch events after the first carry rows only (no columnDefinitions), as
  // kube sends them.
  bool column_definitions = true;
  std::chrono::system_clock::time_point now;
};

// The list metadata of the answer (ListMeta).
struct table_list_meta {
  std::string resource_version;
  std::string continue_token;
  std::int64_t remaining_item_count = -1;  // < 0: absent
};

// A Table of `objects` (each a whole object of the kind, in order). Unknown
// kinds get kube's default columns: Name, Created At.
nlohmann::json make_table(const table_request& request, const std::vector<nlohmann::json>& objects,
                          const table_list_meta& list_meta = {});

}  // namespace troupe::api
