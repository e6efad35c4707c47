// The memo of this api's writes (write_memo.hpp): an event matches the
// object written by the revision its answer gave or, before the answer, by
// the stored bytes; each object is handed out once; other writers' changes,
// refused writes, newer writes of the same key and a full memo all leave the
// event to be decoded.
#include <catch2/catch.hpp>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/write_memo.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const std::string key = "/registry/core/configmaps/default/a";

json object_with(const std::string& value) {
  auto object = configmap_manifest("a", {{"k", value}});
  object["metadata"]["namespace"] = "default";
  return object;
}

// What the api prepares for a write of `value` to the key.
std::shared_ptr<cached_object> written(const std::string& value) {
  auto object = object_with(value);
  const auto* resource = find_resource("", "v1", "configmaps");
  REQUIRE(resource);
  return describe_written_object(key, *resource, make_stored_object(object), object);
}

// The store's event of that write at `revision`.
key_value event_of(const std::string& value, std::int64_t revision) {
  return key_value{key, encode_object(object_with(value)), revision, revision, 1};
}

}  // namespace

TEST_CASE("an event after the answer matches by revision, once") {
  write_memo memo(10);
  auto write = written("v");
  memo.expect(write);
  memo.answered(write, 7, 5);
  CHECK_FALSE(memo.match(event_of("v", 6)));  // someone else's, before ours
  auto matched = memo.match(event_of("v", 7));
  CHECK(matched == write);
  CHECK(matched->revision == 7);
  CHECK(memo.size() == 0);
  CHECK_FALSE(memo.match(event_of("v", 7)));
}

TEST_CASE("an event before the answer matches by the stored bytes") {
  write_memo memo(10);
  auto write = written("v");
  memo.expect(write);
  CHECK_FALSE(memo.match(event_of("other", 4)));  // another writer's value
  auto matched = memo.match(event_of("v", 5));
  REQUIRE(matched == write);
  CHECK(matched->revision == 5);
  // The answer that follows finds nothing to change.
  memo.answered(write, 5, 5);
  CHECK(matched->revision == 5);
  CHECK(memo.size() == 0);
}

TEST_CASE("refused, failed and already applied writes are forgotten") {
  write_memo memo(10);
  auto refused = written("v");
  memo.expect(refused);
  memo.answered(refused, std::nullopt, 3);
  CHECK(memo.size() == 0);
  CHECK_FALSE(memo.match(event_of("v", 4)));

  auto seen = written("w");
  memo.expect(seen);
  memo.answered(seen, 6, 6);  // the cache is at its revision: decoded already
  CHECK(memo.size() == 0);
}

TEST_CASE("a newer write of the key replaces the older one's entry") {
  write_memo memo(10);
  auto first = written("one");
  auto second = written("two");
  memo.expect(first);
  memo.expect(second);
  CHECK(memo.size() == 1);
  CHECK_FALSE(memo.match(event_of("one", 4)));  // decoded
  memo.answered(first, 4, 3);                   // not the entry any more
  CHECK(second->revision == 0);
  CHECK(memo.match(event_of("two", 5)) == second);
}

TEST_CASE("an answered entry whose event was missed goes at the next change of its key") {
  write_memo memo(10);
  auto write = written("v");
  memo.expect(write);
  memo.answered(write, 4, 3);
  CHECK_FALSE(memo.match(event_of("v", 6)));
  CHECK(memo.size() == 0);
}

TEST_CASE("a full memo remembers no more writes") {
  write_memo memo(1);
  auto write = written("v");
  memo.expect(write);
  auto other = written("w");
  other->key = "/registry/core/configmaps/default/b";
  memo.expect(other);
  CHECK(memo.size() == 1);
  CHECK(memo.match(event_of("v", 2)) == write);
}
