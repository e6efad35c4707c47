// The watch cache (watch_cache.hpp): reset to a snapshot, apply store
// watch batches in order (puts, deletes, values that do not decode), serve
// objects by key and prefix, and hold a bounded history that drops whole
// revisions, so events_after answers every change after a revision at or
// above oldest_revision() and nothing (the caller's 410) below it. Cases
// feed the cache by hand-built batches and, through the harness, from a
// real store's events.
#include <catch2/catch.hpp>

#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/watch_cache.hpp"
#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

std::string configmap_key(std::string_view name) {
  return "/registry/core/configmaps/default/" + std::string(name);
}

key_value put_of(std::string_view name, std::int64_t revision, const json& data = json::object()) {
  auto object = configmap_manifest(name, data);
  object["metadata"]["namespace"] = "default";
  return key_value{configmap_key(name), encode_object(object), revision, revision, 1};
}

key_value delete_of(std::string_view name, std::int64_t revision) {
  return key_value{configmap_key(name), "", 0, revision, 0};
}

watch_events batch(std::vector<key_value> changes, std::int64_t revision) {
  return watch_events{1, std::move(changes), revision};
}

std::vector<std::int64_t> revisions_of(const std::vector<cache_event>& events) {
  std::vector<std::int64_t> revisions;
  for (const auto& event : events) revisions.push_back(event.revision);
  return revisions;
}

}  // namespace

TEST_CASE("a reset cache holds the snapshot at its revision with no history") {
  watch_cache cache(10);
  cache.reset({put_of("a", 3), put_of("b", 5)}, 8);
  CHECK(cache.size() == 2);
  CHECK(cache.revision() == 8);
  CHECK(cache.oldest_revision() == 8);
  REQUIRE(cache.get(configmap_key("a")));
  CHECK(cache.get(configmap_key("a"))->revision == 3);
  CHECK(cache.get(configmap_key("a"))->name == "a");
  CHECK(cache.get(configmap_key("a"))->namespace_name == "default");
  CHECK(cache.get(configmap_key("a"))->resource->kind == "ConfigMap");
  auto history = cache.events_after(8, "/registry/");
  REQUIRE(history);
  CHECK(history->empty());
}

TEST_CASE("a cached object reads as its JSON with the resourceVersion asked") {
  watch_cache cache(10);
  cache.reset({put_of("a", 3, {{"k", "v"}})}, 3);
  auto object = cache.get(configmap_key("a"));
  CHECK(
      object->text() ==
      R"({"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"resourceVersion":"3","name":"a","namespace":"default"}})");
  CHECK(json::parse(object->text(11))["metadata"]["resourceVersion"] == "11");
}

TEST_CASE("applied batches create, modify and delete objects with their previous states") {
  watch_cache cache(10);
  cache.reset({put_of("a", 2)}, 2);
  auto made = cache.apply(batch({put_of("b", 3), put_of("a", 3, {{"k", "v"}})}, 3));
  REQUIRE(made.size() == 2);
  CHECK(made[0].key == configmap_key("b"));
  CHECK_FALSE(made[0].previous);
  CHECK(made[0].object->revision == 3);
  CHECK(made[1].previous->revision == 2);
  CHECK(made[1].object->revision == 3);
  auto removed = cache.apply(batch({delete_of("a", 4)}, 4));
  REQUIRE(removed.size() == 1);
  CHECK_FALSE(removed[0].object);
  CHECK(removed[0].previous->revision == 3);
  CHECK_FALSE(cache.get(configmap_key("a")));
  CHECK(cache.size() == 1);
  CHECK(cache.revision() == 4);
}

TEST_CASE("a delete of a key the cache does not hold makes no event") {
  watch_cache cache(10);
  cache.reset({}, 1);
  CHECK(cache.apply(batch({delete_of("ghost", 2)}, 2)).empty());
  CHECK(cache.revision() == 2);
}

TEST_CASE("values that do not decode are skipped and counted") {
  watch_cache cache(10);
  cache.reset(
      {key_value{configmap_key("bad"), "garbage", 1, 1, 1},
       key_value{"/registry/unknown.io/things/x", encode_object(configmap_manifest("x")), 1, 1, 1}},
      1);
  CHECK(cache.size() == 0);
  CHECK(cache.undecodable() == 2);
  CHECK(cache.apply(batch({key_value{configmap_key("bad"), "garbage", 2, 2, 1}}, 2)).empty());
  CHECK(cache.undecodable() == 3);
  CHECK(cache.revision() == 2);
}

