// Proves that validation never throws or crashes on arbitrary JSON: a few
// hundred objects mutated from the valid fixtures (values replaced by
// values of other JSON types, members deleted, lists emptied or grown),
// driven by a fixed seed so a failure replays, go through create, update
// and status validation. Objects nested too deep are refused, not recursed.
#include <catch2/catch.hpp>

#include <random>

#include "actors/api/core/validation/api_validation.hpp"
#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

namespace {

constexpr unsigned fuzz_seed = 20241201;
constexpr int objects_per_kind = 16;
constexpr int mutations_per_object = 6;

json random_value(std::mt19937& random) {
  switch (random() % 9) {
    case 0:
      return nullptr;
    case 1:
      return static_cast<int>(random() % 200000) - 100000;
    case 2:
      return -9223372036854775807LL;
    case 3:
      return 1.5e300;
    case 4:
      return random() % 2 == 0;
    case 5:
      return std::string(random() % 3 == 0 ? 300 : 3, static_cast<char>('a' + random() % 26));
    case 6:
      return json::array({random() % 5, "x", nullptr});
    case 7:
      return json::object({{"key", "value"}, {"n", -1}});
    default:
      return "\xff\xfe-1Gi/..";
  }
}

// Picks a random member or element of `value`, descending a few levels.
json* random_place(json& value, std::mt19937& random) {
  json* current = &value;
  for (int depth = 0; depth < 8 && current->is_structured() && !current->empty(); ++depth) {
    if (random() % 4 == 0) break;
    auto index = random() % current->size();
    auto it = current->begin();
    std::advance(it, static_cast<long>(index));
    current = &*it;
  }
  return current;
}

void mutate(json& object, std::mt19937& random) {
  json* place = random_place(object, random);
  switch (random() % 4) {
    case 0:
      *place = random_value(random);
      break;
    case 1:
      if (place->is_object() && !place->empty()) place->erase(place->begin());
      break;
    case 2:
      if (place->is_array()) place->push_back(random_value(random));
      break;
    default:
      if (place->is_structured()) place->clear();
      break;
  }
}

}  // namespace

TEST_CASE("validation never throws on mutated objects of every kind") {
  std::mt19937 random(fuzz_seed);
  int validated = 0;
  for (const auto& fixture : every_kind()) {
    auto api_version = fixture["apiVersion"].get<std::string>();
    auto kind = fixture["kind"].get<std::string>();
    auto original = stored(fixture);
    for (int i = 0; i < objects_per_kind; ++i) {
      json object = original;
      for (int m = 0; m < mutations_per_object; ++m) mutate(object, random);
      // The mutated object keeps its identity so the kind's rules run.
      if (object.is_object()) {
        object["apiVersion"] = api_version;
        object["kind"] = kind;
      }
      CHECK_NOTHROW(validate_create(object, api_version, kind));
      CHECK_NOTHROW(validate_update(object, original, api_version, kind));
      CHECK_NOTHROW(validate_update(original, object, api_version, kind));
      CHECK_NOTHROW(validate_status_update(object, original, api_version, kind));
      ++validated;
    }
  }
  CHECK(validated == 26 * objects_per_kind);
}

TEST_CASE("validation of values of the wrong JSON type at the top never throws") {
  for (const json& value : {json(), json(1), json("pod"), json::array({1, 2}), json::object()}) {
    CHECK_NOTHROW(validate_create(value, "v1", "Pod"));
    CHECK_NOTHROW(validate_update(value, value, "apps/v1", "Deployment"));
    CHECK_NOTHROW(validate_status_update(value, pod(), "v1", "Pod"));
  }
}

TEST_CASE("an object nested deeper than the JSON depth limit is refused without recursing") {
  auto object = pod();
  json deep = json::object();
  json* inner = &deep;
  for (int i = 0; i < 300; ++i) inner = &((*inner)["x"] = json::object());
  object["spec"]["unknownDeep"] = deep;
  auto causes = rendered(validate_create(object, "v1", "Pod"));
  CHECK(causes == std::vector<std::string>{"[]: Forbidden: object nests deeper than 256 levels"});
}

}  // namespace troupe::api::validation_test
