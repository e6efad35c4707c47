// HorizontalPodAutoscaler rows as kube's printHorizontalPodAutoscaler
// computes them: REFERENCE kind/name, TARGETS for each metric source type
// (Resource utilization and average value, ContainerResource, Pods, Object,
// External; current values paired by position, <unknown> until measured,
// <auto> without a utilization target, two shown and the rest counted),
// MINPODS <unset>, MAXPODS and REPLICAS as integers; autoscaling/v1 objects
// read through kube's conversion. Cases after printers_test.go TestPrintHPA.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

json autoscaler(json metrics, json current_metrics = json::array()) {
  return {
      {"metadata", {{"name", "some-hpa"}, {"creationTimestamp", ago(4 * 86'400)}}},
      {"spec",
       {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "web"}}},
        {"minReplicas", 2},
        {"maxReplicas", 10},
        {"metrics", std::move(metrics)}}},
      {"status",
       {{"currentReplicas", 4},
        {"desiredReplicas", 5},
        {"currentMetrics", std::move(current_metrics)}}}};
}

json resource_utilization(std::string_view name, int percent) {
  return {
      {"type", "Resource"},
      {"resource",
       {{"name", name}, {"target", {{"type", "Utilization"}, {"averageUtilization", percent}}}}}};
}

json resource_current(std::string_view name, json current) {
  return {{"type", "Resource"}, {"resource", {{"name", name}, {"current", std::move(current)}}}};
}

std::string targets(const json& object) {
  return cells_of("autoscaling/v2", "HorizontalPodAutoscaler", object)[2];
}

}  // namespace

TEST_CASE("an autoscaler's columns and cells are kube's, counts typed as kube sends them",
          "[tables][hpa]") {
  auto table = table_of("autoscaling/v2", "HorizontalPodAutoscaler",
                        autoscaler({resource_utilization("cpu", 80)}));
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Reference", "Targets", "MinPods",
                                                        "MaxPods", "Replicas", "Age"});
  CHECK(table["columnDefinitions"][4]["type"] == "string");
  CHECK(table["rows"][0]["cells"] ==
        json{"some-hpa", "Deployment/web", "cpu: <unknown>/80%", "2", 10, 4, "4d"});
}

TEST_CASE("an autoscaler without metrics or minReplicas shows <none> and <unset>",
          "[tables][hpa]") {
  auto object = autoscaler(json::array());
  object["spec"].erase("minReplicas");
  auto cells = cells_of("autoscaling/v2", "HorizontalPodAutoscaler", object);
  CHECK(cells[2] == "<none>");
  CHECK(cells[3] == "<unset>");
}

TEST_CASE("resource utilization shows the measured percentage once known", "[tables][hpa]") {
  CHECK(targets(autoscaler(
            {resource_utilization("cpu", 80)},
            {resource_current("cpu", {{"averageUtilization", 50}, {"averageValue", "250m"}})})) ==
        "cpu: 50%/80%");
  json no_target = {{"type", "Resource"},
                    {"resource", {{"name", "cpu"}, {"target", {{"type", "Utilization"}}}}}};
  CHECK(targets(autoscaler({no_target}, {resource_current("cpu", {{"averageUtilization", 50}})})) ==
        "cpu: 50%/<auto>");
}

TEST_CASE("resource average values show quantities in canonical form", "[tables][hpa]") {
  json memory = {
      {"type", "Resource"},
      {"resource",
       {{"name", "memory"}, {"target", {{"type", "AverageValue"}, {"averageValue", "1024Mi"}}}}}};
  CHECK(targets(autoscaler({memory})) == "memory: <unknown>/1Gi");
  CHECK(
      targets(autoscaler({memory}, {resource_current("memory", {{"averageValue", "524288Ki"}})})) ==
      "memory: 512Mi/1Gi");
  // A status without an average value prints Go's nil quantity.
  CHECK(targets(autoscaler({memory}, {resource_current("memory", {{"averageUtilization", 3}})})) ==
        "memory: <nil>/1Gi");
}

TEST_CASE("container resource metrics print like resource ones", "[tables][hpa]") {
  json metric = {{"type", "ContainerResource"},
                 {"containerResource",
                  {{"name", "cpu"},
                   {"container", "app"},
                   {"target", {{"type", "Utilization"}, {"averageUtilization", 60}}}}}};
  json current = {
      {"type", "ContainerResource"},
      {"containerResource",
       {{"name", "cpu"}, {"container", "app"}, {"current", {{"averageUtilization", 45}}}}}};
  CHECK(targets(autoscaler({metric})) == "cpu: <unknown>/60%");
  CHECK(targets(autoscaler({metric}, {current})) == "cpu: 45%/60%");
}

