// Event rows as kube 1.32's printEvent computes them: LAST SEEN TYPE REASON
// OBJECT MESSAGE and the wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME, with
// its fallbacks for events of the new API (eventTime for a missing first
// timestamp, series for last seen and count, a singleton counting one,
// reportingComponent/reportingInstance for the source). Cases after
// printers_test.go TestPrintEvent.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

constexpr std::int64_t day = 86'400;

json event() {
  return {{"metadata",
           {{"name", "event2"}, {"namespace", "default"}, {"creationTimestamp", ago(2 * day)}}},
          {"involvedObject",
           {{"kind", "Deployment"},
            {"name", "Deployment Name"},
            {"fieldPath", "spec.containers{foo}"}}},
          {"source", {{"component", "kubelet"}, {"host", "Node1"}}},
          {"reason", "Event Reason"},
          {"message", "Message Data"},
          {"firstTimestamp", ago(3 * day)},
          {"lastTimestamp", ago(2 * day)},
          {"count", 6},
          {"type", "Warning"}};
}

}  // namespace

TEST_CASE("an event's columns are kube 1.32's, the wide ones last but NAME among them",
          "[tables][event]") {
  auto table = table_of("v1", "Event", event());
  CHECK(column_names(table) == std::vector<std::string>{"Last Seen", "Type", "Reason", "Object",
                                                        "Subobject", "Source", "Message",
                                                        "First Seen", "Count", "Name"});
  std::vector<int> priorities;
  for (const auto& column : table["columnDefinitions"]) priorities.push_back(column["priority"]);
  CHECK(priorities == std::vector<int>{0, 0, 0, 0, 1, 1, 0, 1, 1, 1});
  CHECK(table["columnDefinitions"][9]["format"] == "name");
  CHECK(table["columnDefinitions"][8]["type"] == "string");
}

TEST_CASE("an event shows when it was last and first seen, its object and its source",
          "[tables][event]") {
  CHECK(cells_of("v1", "Event", event()) ==
        json{"2d", "Warning", "Event Reason", "deployment/Deployment Name", "spec.containers{foo}",
             "kubelet, Node1", "Message Data", "3d", 6, "event2"});
}

TEST_CASE("without a first timestamp the event time counts; without a last, the first",
          "[tables][event]") {
  auto no_first = event();
  no_first.erase("firstTimestamp");
  no_first["eventTime"] = "2024-05-29T12:00:00.000000Z";
  no_first["lastTimestamp"] = ago(3 * day);
  no_first["count"] = 1;
  auto cells = cells_of("v1", "Event", no_first);
  CHECK(cells[0] == "3d");
  CHECK(cells[7] == "3d");
  auto no_last = event();
  no_last.erase("lastTimestamp");
  no_last["count"] = 1;
  cells = cells_of("v1", "Event", no_last);
  CHECK(cells[0] == "3d");
  CHECK(cells[7] == "3d");
}

TEST_CASE("an event series gives the last seen time and the count", "[tables][event]") {
  auto series = event();
  series.erase("firstTimestamp");
  series.erase("lastTimestamp");
  series.erase("count");
  series["eventTime"] = "2024-05-29T12:00:00.000000Z";
  series["series"] = {{"count", 2}, {"lastObservedTime", "2024-05-30T12:00:00.000000Z"}};
  auto cells = cells_of("v1", "Event", series);
  CHECK(cells[0] == "2d");
  CHECK(cells[7] == "3d");
  CHECK(cells[8] == 2);
}

TEST_CASE("a singleton event of the new API counts one", "[tables][event]") {
  auto singleton = event();
  singleton.erase("firstTimestamp");
  singleton.erase("lastTimestamp");
  singleton.erase("count");
  singleton["eventTime"] = "2024-05-29T12:00:00.000000Z";
  CHECK(cells_of("v1", "Event", singleton)[8] == 1);
}

TEST_CASE("the source falls back to the reporting controller and instance", "[tables][event]") {
  auto reported = event();
  reported.erase("source");
  reported["reportingComponent"] = "kubelet";
  reported["reportingInstance"] = "test";
  CHECK(cells_of("v1", "Event", reported)[5] == "kubelet, test");
  reported.erase("reportingInstance");
  CHECK(cells_of("v1", "Event", reported)[5] == "kubelet");
}

TEST_CASE("an event about no named object shows the kind alone; messages are trimmed",
          "[tables][event]") {
  auto node_event = event();
  node_event["involvedObject"] = {{"kind", "Node"}};
  node_event["message"] = "  Starting kubelet.\n";
  auto cells = cells_of("v1", "Event", node_event);
  CHECK(cells[3] == "node");
  CHECK(cells[6] == "Starting kubelet.");
  CHECK(cells[4] == "");
}
