// Proves that negotiate() picks a Table exactly where kube-apiserver would
// answer one: the Accept headers real kubectl 1.32 sends (get: Table v1,
// then v1beta1, then JSON; -o yaml/json: plain JSON; typed clients:
// protobuf then JSON), the first acceptable range winning, ranges for the
// PartialObjectMetadata views (not served) skipped, parameters in any order
// and spacing; and that includeObject picks what each row's object holds.
#include <catch2/catch.hpp>

#include "actors/gateway/core/response_format.hpp"

using namespace troupe::gateway;
using troupe::api::query_parameters;
using troupe::api::table_include_object;

namespace {

// kubectl get's header (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go).
constexpr std::string_view kubectl_get =
    "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s."
    "io,application/json";

bool table(std::string_view accept) {
  return negotiate(accept, {}).table;
}

}  // namespace

TEST_CASE("kubectl get's Accept header asks for a Table with row objects as metadata") {
  auto format = negotiate(kubectl_get, {});
  CHECK(format.table);
  CHECK(format.include_object == table_include_object::metadata);
}

TEST_CASE("kubectl -o yaml, -o json and -o name ask for plain JSON") {
  CHECK_FALSE(table("application/json"));
}

TEST_CASE("a typed client's protobuf-then-JSON Accept gets plain JSON") {
  CHECK_FALSE(table("application/vnd.kubernetes.protobuf,application/json"));
  CHECK_FALSE(table("application/vnd.kubernetes.protobuf, */*"));
}

TEST_CASE("no Accept header, or any type, gets plain JSON") {
  CHECK_FALSE(table(""));
  CHECK_FALSE(table("*/*"));
  CHECK_FALSE(table("application/*"));
}

TEST_CASE("a Table of meta.k8s.io/v1beta1 alone is a Table") {
  CHECK(table("application/json;as=Table;v=v1beta1;g=meta.k8s.io"));
}

TEST_CASE("the first acceptable range wins: JSON before a Table is plain JSON") {
  CHECK_FALSE(table("application/json,application/json;as=Table;v=v1;g=meta.k8s.io"));
  CHECK_FALSE(table("*/*,application/json;as=Table;v=v1;g=meta.k8s.io"));
}

TEST_CASE("PartialObjectMetadata ranges are skipped for the next range") {
  CHECK_FALSE(
      table("application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json"));
  CHECK_FALSE(
      table("application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io,application/json"));
  CHECK(
      table("application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/"
            "json;as=Table;v=v1;g=meta.k8s.io,application/json"));
}

TEST_CASE("a Table range of another group or version, or without them, is skipped") {
  CHECK_FALSE(table("application/json;as=Table;v=v1;g=example.com,application/json"));
  CHECK_FALSE(table("application/json;as=Table;v=v2;g=meta.k8s.io,application/json"));
  CHECK_FALSE(table("application/json;as=Table;g=meta.k8s.io,application/json"));
  CHECK_FALSE(table("application/json;as=Table;v=v1,application/json"));
  CHECK_FALSE(table("application/json;as=Table"));
}

TEST_CASE("a Table range for another media type is skipped") {
  CHECK_FALSE(table("application/yaml;as=Table;v=v1;g=meta.k8s.io,application/json"));
  CHECK_FALSE(table("application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io"));
}

TEST_CASE("parameters may come in any order, with spaces, and the type in any case") {
  CHECK(table("application/json; g=meta.k8s.io; v=v1; as=Table"));
  CHECK(table(" Application/JSON ;as=Table;v=v1;g=meta.k8s.io , application/json"));
  CHECK(table("text/html, application/json;q=0.9;as=Table;v=v1;g=meta.k8s.io"));
}

TEST_CASE("includeObject picks each row's object: None, Object, Metadata, Metadata by default") {
  auto include = [](std::string value) {
    return negotiate(kubectl_get, query_parameters{{"includeObject", std::move(value)}})
        .include_object;
  };
  CHECK(include("None") == table_include_object::none);
  CHECK(include("Object") == table_include_object::object);
  CHECK(include("Metadata") == table_include_object::metadata);
  CHECK(negotiate(kubectl_get, query_parameters{{"limit", "500"}}).include_object ==
        table_include_object::metadata);
}

TEST_CASE("kubectl get --sort-by adds includeObject=Object, which the first value decides") {
  auto format = negotiate(kubectl_get,
                          query_parameters{{"includeObject", "Object"}, {"includeObject", "None"}});
  CHECK(format.table);
  CHECK(format.include_object == table_include_object::object);
}