TEST_CASE("pods metrics compare average values", "[tables][hpa]") {
  json metric = {{"type", "Pods"},
                 {"pods",
                  {{"metric", {{"name", "some-pods-metric"}}},
                   {"target", {{"type", "AverageValue"}, {"averageValue", "100m"}}}}}};
  json current = {
      {"type", "Pods"},
      {"pods",
       {{"metric", {{"name", "some-pods-metric"}}}, {"current", {{"averageValue", "50m"}}}}}};
  CHECK(targets(autoscaler({metric})) == "<unknown>/100m");
  CHECK(targets(autoscaler({metric}, {current})) == "50m/100m");
}

TEST_CASE("object and external metrics compare values, or average values marked (avg)",
          "[tables][hpa]") {
  json object_value = {{"type", "Object"},
                       {"object",
                        {{"describedObject", {{"kind", "Service"}, {"name", "some-service"}}},
                         {"metric", {{"name", "some-service-metric"}}},
                         {"target", {{"type", "Value"}, {"value", "100m"}}}}}};
  json object_current = {
      {"type", "Object"},
      {"object", {{"metric", {{"name", "some-service-metric"}}}, {"current", {{"value", "50m"}}}}}};
  CHECK(targets(autoscaler({object_value})) == "<unknown>/100m");
  CHECK(targets(autoscaler({object_value}, {object_current})) == "50m/100m");
  json external_average = {{"type", "External"},
                           {"external",
                            {{"metric", {{"name", "queue-depth"}}},
                             {"target", {{"type", "AverageValue"}, {"averageValue", "100m"}}}}}};
  json external_current = {
      {"type", "External"},
      {"external",
       {{"metric", {{"name", "queue-depth"}}}, {"current", {{"averageValue", "50m"}}}}}};
  CHECK(targets(autoscaler({external_average})) == "<unknown>/100m (avg)");
  CHECK(targets(autoscaler({external_average}, {external_current})) == "50m/100m (avg)");
  json external_value = {
      {"type", "External"},
      {"external",
       {{"metric", {{"name", "queue-depth"}}}, {"target", {{"type", "Value"}, {"value", "3"}}}}}};
  json value_current = {{"type", "External"}, {"external", {{"current", {{"value", "2"}}}}}};
  CHECK(targets(autoscaler({external_value}, {value_current})) == "2/3");
}

TEST_CASE("current metrics are paired by position, and a missing one is <unknown>",
          "[tables][hpa]") {
  json pods_current = {{"type", "Pods"}, {"pods", {{"current", {{"averageValue", "7"}}}}}};
  CHECK(targets(
            autoscaler({resource_utilization("cpu", 80), resource_utilization("memory", 70)},
                       {pods_current, resource_current("memory", {{"averageUtilization", 20}})})) ==
        "cpu: <unknown>/80%, memory: 20%/70%");
}

TEST_CASE("more than two metrics show the first two and count the rest", "[tables][hpa]") {
  auto object =
      autoscaler({resource_utilization("cpu", 80), resource_utilization("memory", 70),
                  resource_utilization("ephemeral-storage", 60), resource_utilization("gpu", 50)});
  CHECK(targets(object) == "cpu: <unknown>/80%, memory: <unknown>/70% + 2 more...");
  json unknown = {{"type", "Custom"}};
  CHECK(targets(autoscaler({unknown})) == "<unknown type>");
}

TEST_CASE("autoscaling/v1 objects show their CPU target as kube's conversion reads it",
          "[tables][hpa]") {
  json v1 = {{"metadata", {{"name", "web"}, {"creationTimestamp", ago(60)}}},
             {"spec",
              {{"scaleTargetRef", {{"kind", "Deployment"}, {"name", "web"}}},
               {"minReplicas", 1},
               {"maxReplicas", 5},
               {"targetCPUUtilizationPercentage", 80}}},
             {"status", {{"currentReplicas", 2}}}};
  CHECK(cells_of("autoscaling/v1", "HorizontalPodAutoscaler", v1) ==
        json{"web", "Deployment/web", "cpu: <unknown>/80%", "1", 5, 2, "60s"});
  v1["status"]["currentCPUUtilizationPercentage"] = 35;
  CHECK(cells_of("autoscaling/v1", "HorizontalPodAutoscaler", v1)[2] == "cpu: 35%/80%");
  v1["spec"].erase("targetCPUUtilizationPercentage");
  CHECK(cells_of("autoscaling/v1", "HorizontalPodAutoscaler", v1)[2] == "<none>");
}
