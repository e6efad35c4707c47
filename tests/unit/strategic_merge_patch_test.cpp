// Strategic merge patch with Kubernetes' semantics: table cases modelled on
// k8s.io/apimachinery's strategicpatch tests (merge keys, directives, element
// order, retainKeys), the documented kubectl patch examples, built-in kinds'
// merge keys, and a kubectl apply of a two-container Deployment.
#include <catch2/catch.hpp>

#include <string>
#include <variant>

#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/strategic_merge_patch.hpp"

using namespace troupe::api;
using nlohmann::json;

namespace {

// The test struct of k8s.io/apimachinery's strategicpatch tests: mergingList
// merges by "name" (recursively), mergingIntList merges scalars,
// nonMerging* lists are replaced, retainKeysMap is a retainKeys map,
// replacingItem has the replace strategy.
patch_schema test_schema() {
  patch_schema schema;
  auto item = schema.add_node();
  for (auto node : {patch_schema::root, item}) {
    schema.set_field(node, "mergingList", {patch_strategy::merge, false, "name", item});
    schema.set_field(node, "mergingIntList", {patch_strategy::merge, false, "", std::nullopt});
  }
  schema.set_field(patch_schema::root, "retainKeysMap",
                   {patch_strategy::none, true, "", std::nullopt});
  schema.set_field(patch_schema::root, "replacingItem",
                   {patch_strategy::replace, false, "", std::nullopt});
  return schema;
}

const patch_schema& schema() {
  static const patch_schema instance = test_schema();
  return instance;
}

patch_result<json> apply(const char* original, const char* patch) {
  return apply_strategic_merge_patch(json::parse(original), json::parse(patch), schema());
}

patch_error error_of(const patch_result<json>& result) {
  REQUIRE(std::holds_alternative<patch_error>(result));
  return std::get<patch_error>(result);
}

struct patch_case {
  const char* name;
  const char* current;
  const char* patch;
  const char* expected;
};

void check_cases(const std::initializer_list<patch_case>& cases) {
  for (const auto& each : cases) {
    INFO(each.name);
    auto result = apply(each.current, each.patch);
    if (auto* error = std::get_if<patch_error>(&result)) FAIL(error->message);
    CHECK(std::get<json>(result) == json::parse(each.expected));
  }
}

json apply_builtin(const json& original, const json& patch) {
  auto result = apply_strategic_merge_patch(original, patch, original.value("apiVersion", ""),
                                            original.value("kind", ""));
  if (auto* error = std::get_if<patch_error>(&result)) FAIL(error->message);
  return std::get<json>(result);
}

}  // namespace

TEST_CASE("maps merge, null deletes and lists replace unless they merge", "[patch]") {
  check_cases({
      {"add new field", R"({"name":1})", R"({"value":1})", R"({"name":1,"value":1})"},
      {"remove field and add new field", R"({"name":1})", R"({"name":null,"value":1})",
       R"({"value":1})"},
      {"null for an absent field changes nothing", R"({"a":1})", R"({"b":null})", R"({"a":1})"},
      {"merge arrays of scalars", R"({"mergingIntList":[1,2]})", R"({"mergingIntList":[2,3]})",
       R"({"mergingIntList":[1,2,3]})"},
      {"replace arrays of scalars", R"({"nonMergingIntList":[1,2]})",
       R"({"nonMergingIntList":[2,3]})", R"({"nonMergingIntList":[2,3]})"},
      {"replace a list without merge strategy", R"({"nonMergingList":[{"name":1,"value":1}]})",
       R"({"nonMergingList":[{"name":2}]})", R"({"nonMergingList":[{"name":2}]})"},
      {"nested maps merge", R"({"simpleMap":{"key1":"a","key2":"b"}})",
       R"({"simpleMap":{"key2":null,"key3":"c"}})", R"({"simpleMap":{"key1":"a","key3":"c"}})"},
      {"a value of another type replaces", R"({"simpleMap":"x"})", R"({"simpleMap":{"a":1}})",
       R"({"simpleMap":{"a":1}})"},
      {"a replace-strategy map is replaced whole", R"({"replacingItem":{"a":1}})",
       R"({"replacingItem":{"b":2}})", R"({"replacingItem":{"b":2}})"},
      {"update an item of a merging list in place",
       R"({"mergingList":[{"name":1,"value":1},{"name":2,"value":2}]})",
       R"({"mergingList":[{"name":1,"value":"a","other":null}]})",
       R"({"mergingList":[{"name":1,"value":"a"},{"name":2,"value":2}]})"},
      {"items of a merging list merge recursively",
       R"({"mergingList":[{"name":1,"mergingIntList":[1],"mergingList":[{"name":"x","v":1}]}]})",
       R"({"mergingList":[{"name":1,"mergingIntList":[2],"mergingList":[{"name":"x","w":2}]}]})",
       R"({"mergingList":[{"name":1,"mergingIntList":[2,1],"mergingList":[{"name":"x","v":1,"w":2}]}]})"},
      // kube places items the live list lacks before the unmatched live ones
      // (the documented kubectl patch of patch-demo-ctr-2 shows redis first).
      {"a new item of a merging list comes first", R"({"mergingList":[{"name":1},{"name":2}]})",
       R"({"mergingList":[{"name":3}]})", R"({"mergingList":[{"name":3},{"name":1},{"name":2}]})"},
      {"a new scalar comes first", R"({"mergingIntList":[1,2]})", R"({"mergingIntList":[3]})",
       R"({"mergingIntList":[3,1,2]})"},
      {"patched items follow the patch's order around server-only items",
       R"({"mergingList":[{"name":1},{"name":2},{"name":3}]})",
       R"({"mergingList":[{"name":3,"v":3},{"name":1,"v":1}]})",
       R"({"mergingList":[{"name":2},{"name":3,"v":3},{"name":1,"v":1}]})"},
      {"new values lose nulls and directives", R"({})",
       R"({"simpleMap":{"a":null,"b":1,"c":{"$patch":"delete"}},"mergingList":[{"name":1,"x":null},{"name":2,"$patch":"delete"}]})",
       R"({"simpleMap":{"b":1},"mergingList":[{"name":1}]})"},
  });
}