TEST_CASE("a batch with no change still moves the cache's revision") {
  watch_cache cache(10);
  cache.reset({}, 5);
  CHECK(cache.apply(batch({}, 9)).empty());
  CHECK(cache.revision() == 9);
}

TEST_CASE("lists by prefix come in key order and stop at the prefix's end") {
  watch_cache cache(10);
  auto other_namespace = put_of("z", 1);
  other_namespace.key = "/registry/core/configmaps/kube-system/z";
  cache.reset({put_of("c", 1), put_of("a", 1), other_namespace, put_of("b", 1)}, 1);
  std::vector<std::string> names;
  for (const auto& object : cache.list("/registry/core/configmaps/default/"))
    names.push_back(object->name);
  CHECK(names == std::vector<std::string>{"a", "b", "c"});
  CHECK(cache.list("/registry/core/configmaps/").size() == 4);
  CHECK(cache.list("/registry/core/secrets/").empty());
}

TEST_CASE("events_after answers the changes after a revision to keys under a prefix") {
  watch_cache cache(10);
  cache.reset({}, 1);
  cache.apply(batch({put_of("a", 2)}, 2));
  auto secret = put_of("s", 3);
  secret.key = "/registry/core/secrets/default/s";
  cache.apply(batch({secret}, 3));
  cache.apply(batch({put_of("b", 4)}, 4));
  auto after = cache.events_after(2, "/registry/core/configmaps/");
  REQUIRE(after);
  CHECK(revisions_of(*after) == std::vector<std::int64_t>{4});
  auto all = cache.events_after(1, "/registry/");
  REQUIRE(all);
  CHECK(revisions_of(*all) == std::vector<std::int64_t>{2, 3, 4});
}

TEST_CASE("the history bound drops whole revisions and raises oldest_revision") {
  watch_cache cache(3);
  cache.reset({}, 4);
  cache.apply(batch({put_of("a", 5), put_of("b", 5)}, 5));
  cache.apply(batch({put_of("c", 6)}, 6));
  CHECK(cache.oldest_revision() == 4);
  cache.apply(batch({put_of("d", 7)}, 7));
  // Four changes exceed three: both changes of revision 5 go together.
  CHECK(cache.oldest_revision() == 5);
  CHECK_FALSE(cache.events_after(4, "/registry/"));
  auto kept = cache.events_after(5, "/registry/");
  REQUIRE(kept);
  CHECK(revisions_of(*kept) == std::vector<std::int64_t>{6, 7});
  CHECK(cache.size() == 4);
}

TEST_CASE("a cache fed from the store's events matches the store") {
  operation_harness harness;
  create(harness, "/api/v1/namespaces/default/configmaps", configmap_manifest("a"));
  create(harness, "/api/v1/namespaces/default/pods", pod_manifest("web"));
  CHECK(harness.cache().revision() == harness.revision());
  auto cached = harness.cache().get(pod_key("default", "web"));
  REQUIRE(cached);
  CHECK(json::parse(cached->text()) == harness.stored(pod_key("default", "web")));
  CHECK(cached->resource->kind == "Pod");
  CHECK(cached->fields.at("status.phase") == "Pending");
  harness.run(make_request("delete", "/api/v1/namespaces/default/configmaps/a"));
  CHECK_FALSE(harness.cache().get("/registry/core/configmaps/default/a"));
  const auto& events = harness.cache_events();
  REQUIRE(events.size() == 5);
  CHECK(events.back().key == "/registry/core/configmaps/default/a");
  CHECK_FALSE(events.back().object);
  CHECK(events.back().revision == harness.revision());
}

TEST_CASE("an autoscaling/v1 object's key belongs to its v2 storage resource") {
  const auto* resource =
      resource_of_key("/registry/autoscaling/horizontalpodautoscalers/default/web");
  REQUIRE(resource);
  CHECK(resource->api_version() == "autoscaling/v2");
  CHECK(resource_of_key("/registry/core/pods/default/web")->kind == "Pod");
  CHECK(resource_of_key("/registry/core/nodes/worker-1")->kind == "Node");
  CHECK_FALSE(resource_of_key("/registry/core/widgets/x"));
  CHECK_FALSE(resource_of_key("/elsewhere/core/pods/default/web"));
  CHECK_FALSE(resource_of_key("/registry/"));
}
