// Internals of strategic_merge_patch.cpp, shared with the list half: merging
// lists (by merge key, or as sets of scalars), $patch elements inside lists,
// $deleteFromPrimitiveList and $setElementOrder ordering. Not a public API:
// include strategic_merge_patch.hpp instead.
//
// Ordering follows k8s.io/apimachinery's strategicpatch (normalizeElementOrder
// and mergeSortedSlice): the items named by the patch (or by $setElementOrder)
// keep the patch's order, the server-only items keep their order in the live
// list, and the two sequences are interleaved by their live positions; an
// item the live list does not hold is placed as soon as it is compared, so a
// new item lands before the server-only items that follow the last matched
// one (a patch that only adds puts the new items first, as kube does).
//
// Every function leaves `original` unspecified when it returns an error; the
// caller discards the whole result then.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "actors/api/core/patch_error.hpp"
#include "actors/api/core/patch_strategies.hpp"

namespace troupe::api::smp {

using json = nlohmann::json;
using step = std::optional<patch_error>;

constexpr std::string_view patch_directive = "$patch";
constexpr std::string_view retain_keys_directive = "$retainKeys";
constexpr std::string_view set_element_order_prefix = "$setElementOrder";
constexpr std::string_view delete_from_primitive_list_prefix = "$deleteFromPrimitiveList";

// Where in the schema and in the document a merge is.
struct position {
  const patch_schema* schema = nullptr;
  std::optional<patch_schema::node_index> node;
  std::string path;  // "spec.template.spec.containers[name=nginx]"; "" at the root

  const field_patch_meta* field(std::string_view name) const;
  // The position of a member; `meta` is its schema entry (may be nullptr).
  position member(std::string_view name, const field_patch_meta* meta) const;
  patch_error error(patch_error_kind kind, std::string_view message) const;
};

// Makes a patch value fit to store where the live object has nothing to
// merge with, as kube's removeDirectives + discardNullValuesFromPatch (and
// its typed decoding) do: drops null members, directive members and list
// elements or members that are maps carrying "$patch". False when the value
// itself carries "$patch" and must not be stored at all.
bool strip_directives(json& value);

// Defined in strategic_merge_patch.cpp: merges object `patch` into object
// `original` (directives included).
step merge_map(json& original, const json& patch, const position& where);

// Merges list `patch` into list `original` for a field with merge strategy.
step merge_list(json& original, const json& patch, const position& where,
                const std::string& merge_key);

// $deleteFromPrimitiveList/<field>: removes every value in `values`.
step delete_from_primitive_list(json& original, const json& values, const position& where);

// $setElementOrder/<field> for the list `name` of object `original` against
// object `patch`; merges that list too (so the caller skips `name`).
step apply_set_element_order(json& original, const json& patch, std::string_view name,
                             const json& order, const position& where);

}  // namespace troupe::api::smp
