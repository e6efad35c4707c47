// The stored-object envelope (stored_object.hpp), the object codec over it
// and the continue token: objects round-trip without their resourceVersion
// and read back with the key's revision inserted, with empty and non-empty
// metadata; envelopes this server did not write are refused, never thrown
// on; continue tokens round-trip in kube's format and foreign ones are
// refused with kube's wording. Pure functions, checked on exact bytes.
#include <catch2/catch.hpp>

#include <kj/encoding.h>

#include "actors/api/core/server/continue_token.hpp"
#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/stored_object.hpp"

using namespace troupe;
using namespace troupe::api;
using nlohmann::json;

namespace {

std::string base64_url(const std::string& text) {
  auto encoded = kj::encodeBase64Url(
      kj::arrayPtr(reinterpret_cast<const kj::byte*>(text.data()), text.size()));
  return std::string(encoded.cStr(), encoded.size());
}

std::string error_of(std::string_view token) {
  auto decoded = decode_continue_token(token);
  auto* error = std::get_if<std::string>(&decoded);
  return error ? *error : "(decoded)";
}

}  // namespace

TEST_CASE("an object is stored without its resourceVersion and sorted") {
  json object{{"kind", "ConfigMap"},
              {"metadata", {{"resourceVersion", "9"}, {"name", "a"}}},
              {"apiVersion", "v1"}};
  auto stored = make_stored_object(object);
  CHECK(stored.json == R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}})");
  CHECK(stored.resource_version_offset == 50);
  CHECK(stored.json[stored.resource_version_offset - 1] == '{');
}

TEST_CASE("a stored object's text is json::dump()'s, escapes and numbers included") {
  // make_stored_object writes members in place with nlohmann's serializer;
  // what it writes must be exactly what dump() writes.
  json object{
      {"data",
       {{"quote\"d", "tab\there \u00e9 \u2603 \\ /"},
        {"ctl", std::string("a\x01"
                            "b")}}},
      {"spec",
       {{"n", -12}, {"u", 18446744073709551615ULL}, {"f", 0.25}, {"list", {1, nullptr, true}}}},
      {"metadata", {{"name", "a"}, {"labels", {{"k\u00fc", "v"}}}}},
      {"status",
       {{"", ""},
        {"del", "\x7f"},
        {"empty", {json::object(), json::array(), {{"in", json::array({json::object()})}}}},
        {"slash\\key", "plain text, 100% printable: {}[]:~"}}}};
  auto stored = make_stored_object(object);
  CHECK(stored.json == object.dump());
  object["metadata"]["resourceVersion"] = "5";
  CHECK(make_stored_object(object).json == stored.json);
}

TEST_CASE("a stored object reads back with the resourceVersion first in its metadata") {
  auto stored = make_stored_object(json{{"metadata", {{"name", "a"}}}, {"data", {{"k", "v"}}}});
  CHECK(with_resource_version(stored, 42) ==
        R"({"data":{"k":"v"},"metadata":{"resourceVersion":"42","name":"a"}})");
}

TEST_CASE("an object with empty metadata reads back with only the resourceVersion") {
  auto stored = make_stored_object(json{{"kind", "Pod"}, {"metadata", json::object()}});
  CHECK(with_resource_version(stored, 7) == R"({"kind":"Pod","metadata":{"resourceVersion":"7"}})");
  auto only_version =
      make_stored_object(json{{"metadata", {{"resourceVersion", "3"}}}, {"spec", 1}});
  CHECK(with_resource_version(only_version, 8) ==
        R"({"metadata":{"resourceVersion":"8"},"spec":1})");
}

TEST_CASE("the envelope round-trips through its Cap'n Proto encoding") {
  auto stored = make_stored_object(json{{"metadata", {{"name", "a"}, {"uid", "u"}}}});
  auto decoded = decode_stored_object(encode_stored_object(stored));
  REQUIRE(std::holds_alternative<stored_object>(decoded));
  CHECK(std::get<stored_object>(decoded).json == stored.json);
  CHECK(std::get<stored_object>(decoded).resource_version_offset == stored.resource_version_offset);
}

TEST_CASE("a stored key-value reads as its object with the key's mod_revision") {
  json object{{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", "a"}}}};
  key_value stored{"/registry/core/configmaps/default/a", encode_object(object), 3, 17, 2};
  auto text = object_text_of(stored);
  REQUIRE(std::holds_alternative<std::string>(text));
  CHECK(std::get<std::string>(text) ==
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"resourceVersion":"17","name":"a"}})");
  auto parsed = object_of(stored);
  REQUIRE(std::holds_alternative<json>(parsed));
  CHECK(std::get<json>(parsed)["metadata"]["resourceVersion"] == "17");
}

