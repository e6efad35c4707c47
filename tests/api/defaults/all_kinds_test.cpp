// Proves the properties that hold for every built-in kind: defaulting twice
// equals defaulting once; a member of an unexpected JSON type is left as it
// is, wherever it sits, and nothing throws. Each kind's manifest
// (kind_manifests.hpp) reaches all of that kind's defaulting paths; the
// type test replaces each value of each manifest in turn with values of
// other types and checks the replaced value survives defaulting.
#include <catch2/catch.hpp>

#include <exception>
#include <string>
#include <vector>

#include "actors/api/core/defaults/api_defaults.hpp"
#include "actors/api/core/resource_registry.hpp"
#include "tests/api/defaults/defaults_test_support.hpp"
#include "tests/api/defaults/kind_manifests.hpp"

using troupe::api::apply_defaults;
using troupe::api::builtin_resources;
using troupe::api::test::defaulted_again;
using troupe::api::test::kind_manifests;
using json = nlohmann::json;

namespace {

// Every value's pointer in `document`, the root's included.
void collect_pointers(const json& value, const json::json_pointer& at,
                      std::vector<json::json_pointer>& pointers) {
  pointers.push_back(at);
  if (value.is_object())
    for (const auto& [key, member] : value.items()) collect_pointers(member, at / key, pointers);
  if (value.is_array())
    for (std::size_t index = 0; index < value.size(); ++index)
      collect_pointers(value[index], at / index, pointers);
}

struct kind_of {
  std::string api_version;
  std::string kind;
};

kind_of kind_of_manifest(const json& manifest) {
  return {manifest["apiVersion"].get<std::string>(), manifest["kind"].get<std::string>()};
}

// Calls `check(changed, pointer, kind)` for every manifest of
// kind_manifests.hpp with the value at each of its pointers replaced by
// each of `replacements` in turn.
template <typename Check>
void for_each_replacement(const std::vector<json>& replacements, Check&& check) {
  for (const auto& text : kind_manifests()) {
    auto manifest = json::parse(text);
    auto kind = kind_of_manifest(manifest);
    std::vector<json::json_pointer> pointers;
    collect_pointers(manifest, json::json_pointer(), pointers);
    for (const auto& pointer : pointers)
      for (const auto& replacement : replacements) {
        auto changed = manifest;
        changed[pointer] = replacement;
        check(changed, pointer, kind);
      }
  }
}

}  // namespace

TEST_CASE("every registered kind has a manifest here") {
  std::vector<kind_of> kinds;
  for (const auto& text : kind_manifests()) kinds.push_back(kind_of_manifest(json::parse(text)));
  for (const auto& resource : builtin_resources()) {
    bool found = false;
    for (const auto& kind : kinds)
      found = found || (kind.api_version == resource.api_version() && kind.kind == resource.kind);
    INFO(resource.api_version() << " " << resource.kind);
    CHECK(found);
  }
  CHECK(kinds.size() == builtin_resources().size());
}

TEST_CASE("defaulting any kind twice gives what defaulting it once gives") {
  for (const auto& text : kind_manifests()) {
    auto manifest = json::parse(text);
    auto kind = kind_of_manifest(manifest);
    INFO(kind.api_version << " " << kind.kind);
    auto once = defaulted_again(manifest, kind.api_version, kind.kind);
    CHECK(defaulted_again(once, kind.api_version, kind.kind) == once);
  }
}

TEST_CASE("defaulting an empty object of any kind twice gives what defaulting it once gives") {
  for (const auto& resource : builtin_resources()) {
    INFO(resource.api_version() << " " << resource.kind);
    auto once = defaulted_again(json::object(), resource.api_version(), resource.kind);
    CHECK(defaulted_again(once, resource.api_version(), resource.kind) == once);
  }
}

TEST_CASE("a value of an unexpected type anywhere in any kind is left as it is") {
  // None of these counts as unset (null, "", 0 and {} do), so none may change.
  const std::vector<json> replacements{json(7), json("x"), json(true), json(1.5), json({1})};
  std::vector<std::string> failures;
  for_each_replacement(replacements, [&](const json& changed, const json::json_pointer& pointer,
                                         const kind_of& kind) {
    if (pointer.empty() || pointer == "/apiVersion"_json_pointer || pointer == "/kind"_json_pointer)
      return;
    auto once = defaulted_again(changed, kind.api_version, kind.kind);
    bool kept = once.contains(pointer) && once[pointer] == changed[pointer];
    bool idempotent = defaulted_again(once, kind.api_version, kind.kind) == once;
    if (!kept || !idempotent)
      failures.push_back(kind.kind + " " + pointer.to_string() + " = " + changed[pointer].dump());
  });
  CHECK(failures == std::vector<std::string>{});
}

TEST_CASE(
    "unset-looking values anywhere in any kind are defaulted without throwing, idempotently") {
  const std::vector<json> replacements{json(nullptr), json(""), json(0), json::object(),
                                       json::array()};
  std::vector<std::string> failures;
  for_each_replacement(replacements, [&](const json& changed, const json::json_pointer& pointer,
                                         const kind_of& kind) {
    std::string what = kind.kind + " " + pointer.to_string() + " = " + changed[pointer].dump();
    try {
      auto once = defaulted_again(changed, kind.api_version, kind.kind);
      if (defaulted_again(once, kind.api_version, kind.kind) != once) failures.push_back(what);
    } catch (const std::exception& error) {
      failures.push_back(what + ": " + error.what());
    }
  });
  CHECK(failures == std::vector<std::string>{});
}

TEST_CASE("a top-level value that is not an object is left alone for every kind") {
  for (const auto& resource : builtin_resources())
    for (json value : {json(nullptr), json(3), json("pod"), json::array({json::object()})}) {
      auto before = value;
      apply_defaults(value, resource.api_version(), resource.kind);
      CHECK(value == before);
    }
}

TEST_CASE("wrong-typed members in a pod are kept while their siblings are defaulted") {
  auto pod = troupe::api::test::defaulted(R"({"apiVersion": "v1", "kind": "Pod",
    "metadata": {"name": "web"},
    "spec": {"containers": [{"name": "web", "image": 42, "ports": "80",
                             "resources": {"limits": "lots"}, "livenessProbe": []},
                            "not a container"],
             "volumes": {"name": "v"}, "securityContext": "none", "schedulerName": 5}})");
  CHECK(pod == troupe::api::test::document(R"({"apiVersion": "v1", "kind": "Pod",
    "metadata": {"name": "web"},
    "spec": {"containers": [{"name": "web", "image": 42, "ports": "80",
                             "resources": {"limits": "lots"}, "livenessProbe": [],
                             "terminationMessagePath": "/dev/termination-log",
                             "terminationMessagePolicy": "File"},
                            "not a container"],
             "volumes": {"name": "v"}, "securityContext": "none", "schedulerName": 5,
             "dnsPolicy": "ClusterFirst", "enableServiceLinks": true, "restartPolicy": "Always",
             "terminationGracePeriodSeconds": 30}})"));
}
