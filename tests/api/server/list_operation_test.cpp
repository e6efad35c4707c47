// Lists the store serves (make_store_list_operation), as kube-apiserver
// 1.32 delegates them to etcd: limit and continue pages read at the first
// page's pinned revision, selectors applied across store pages, Exact
// resourceVersion reads, a continue token below the compaction point
// answered 410 in kube's words, and tokens this server did not make
// refused with 400. Each case runs the operation through the harness
// against a real store, with the options parsed as the api actor does.
#include <catch2/catch.hpp>

#include "actors/api/core/server/continue_token.hpp"
#include "actors/api/core/server/object_fields.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/operations.hpp"
#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const configmaps = "/api/v1/namespaces/default/configmaps";

api_response store_list(operation_harness& harness, std::string_view path) {
  auto request = make_request("list", path);
  const auto* resource = find_resource(request.group, request.version, request.resource);
  REQUIRE(resource);
  auto options = parse_list_options(request.query, selectable_fields(storage_resource(*resource)));
  REQUIRE(std::holds_alternative<list_options>(options));
  auto operation =
      make_store_list_operation(request, *resource, std::get<list_options>(std::move(options)));
  return harness.run(*operation);
}

std::vector<std::string> names_in(const json& list) {
  std::vector<std::string> names;
  for (const auto& item : list["items"]) names.push_back(item["metadata"]["name"]);
  return names;
}

// Five config maps a..e; b and d are labelled tier=back, the rest tier=front.
void five_configmaps(operation_harness& harness) {
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    auto object = configmap_manifest(name);
    bool back = std::string_view(name) == "b" || std::string_view(name) == "d";
    object["metadata"]["labels"] = {{"tier", back ? "back" : "front"}};
    create(harness, configmaps, object);
  }
}

std::string continue_of(const json& list) {
  return list["metadata"].value("continue", "");
}

}  // namespace

TEST_CASE("a limited list answers a page, its revision and a token for the rest") {
  operation_harness harness;
  five_configmaps(harness);
  auto response = store_list(harness, std::string(configmaps) + "?limit=2");
  REQUIRE(response.code == 200);
  auto list = body_of(response);
  CHECK(list["kind"] == "ConfigMapList");
  CHECK(list["apiVersion"] == "v1");
  CHECK(names_in(list) == std::vector<std::string>{"a", "b"});
  CHECK(list["metadata"]["resourceVersion"] == std::to_string(harness.revision()));
  auto token = decode_continue_token(continue_of(list));
  REQUIRE(std::holds_alternative<continue_position>(token));
  CHECK(std::get<continue_position>(token).revision == harness.revision());
  CHECK(std::get<continue_position>(token).start == std::string("b") + '\0');
  REQUIRE(harness.steps().size() == 1);
  CHECK(harness.steps()[0].range.key == "/registry/core/configmaps/default/");
  CHECK(harness.steps()[0].range.range_end == "/registry/core/configmaps/default0");
  CHECK(harness.steps()[0].range.limit == 2);
}

TEST_CASE("continued pages are read at the first page's revision") {
  operation_harness harness;
  five_configmaps(harness);
  auto first = body_of(store_list(harness, std::string(configmaps) + "?limit=2"));
  auto pinned = first["metadata"]["resourceVersion"].get<std::string>();
  // Changes after the first page are not seen by the next ones.
  create(harness, configmaps, configmap_manifest("bb"));
  harness.remove(key_of("", "v1", "configmaps", "default", "c"));
  auto second = body_of(
      store_list(harness, std::string(configmaps) + "?limit=2&continue=" + continue_of(first)));
  CHECK(names_in(second) == std::vector<std::string>{"c", "d"});
  CHECK(second["metadata"]["resourceVersion"] == pinned);
  CHECK(harness.steps()[0].range.revision == std::stoll(pinned));
  auto third = body_of(
      store_list(harness, std::string(configmaps) + "?limit=2&continue=" + continue_of(second)));
  CHECK(names_in(third) == std::vector<std::string>{"e"});
  CHECK_FALSE(third["metadata"].contains("continue"));
}

TEST_CASE("a page of a selected list reads store pages until it is full") {
  operation_harness harness;
  five_configmaps(harness);
  auto first =
      body_of(store_list(harness, std::string(configmaps) + "?limit=2&labelSelector=tier=front"));
  CHECK(names_in(first) == std::vector<std::string>{"a", "c"});
  CHECK(harness.count(step_kind::read_range) == 2);
  auto second = body_of(
      store_list(harness, std::string(configmaps) +
                              "?limit=2&labelSelector=tier=front&continue=" + continue_of(first)));
  CHECK(names_in(second) == std::vector<std::string>{"e"});
  CHECK_FALSE(second["metadata"].contains("continue"));
}

TEST_CASE("a field selector applies to the objects of every store page") {
  operation_harness harness;
  five_configmaps(harness);
  auto list = body_of(
      store_list(harness, std::string(configmaps) + "?limit=1&fieldSelector=metadata.name=d"));
  CHECK(names_in(list) == std::vector<std::string>{"d"});
}

