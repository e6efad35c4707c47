// How strategic merge patch treats each field of a kind: the patchStrategy
// and patchMergeKey struct tags of k8s.io/api, as a tree of nodes (one node
// per Go struct type that matters), plus a registry of the built-in kinds.
//
// A field the schema does not name has no strategy: objects merge key by key,
// lists are replaced whole, scalars are replaced. Only fields that deviate
// from that (merged lists, replace-strategy maps) and the structs leading to
// them are recorded.
//
// Invariants:
//   1. Node 0 (patch_schema::root) always exists: the object itself.
//   2. A field's `node`, when set, is a valid index of the same schema; for a
//      list it describes the list's elements.
//   3. Merge strategy with a merge key: a list of objects merged by that key;
//      merge strategy without one: a list of scalars merged as a set.
// Thread-safety: a patch_schema is immutable once built; the registry is
// built on first use (thread-safe static) and never changes.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace troupe::api {

enum class patch_strategy {
  none,     // objects merge, lists and scalars are replaced
  merge,    // lists merge (by merge_key for objects, as a set for scalars)
  replace,  // objects are replaced whole
};

struct field_patch_meta {
  patch_strategy strategy = patch_strategy::none;
  // Kubernetes' "retainKeys" strategy: kubectl sends a $retainKeys directive
  // for such fields. Applying honours $retainKeys wherever it appears, so
  // this flag only documents the schema.
  bool retain_keys = false;
  std::string merge_key;
  std::optional<std::size_t> node;
};

class patch_schema {
 public:
  using node_index = std::size_t;
  static constexpr node_index root = 0;

  patch_schema() : nodes_(1) {}

  node_index add_node();
  // Precondition: `node` exists, and so does meta.node when set.
  void set_field(node_index node, std::string name, field_patch_meta meta);
  // nullptr when the field has no recorded strategy or schema.
  const field_patch_meta* find_field(node_index node, std::string_view name) const;
  // Every recorded field of `node`, by name. Precondition: `node` exists.
  const std::map<std::string, field_patch_meta, std::less<>>& fields(node_index node) const;

 private:
  std::vector<std::map<std::string, field_patch_meta, std::less<>>> nodes_;
};

// The schema of a built-in kind, by apiVersion ("apps/v1", "v1") and kind
// ("Deployment"); the version is ignored (strategies do not change between
// versions of the kinds registered). nullptr for unknown kinds, including
// every custom resource: Kubernetes refuses strategic merge patch for those.
const patch_schema* find_builtin_patch_schema(std::string_view api_version, std::string_view kind);

}  // namespace troupe::api
