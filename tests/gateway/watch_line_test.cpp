// Proves the shape of each line of a watch stream: plain JSON passes the
// object's text through untouched as {"type":..,"object":..} and a newline;
// with a Table asked for (kubectl get -w), ADDED, MODIFIED and DELETED carry
// a one-row Table of the object with the event's resourceVersion, column
// definitions in the first event only (null after, as kube sends them),
// while BOOKMARK and ERROR objects pass as they are.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "actors/gateway/core/response_format.hpp"

using namespace troupe;
using namespace troupe::gateway;
using nlohmann::json;

namespace {

std::chrono::system_clock::time_point now() {
  using namespace std::chrono;
  return sys_days{year{2024} / June / 1} + hours{12};
}

const api::resource_info& pods() {
  const auto* found = api::find_resource("", "v1", "pods");
  REQUIRE(found != nullptr);
  return *found;
}

const std::string pod_text =
    R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0","namespace":"default",)"
    R"("resourceVersion":"77","creationTimestamp":"2024-06-01T11:59:00Z"},)"
    R"("spec":{"containers":[{"name":"app","image":"nginx"}]},"status":{"phase":"Pending"}})";

api_watch_event event_of(std::string type, std::string object = pod_text) {
  return {std::move(type), std::move(object), 77};
}

const response_format as_table{true, api::table_include_object::metadata};

// The line without its newline, parsed.
json parsed(const std::string& line) {
  REQUIRE(!line.empty());
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  return json::parse(line.substr(0, line.size() - 1));
}

}  // namespace

TEST_CASE("a plain JSON watch line carries the object's text untouched") {
  for (std::string type : {"ADDED", "MODIFIED", "DELETED"})
    CHECK(watch_line(event_of(type), pods(), response_format{}, true, now()) ==
          R"({"type":")" + type + R"(","object":)" + pod_text + "}\n");
}

TEST_CASE("a Table watch line carries a one-row Table with column definitions in the first event") {
  auto line = parsed(watch_line(event_of("ADDED"), pods(), as_table, true, now()));
  CHECK(line["type"] == "ADDED");
  auto table = line["object"];
  CHECK(table["kind"] == "Table");
  CHECK(table["apiVersion"] == "meta.k8s.io/v1");
  CHECK(table["metadata"] == json{{"resourceVersion", "77"}});
  REQUIRE(table["columnDefinitions"].is_array());
  CHECK(table["columnDefinitions"].size() == 9);
  CHECK(table["columnDefinitions"][0]["name"] == "Name");
  REQUIRE(table["rows"].size() == 1);
  CHECK(table["rows"][0]["cells"] ==
        json{"web-0", "0/1", "Pending", "0", "60s", "<none>", "<none>", "<none>", "<none>"});
  CHECK(table["rows"][0]["object"]["kind"] == "PartialObjectMetadata");
  CHECK(table["rows"][0]["object"]["metadata"]["name"] == "web-0");
}

TEST_CASE("Table watch lines after the first carry null column definitions") {
  for (std::string type : {"ADDED", "MODIFIED", "DELETED"}) {
    auto line = parsed(watch_line(event_of(type), pods(), as_table, false, now()));
    CHECK(line["type"] == type);
    CHECK(line["object"]["kind"] == "Table");
    CHECK(line["object"].contains("columnDefinitions"));
    CHECK(line["object"]["columnDefinitions"].is_null());
    CHECK(line["object"]["rows"].size() == 1);
  }
}

TEST_CASE("BOOKMARK and ERROR objects pass as they are, Table or not") {
  const std::string bookmark =
      R"({"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"90","annotations":)"
      R"({"k8s.io/initial-events-end":"true"}}})";
  const std::string expired =
      R"json({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":)json"
      R"json("too old resource version: 5 (40)","reason":"Expired","code":410})json";
  for (const auto& format : {as_table, response_format{}}) {
    CHECK(watch_line(event_of("BOOKMARK", bookmark), pods(), format, true, now()) ==
          R"({"type":"BOOKMARK","object":)" + bookmark + "}\n");
    CHECK(watch_line(event_of("ERROR", expired), pods(), format, false, now()) ==
          R"({"type":"ERROR","object":)" + expired + "}\n");
  }
}

TEST_CASE("a Table watch line of an object that is not JSON does not throw") {
  CHECK_NOTHROW(watch_line(event_of("ADDED", "{broken"), pods(), as_table, true, now()));
}
