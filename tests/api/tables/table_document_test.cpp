// The Table document itself, as kube-apiserver 1.32 serializes it
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go, watch.go,
// apimachinery meta/v1 Table types): kind and apiVersion, ListMeta, column
// definitions with every member present (format "" and priority 0 included),
// row objects per includeObject, watch rows without column definitions
// (null), and "rows": null for an empty default table. Each case builds a
// table through make_table and compares whole JSON values.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

json small_pod() {
  return {{"apiVersion", "v1"},
          {"kind", "Pod"},
          {"metadata",
           {{"name", "web-1"},
            {"namespace", "shop"},
            {"uid", "0b9a4ad5-0f00-4a35-8f1e-2c1f3b8f5a10"},
            {"resourceVersion", "417"},
            {"labels", {{"app", "web"}}},
            {"creationTimestamp", ago(300)}}},
          {"spec", {{"containers", json::array({{{"name", "web"}, {"image", "nginx:1.27"}}})}}},
          {"status", {{"phase", "Pending"}}}};
}

}  // namespace

TEST_CASE("a table names its kind and group and carries the list metadata", "[tables]") {
  table_request request{"v1", "Pod", table_include_object::none, true, now()};
  auto table = make_table(request, {small_pod()}, {"1234", "token-2", 7});
  CHECK(table["kind"] == "Table");
  CHECK(table["apiVersion"] == "meta.k8s.io/v1");
  CHECK(table["metadata"] ==
        json{{"resourceVersion", "1234"}, {"continue", "token-2"}, {"remainingItemCount", 7}});
}

TEST_CASE("empty list metadata is an empty object, and a zero remaining count is kept",
          "[tables]") {
  table_request request{"v1", "Pod", table_include_object::none, true, now()};
  CHECK(make_table(request, {}, {})["metadata"] == json::object());
  CHECK(make_table(request, {}, {"", "", 0})["metadata"] == json{{"remainingItemCount", 0}});
}

TEST_CASE("column definitions carry every member, format and priority included", "[tables]") {
  auto table = table_of("v1", "Pod", small_pod());
  const auto& columns = table["columnDefinitions"];
  REQUIRE(columns.size() == 9);
  CHECK(columns[0]["name"] == "Name");
  CHECK(columns[0]["type"] == "string");
  CHECK(columns[0]["format"] == "name");
  CHECK(columns[0]["priority"] == 0);
  CHECK(columns[0]["description"] ==
        "Name must be unique within a namespace. Is required when creating resources, although "
        "some resources may allow a client to request the generation of an appropriate name "
        "automatically. Name is primarily intended for creation idempotence and configuration "
        "definition. Cannot be updated. More info: "
        "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names");
  CHECK(columns[1] ==
        json{{"name", "Ready"},
             {"type", "string"},
             {"format", ""},
             {"description", "The aggregate readiness state of this pod for accepting traffic."},
             {"priority", 0}});
  CHECK(columns[4]["description"] ==
        "CreationTimestamp is a timestamp representing the server time when this object was "
        "created. It is not guaranteed to be set in happens-before order across separate "
        "operations. Clients may not set this value. It is represented in RFC3339 form and is in "
        "UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "
        "https://git.k8s.io/community/contributors/devel/sig-architecture/"
        "api-conventions.md#metadata");
  CHECK(columns[5]["name"] == "IP");
  CHECK(columns[5]["priority"] == 1);
}

TEST_CASE("a row's object is PartialObjectMetadata by default, with the whole metadata",
          "[tables]") {
  auto row = table_of("v1", "Pod", small_pod())["rows"][0];
  CHECK(row["object"] == json{{"kind", "PartialObjectMetadata"},
                              {"apiVersion", "meta.k8s.io/v1"},
                              {"metadata", small_pod()["metadata"]}});
  CHECK_FALSE(row.contains("conditions"));
}