TEST_CASE("the $patch directive replaces or deletes maps and list items", "[patch]") {
  check_cases({
      {"delete an item by merge key", R"({"mergingList":[{"name":1},{"name":2},{"name":1,"v":2}]})",
       R"({"mergingList":[{"name":1,"$patch":"delete"}]})", R"({"mergingList":[{"name":2}]})"},
      {"delete and add in one patch", R"({"mergingList":[{"name":1},{"name":2}]})",
       R"({"mergingList":[{"name":3},{"name":1,"$patch":"delete"}]})",
       R"({"mergingList":[{"name":3},{"name":2}]})"},
      {"replace a merging list", R"({"mergingList":[{"name":1},{"name":2}]})",
       R"({"mergingList":[{"name":3,"x":null},{"$patch":"replace"}]})",
       R"({"mergingList":[{"name":3}]})"},
      {"replace a map", R"({"simpleMap":{"a":1,"b":2}})",
       R"({"simpleMap":{"$patch":"replace","c":3}})", R"({"simpleMap":{"c":3}})"},
      {"delete a map leaves it empty", R"({"simpleMap":{"a":1}})",
       R"({"simpleMap":{"$patch":"delete"}})", R"({"simpleMap":{}})"},
  });
  CHECK(error_of(apply(R"({"m":{"a":1}})", R"({"m":{"$patch":"merge"}})")).kind ==
        patch_error_kind::bad_request);
  CHECK(
      error_of(apply(R"({"mergingList":[{"name":1}]})", R"({"mergingList":[{"$patch":"merge"}]})"))
          .message == "mergingList: merging lists cannot yet be specified in the patch");
  CHECK(
      error_of(apply(R"({"mergingList":[{"name":1}]})", R"({"mergingList":[{"$patch":"delete"}]})"))
          .kind == patch_error_kind::unprocessable);
}