TEST_CASE("a list of every namespace reads the resource's whole prefix") {
  operation_harness harness;
  create(harness, configmaps, configmap_manifest("here"));
  create(harness, "/api/v1/namespaces/kube-system/configmaps", configmap_manifest("there"));
  auto list = body_of(store_list(harness, "/api/v1/configmaps?limit=10"));
  CHECK(names_in(list) == std::vector<std::string>{"here", "there"});
  CHECK(harness.steps()[0].range.key == "/registry/core/configmaps/");
}

TEST_CASE("an Exact resourceVersion lists the collection as it was then") {
  operation_harness harness;
  create(harness, configmaps, configmap_manifest("a", {{"v", "1"}}));
  auto then = harness.revision();
  create(harness, configmaps, configmap_manifest("b"));
  auto changed = configmap_manifest("a", {{"v", "2"}});
  changed["metadata"]["namespace"] = "default";
  harness.put(key_of("", "v1", "configmaps", "default", "a"), changed);
  auto list = body_of(store_list(harness, std::string(configmaps) +
                                              "?resourceVersion=" + std::to_string(then) +
                                              "&resourceVersionMatch=Exact"));
  CHECK(names_in(list) == std::vector<std::string>{"a"});
  CHECK(list["items"][0]["data"] == json{{"v", "1"}});
  CHECK(list["metadata"]["resourceVersion"] == std::to_string(then));
}

TEST_CASE("an Exact resourceVersion above the store's is refused as too large") {
  operation_harness harness;
  auto response = store_list(harness, std::string(configmaps) + "?resourceVersion=" +
                                          std::to_string(harness.revision() + 5) +
                                          "&resourceVersionMatch=Exact");
  CHECK(response.code == 504);
  CHECK(body_of(response)["message"] == "Too large resource version");
}

TEST_CASE("a continue token below the compaction point is 410 with kube's message") {
  operation_harness harness;
  five_configmaps(harness);
  auto first = body_of(store_list(harness, std::string(configmaps) + "?limit=2"));
  create(harness, configmaps, configmap_manifest("f"));
  REQUIRE_FALSE(harness.store().compact(harness.revision()));
  auto response =
      store_list(harness, std::string(configmaps) + "?limit=2&continue=" + continue_of(first));
  CHECK(response.code == 410);
  CHECK(body_of(response) ==
        failure_status(
            410, "Expired",
            "The provided continue parameter is too old to display a consistent list result. You "
            "can start a new list without the continue parameter, or use the continue token in "
            "this response to retrieve the remainder of the results. Continuing with the "
            "provided token results in an inconsistent list - objects that were created, "
            "modified, or deleted between the time the first chunk was returned and now may "
            "show up in the list."));
}

TEST_CASE("an Exact list below the compaction point is 410 Expired") {
  operation_harness harness;
  create(harness, configmaps, configmap_manifest("a"));
  auto then = harness.revision();
  create(harness, configmaps, configmap_manifest("b"));
  REQUIRE_FALSE(harness.store().compact(harness.revision()));
  auto response =
      store_list(harness, std::string(configmaps) + "?resourceVersion=" + std::to_string(then) +
                              "&resourceVersionMatch=Exact");
  CHECK(response.code == 410);
  CHECK(body_of(response)["message"] == "The resourceVersion for the provided list is too old.");
}

TEST_CASE("a continue token that is not base64 is 400") {
  operation_harness harness;
  auto response = store_list(harness, std::string(configmaps) + "?continue=%%%");
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "invalid continue token: continue key is not valid: illegal base64 data");
  CHECK(harness.steps().empty());
}

TEST_CASE("a continue token with an empty start key is 400 in kube's wording") {
  operation_harness harness;
  auto token = encode_continue_token({7, ""});
  auto response = store_list(harness, std::string(configmaps) + "?continue=" + token);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "invalid continue token: continue key is not valid: encoded start key empty (version "
        "meta.k8s.io/v1)");
}

TEST_CASE("a continue token whose start leaves the collection is 400") {
  operation_harness harness;
  auto token = encode_continue_token({7, "../../secrets/default/x"});
  auto response = store_list(harness, std::string(configmaps) + "?continue=" + token);
  CHECK(response.code == 400);
  CHECK(body_of(response)["message"] ==
        "invalid continue token: continue key is not valid: the start key may not go outside the "
        "list");
}

TEST_CASE("a list served in autoscaling/v1 converts every item from storage") {
  operation_harness harness;
  create(harness, "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers",
         autoscaler_v2_manifest("web", "web"));
  auto list = body_of(store_list(
      harness, "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers?limit=5"));
  CHECK(list["kind"] == "HorizontalPodAutoscalerList");
  CHECK(list["apiVersion"] == "autoscaling/v1");
  CHECK(list["items"][0]["apiVersion"] == "autoscaling/v1");
  CHECK(list["items"][0]["spec"]["targetCPUUtilizationPercentage"] == 60);
}