TEST_CASE("bytes that are not an envelope are refused") {
  for (std::string bytes : {std::string(), std::string("{\"kind\":\"Pod\"}"), std::string(7, '\0'),
                            std::string(64, '\xff')}) {
    auto decoded = decode_stored_object(bytes);
    CHECK(std::holds_alternative<std::string>(decoded));
  }
}

TEST_CASE("an envelope whose offset is not just inside the metadata is refused") {
  stored_object wrong{R"({"metadata":{"name":"a"}})", 3};
  auto decoded = decode_stored_object(encode_stored_object(wrong));
  REQUIRE(std::holds_alternative<std::string>(decoded));
  CHECK(std::get<std::string>(decoded) ==
        "stored object: resource version offset 3 is not inside its metadata");
  stored_object beyond{R"({"metadata":{}})", 400};
  CHECK(std::holds_alternative<std::string>(decode_stored_object(encode_stored_object(beyond))));
}

TEST_CASE("a corrupt stored value is a 500 naming its key") {
  key_value stored{"/registry/core/configmaps/default/a", "garbage", 1, 1, 1};
  auto text = object_text_of(stored);
  REQUIRE(std::holds_alternative<api_failure>(text));
  const auto& status = std::get<api_failure>(text).status;
  CHECK(status["code"] == 500);
  CHECK(status["reason"] == "InternalError");
  CHECK(status["message"].get<std::string>().rfind(
            "Internal error occurred: the stored object at /registry/core/configmaps/default/a "
            "cannot be decoded: ",
            0) == 0);
}

TEST_CASE("a continue token is kube's base64url JSON and decodes to its position") {
  auto token = encode_continue_token({42, "default/web"});
  CHECK(token == base64_url(R"({"rv":42,"start":"default/web","v":"meta.k8s.io/v1"})"));
  auto decoded =
      decode_continue_token(encode_continue_token({42, std::string("default/web") + '\0'}));
  REQUIRE(std::holds_alternative<continue_position>(decoded));
  CHECK(std::get<continue_position>(decoded).revision == 42);
  CHECK(std::get<continue_position>(decoded).start == std::string("default/web") + '\0');
}

TEST_CASE("a continue token kube-apiserver made decodes here") {
  // base64url of {"v":"meta.k8s.io/v1","rv":1234,"start":"default/b\u0000"}, no padding.
  auto decoded = decode_continue_token(
      "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTIzNCwic3RhcnQiOiJkZWZhdWx0L2JcdTAwMDAifQ");
  REQUIRE(std::holds_alternative<continue_position>(decoded));
  CHECK(std::get<continue_position>(decoded).revision == 1234);
  CHECK(std::get<continue_position>(decoded).start == std::string("default/b") + '\0');
}

TEST_CASE("continue tokens this server did not make are refused with kube's wording") {
  CHECK(error_of(base64_url("[1,2]")) == "continue key is not valid: it is not a JSON object");
  CHECK(error_of(base64_url(R"({"v":"meta.k8s.io/v2","rv":1,"start":"a"})")) ==
        "continue key is not valid: server does not recognize this encoded version "
        "meta.k8s.io/v2");
  CHECK(error_of(base64_url(R"({"v":"meta.k8s.io/v1","rv":0,"start":"a"})")) ==
        "continue key is not valid: incorrect encoded start resourceVersion (version "
        "meta.k8s.io/v1)");
  CHECK(error_of(base64_url(R"({"v":"meta.k8s.io/v1","rv":"5","start":"a"})")) ==
        "continue key is not valid: incorrect encoded start resourceVersion (version "
        "meta.k8s.io/v1)");
  CHECK(error_of(base64_url(R"({"v":"meta.k8s.io/v1","rv":5,"start":""})")) ==
        "continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
  CHECK(error_of(base64_url(R"({"v":"meta.k8s.io/v1","rv":5,"start":"/etc"})")) ==
        "continue key is not valid: the start key may not go outside the list");
}

TEST_CASE("a continue token whose members have unexpected types is refused, not thrown on") {
  CHECK(error_of(base64_url(R"({"v":5,"rv":1,"start":"a"})")) ==
        "continue key is not valid: server does not recognize this encoded version 5");
  CHECK(error_of(base64_url(R"({"v":"meta.k8s.io/v1","rv":1,"start":7})")) ==
        "continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
}