// Cases of strategicpatch's raw test table: current + three-way patch -> result.
TEST_CASE("$setElementOrder orders merged lists as Kubernetes does", "[patch]") {
  check_cases({
      {"merge lists of scalars", R"({"mergingIntList":[1,2,4]})",
       R"({"$setElementOrder/mergingIntList":[1,2,3],"mergingIntList":[3]})",
       R"({"mergingIntList":[1,2,3,4]})"},
      {"set elements order in a int list with server-only items 2",
       R"({"mergingIntList":[1,2,9,3,4]})", R"({"$setElementOrder/mergingIntList":[2,1,4,3]})",
       R"({"mergingIntList":[2,1,9,4,3]})"},
      {"set elements order in a int list with server-only items 3",
       R"({"mergingIntList":[1,2,7,9,8,3,4]})", R"({"$setElementOrder/mergingIntList":[2,1,4,3]})",
       R"({"mergingIntList":[2,1,7,9,8,4,3]})"},
      {"add and delete an item in a int list and preserve order", R"({"mergingIntList":[1,2,3]})",
       R"({"$setElementOrder/mergingIntList":[4,2,1],"mergingIntList":[4],"$deleteFromPrimitiveList/mergingIntList":[3]})",
       R"({"mergingIntList":[4,2,1]})"},
      {"delete an item in a int list and preserve order", R"({"mergingIntList":[1,2,3]})",
       R"({"$setElementOrder/mergingIntList":[2,1],"$deleteFromPrimitiveList/mergingIntList":[3]})",
       R"({"mergingIntList":[2,1]})"},
      {"behavior of set element order for a merging list with duplicate",
       R"({"mergingList":[{"name":1},{"name":2,"value":"dup1"},{"name":3},{"name":2,"value":"dup2"},{"name":4}]})",
       R"({"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3},{"name":2}]})",
       R"({"mergingList":[{"name":2,"value":"dup1"},{"name":2,"value":"dup2"},{"name":1},{"name":4},{"name":3}]})"},
      {"reorder a merging list", R"({"mergingList":[{"name":1},{"name":2},{"name":3}]})",
       R"({"$setElementOrder/mergingList":[{"name":3},{"name":1},{"name":2}]})",
       R"({"mergingList":[{"name":3},{"name":1},{"name":2}]})"},
      {"a new item follows $setElementOrder, server-only items stay after their neighbours",
       R"({"mergingList":[{"name":1},{"name":2},{"name":9}]})",
       R"({"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4}],"mergingList":[{"name":4}]})",
       R"({"mergingList":[{"name":2},{"name":1},{"name":4},{"name":9}]})"},
  });
  CHECK(error_of(apply(R"({"mergingList":[]})",
                       R"({"$setElementOrder/mergingList":[{"name":2},{"name":1}],
                           "mergingList":[{"name":1},{"name":2}]})"))
            .kind == patch_error_kind::bad_request);
}

TEST_CASE("$retainKeys clears the live keys it does not name", "[patch]") {
  check_cases({
      {"retainKeys map should clear defaulted field", R"({"retainKeysMap":{"value":"foo"}})",
       R"({"retainKeysMap":{"$retainKeys":["other"],"other":"bar"}})",
       R"({"retainKeysMap":{"other":"bar"}})"},
      {"retainKeys map clears a field",
       R"({"retainKeysMap":{"name":"foo","value":"bar","other":"a"}})",
       R"({"retainKeysMap":{"$retainKeys":["name","value"]}})",
       R"({"retainKeysMap":{"name":"foo","value":"bar"}})"},
      {"retainKeys map deletes a field in a nested map",
       R"({"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key2":"b","key3":"c"}}})",
       R"({"retainKeysMap":{"$retainKeys":["name","simpleMap","value"],"simpleMap":{"key2":null}}})",
       R"({"retainKeysMap":{"name":"foo","simpleMap":{"key1":"a","key3":"c"}}})"},
  });
  CHECK(error_of(apply(R"({"r":{}})", R"({"r":{"$retainKeys":["a"],"b":1}})")).message ==
        "r: \"b\" is in the patch but not in its $retainKeys list");
  CHECK(error_of(apply(R"({"r":{}})", R"({"r":{"$retainKeys":"a"}})")).kind ==
        patch_error_kind::bad_request);
}

TEST_CASE("errors name the JSON path and never leave a partial result", "[patch]") {
  CHECK(error_of(apply(R"({"mergingList":[{"name":1,"mergingList":[{"name":"a"}]}]})",
                       R"({"mergingList":[{"name":1,"mergingList":[{"value":2}]}]})"))
            .message ==
        "mergingList[name=1].mergingList: element {\"value\":2} does not contain the merge key "
        "\"name\"");
  CHECK(error_of(apply(R"({"nonMergingIntList":[1]})",
                       R"({"$deleteFromPrimitiveList/nonMergingIntList":[1]})"))
            .kind == patch_error_kind::bad_request);
  CHECK(error_of(apply(R"({"mergingIntList":[[1]]})", R"({"mergingIntList":[[2]]})")).message ==
        "mergingIntList: lists of lists are not supported");
  CHECK(error_of(apply("{}", "[]")).kind == patch_error_kind::bad_request);
  json deep = json::object();
  for (std::size_t i = 0; i < json_depth_max; ++i) deep = json{{"a", deep}};
  CHECK(error_of(apply_strategic_merge_patch(json::object(), deep, schema())).kind ==
        patch_error_kind::bad_request);
}