TEST_CASE("partial metadata of an object without creationTimestamp has it null, as Go writes it",
          "[tables]") {
  json object = {{"metadata", {{"name", "bare"}}}};
  auto row = table_of("v1", "ConfigMap", object)["rows"][0];
  CHECK(row["object"]["metadata"] == json{{"name", "bare"}, {"creationTimestamp", nullptr}});
}

TEST_CASE("includeObject=Object puts the whole object, with its kind and apiVersion, in the row",
          "[tables]") {
  auto pod = small_pod();
  pod.erase("kind");
  auto row = table_of("v1", "Pod", pod, table_include_object::object)["rows"][0];
  auto expected = small_pod();
  CHECK(row["object"] == expected);
}

TEST_CASE("includeObject=None leaves a null object in each row", "[tables]") {
  auto row = table_of("v1", "Pod", small_pod(), table_include_object::none)["rows"][0];
  REQUIRE(row.contains("object"));
  CHECK(row["object"].is_null());
  CHECK(row["cells"][0] == "web-1");
}

TEST_CASE("watch events after the first carry rows with null column definitions", "[tables]") {
  table_request request{"v1", "Pod", table_include_object::metadata, false, now()};
  auto table = make_table(request, {small_pod()}, {"417", "", -1});
  REQUIRE(table.contains("columnDefinitions"));
  CHECK(table["columnDefinitions"].is_null());
  CHECK(table["metadata"] == json{{"resourceVersion", "417"}});
  CHECK(table["rows"][0]["cells"] ==
        json{"web-1", "0/1", "Pending", "0", "5m", "<none>", "<none>", "<none>", "<none>"});
}

TEST_CASE("an empty list of a printed kind has rows [], of the default table rows null",
          "[tables]") {
  table_request pods{"v1", "Pod", table_include_object::metadata, true, now()};
  CHECK(make_table(pods, {})["rows"] == json::array());
  table_request roles{"rbac.authorization.k8s.io/v1", "Role", table_include_object::metadata, true,
                      now()};
  auto table = make_table(roles, {});
  REQUIRE(table.contains("rows"));
  CHECK(table["rows"].is_null());
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Created At"});
}

TEST_CASE("rows keep the order of the objects given", "[tables]") {
  auto first = small_pod();
  auto second = small_pod();
  second["metadata"]["name"] = "web-2";
  table_request request{"v1", "Pod", table_include_object::none, true, now()};
  auto rows = make_table(request, {first, second})["rows"];
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["cells"][0] == "web-1");
  CHECK(rows[1]["cells"][0] == "web-2");
}

TEST_CASE("objects that are not JSON objects print as empty ones and never throw", "[tables]") {
  table_request request{"v1", "Pod", table_include_object::metadata, true, now()};
  auto table = make_table(request, {json(42), json::array({1, 2}), json("pod")});
  REQUIRE(table["rows"].size() == 3);
  CHECK(table["rows"][0]["cells"] ==
        json{"", "0/0", "", "0", "<unknown>", "<none>", "<none>", "<none>", "<none>"});
  CHECK(table["rows"][1]["object"]["metadata"] == json{{"creationTimestamp", nullptr}});
}

TEST_CASE("mistyped members read as Go zero values", "[tables]") {
  json deployment = {{"metadata", {{"name", 7}, {"creationTimestamp", 12}}},
                     {"spec", {{"replicas", "three"}, {"template", "none"}}},
                     {"status", {{"readyReplicas", 2.5}, {"updatedReplicas", true}}}};
  CHECK(cells_of("apps/v1", "Deployment", deployment) ==
        json{"", "0/0", 0, 0, "<unknown>", "", "", ""});
}

TEST_CASE("an object nesting deeper than the JSON depth limit gets cells but no row object",
          "[tables]") {
  auto pod = small_pod();
  json deep = json::object();
  for (int i = 0; i < 300; ++i) deep = json{{"nested", deep}};
  pod["metadata"]["annotations"] = {{"deep", "x"}};
  pod["spec"]["extra"] = deep;
  auto row = table_of("v1", "Pod", pod)["rows"][0];
  CHECK(row["cells"][0] == "web-1");
  CHECK(row["object"].is_null());
}