TEST_CASE("kinds without a schema are refused so the server can answer 415", "[patch]") {
  auto result =
      apply_strategic_merge_patch(json::object(), json::object(), "example.com/v1", "Widget");
  auto error = error_of(result);
  CHECK(error.kind == patch_error_kind::unsupported_media_type);
  CHECK(error.message == "strategic merge patch is not supported for Widget");
  CHECK(find_builtin_patch_schema("apps/v1", "Deployment") != nullptr);
  CHECK(find_builtin_patch_schema("v1", "Deployment") == nullptr);
}

// The Deployment of "Update API Objects in Place Using kubectl patch".
json patch_demo() {
  return json::parse(R"({"apiVersion":"apps/v1","kind":"Deployment",
    "metadata":{"name":"patch-demo","finalizers":["a","b","c"]},
    "spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},
      "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
      "template":{"metadata":{"labels":{"app":"nginx"}},"spec":{
        "containers":[{"name":"patch-demo-ctr","image":"nginx"}],
        "tolerations":[{"effect":"NoSchedule","key":"dedicated","value":"test-team"}]}}}})");
}

TEST_CASE("kubectl patch of the documented Deployment merges containers and replaces tolerations",
          "[patch]") {
  json patched = apply_builtin(patch_demo(), json::parse(R"({"spec":{"template":{"spec":{
      "containers":[{"name":"patch-demo-ctr-2","image":"redis"}]}}}})"));
  CHECK(patched["spec"]["template"]["spec"]["containers"] ==
        json::parse(R"([{"name":"patch-demo-ctr-2","image":"redis"},
                        {"name":"patch-demo-ctr","image":"nginx"}])"));
  patched = apply_builtin(patched, json::parse(R"({"spec":{"template":{"spec":{
      "tolerations":[{"effect":"NoSchedule","key":"disktype","value":"ssd"}]}}}})"));
  CHECK(patched["spec"]["template"]["spec"]["tolerations"] ==
        json::parse(R"([{"effect":"NoSchedule","key":"disktype","value":"ssd"}])"));
  CHECK(patched["spec"]["template"]["spec"]["containers"].size() == 2);
}

TEST_CASE("$retainKeys switches a Deployment strategy to Recreate", "[patch]") {
  json patched = apply_builtin(
      patch_demo(),
      json::parse(R"({"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}})"));
  CHECK(patched["spec"]["strategy"] == json::parse(R"({"type":"Recreate"})"));
}

TEST_CASE("finalizers merge as a set and $deleteFromPrimitiveList removes them", "[patch]") {
  json removed = apply_builtin(
      patch_demo(), json::parse(R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["b"]}})"));
  CHECK(removed["metadata"]["finalizers"] == json::parse(R"(["a","c"])"));
  json added = apply_builtin(patch_demo(), json::parse(R"({"metadata":{"finalizers":["d","a"]}})"));
  CHECK(added["metadata"]["finalizers"] == json::parse(R"(["d","a","b","c"])"));
}

TEST_CASE("built-in kinds merge their lists by the Kubernetes merge keys", "[patch]") {
  json pod = json::parse(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p",
    "ownerReferences":[{"uid":"u1","name":"rs"}]},
    "spec":{"containers":[{"name":"app","image":"app:1",
      "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
      "volumeMounts":[{"mountPath":"/data","name":"data"}],
      "ports":[{"containerPort":80}]}],
      "volumes":[{"name":"data","emptyDir":{}}]},
    "status":{"conditions":[{"type":"Ready","status":"False"},{"type":"Initialized","status":"True"}]}})");
  json patched = apply_builtin(pod, json::parse(R"({
    "metadata":{"ownerReferences":[{"uid":"u1","controller":true}]},
    "spec":{"containers":[{"name":"app",
      "env":[{"name":"B","value":"3"}],
      "volumeMounts":[{"mountPath":"/data","readOnly":true}],
      "ports":[{"containerPort":80,"name":"http"}]}],
      "volumes":[{"name":"cache","$retainKeys":["name","emptyDir"],"emptyDir":{}}]},
    "status":{"conditions":[{"type":"Ready","status":"True"}]}})"));
  CHECK(patched["metadata"]["ownerReferences"] ==
        json::parse(R"([{"uid":"u1","name":"rs","controller":true}])"));
  const json& container = patched["spec"]["containers"][0];
  CHECK(container["env"] == json::parse(R"([{"name":"A","value":"1"},{"name":"B","value":"3"}])"));
  CHECK(container["volumeMounts"] ==
        json::parse(R"([{"mountPath":"/data","name":"data","readOnly":true}])"));
  CHECK(container["ports"] == json::parse(R"([{"containerPort":80,"name":"http"}])"));
  CHECK(patched["spec"]["volumes"] ==
        json::parse(R"([{"name":"cache","emptyDir":{}},{"name":"data","emptyDir":{}}])"));
  CHECK(
      patched["status"]["conditions"] ==
      json::parse(R"([{"type":"Ready","status":"True"},{"type":"Initialized","status":"True"}])"));

  json service = json::parse(R"({"apiVersion":"v1","kind":"Service","spec":{
      "ports":[{"port":80,"targetPort":8080},{"port":443,"targetPort":8443}]}})");
  json service_patched =
      apply_builtin(service, json::parse(R"({"spec":{"ports":[{"port":443,"targetPort":9443}]}})"));
  CHECK(service_patched["spec"]["ports"] ==
        json::parse(R"([{"port":80,"targetPort":8080},{"port":443,"targetPort":9443}])"));

  json cron = json::parse(R"({"apiVersion":"batch/v1","kind":"CronJob","spec":{"jobTemplate":{
      "spec":{"template":{"spec":{"containers":[{"name":"job","image":"a"},{"name":"x"}]}}}}}})");
  json cron_patched =
      apply_builtin(cron, json::parse(R"({"spec":{"jobTemplate":{"spec":{"template":{
      "spec":{"containers":[{"name":"x","$patch":"delete"},{"name":"job","image":"b"}]}}}}}})"));
  CHECK(cron_patched["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"] ==
        json::parse(R"([{"name":"job","image":"b"}])"));
}

TEST_CASE("errors in built-in kinds name the container by its merge key", "[patch]") {
  json deployment = patch_demo();
  deployment["spec"]["template"]["spec"]["containers"][0]["ports"] =
      json::parse(R"([{"containerPort":80}])");
  auto result = apply_strategic_merge_patch(
      deployment, json::parse(R"({"spec":{"template":{"spec":{"containers":[
          {"name":"patch-demo-ctr","ports":[{"protocol":"TCP"}]}]}}}})"),
      "apps/v1", "Deployment");
  CHECK(error_of(result).message ==
        "spec.template.spec.containers[name=patch-demo-ctr].ports: element {\"protocol\":\"TCP\"} "
        "does not contain the merge key \"containerPort\"");
}

// The patch kubectl apply sends (three-way diff of last-applied, new config
// and live object) when the new config bumps the nginx image, drops the
// "tier" label and replaces port 443 with 8080; the live object holds
// server-defaulted fields the patch must leave alone.
TEST_CASE("a kubectl apply patch of a two-container Deployment gives Kubernetes' result",
          "[patch]") {
  json live = json::parse(R"({"apiVersion":"apps/v1","kind":"Deployment",
    "metadata":{"name":"web","namespace":"default","resourceVersion":"7",
      "labels":{"app":"web","tier":"frontend"},
      "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"v1"}},
    "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
      "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
      "template":{"metadata":{"labels":{"app":"web"}},"spec":{
        "containers":[
          {"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent",
           "ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443,"protocol":"TCP"}],
           "resources":{},"terminationMessagePath":"/dev/termination-log"},
          {"name":"sidecar","image":"busybox:1.36","args":["sleep","infinity"],
           "imagePullPolicy":"IfNotPresent","resources":{}}],
        "restartPolicy":"Always","dnsPolicy":"ClusterFirst"}}}})");
  json patch = json::parse(R"({
    "metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"v2"},
                "labels":{"tier":null}},
    "spec":{"template":{"spec":{
      "$setElementOrder/containers":[{"name":"nginx"},{"name":"sidecar"}],
      "containers":[{"name":"nginx","image":"nginx:1.26",
        "$setElementOrder/ports":[{"containerPort":80},{"containerPort":8080}],
        "ports":[{"containerPort":8080,"protocol":"TCP"},{"$patch":"delete","containerPort":443}]}]}}}})");
  json expected = live;
  expected["metadata"]["labels"].erase("tier");
  expected["metadata"]["annotations"]["kubectl.kubernetes.io/last-applied-configuration"] = "v2";
  json& nginx = expected["spec"]["template"]["spec"]["containers"][0];
  nginx["image"] = "nginx:1.26";
  nginx["ports"] = json::parse(
      R"([{"containerPort":80,"protocol":"TCP"},{"containerPort":8080,"protocol":"TCP"}])");
  CHECK(apply_builtin(live, patch) == expected);
}
