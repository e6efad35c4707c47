// What a request answers when the store refuses a step (api_responses.hpp
// store_failure): no leader 503, a full client queue 429, a deadline 504, a
// value over the store's limit 413, a compacted revision 410, a future one
// 504, anything else 500 naming the store's error. Failures are injected
// into one step of a real operation through the harness; the value limit
// is the real store's.
#include <catch2/catch.hpp>

#include "operation_harness.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using namespace troupe::api::testing;

namespace {

const char* const configmaps = "/api/v1/namespaces/default/configmaps";
const char* const settings = "/api/v1/namespaces/default/configmaps/settings";

}  // namespace

TEST_CASE("a read the store refuses for want of a leader is 503") {
  operation_harness harness;
  harness.fail_next(step_kind::read_store, store_error::not_leader, "leader is store-2");
  auto response = harness.run(make_request("get", settings));
  CHECK(response.code == 503);
  CHECK(body_of(response) ==
        failure_status(503, "ServiceUnavailable",
                       "the store has no leader (not_leader: leader is store-2); retry later"));
}

TEST_CASE("a write past the store's deadline is 504 Timeout") {
  operation_harness harness;
  harness.fail_next(step_kind::write, store_error::timeout);
  auto response = harness.run(make_request("create", configmaps, configmap_manifest("settings")));
  CHECK(response.code == 504);
  auto status = body_of(response);
  CHECK(status["reason"] == "Timeout");
  CHECK(status["message"] ==
        "Timeout: request did not complete within the store's deadline (timeout)");
}

TEST_CASE("a full store queue is 429 with a retry after 1 s") {
  operation_harness harness;
  create(harness, configmaps, configmap_manifest("settings"));
  harness.fail_next(step_kind::write, store_error::queue_full);
  auto response = harness.run(make_request("patch", settings, json{{"data", {{"a", "b"}}}},
                                           "application/merge-patch+json"));
  CHECK(response.code == 429);
  CHECK(body_of(response)["details"] == json{{"retryAfterSeconds", 1}});
  CHECK(body_of(response)["message"] == "Too many requests, please try again later.");
}

TEST_CASE("an object over the store's value limit is 413") {
  operation_harness harness;
  // Under the 3 MiB body limit, over the store's 1.5 MiB per value (an
  // environment value has no limit of its own, unlike config map data).
  auto big = pod_manifest("big");
  big["spec"]["containers"][0]["env"] =
      json::array({{{"name", "BLOB"}, {"value", std::string(1600 * 1024, 'x')}}});
  auto response = harness.run(make_request("create", "/api/v1/namespaces/default/pods", big));
  CHECK(response.code == 413);
  CHECK(body_of(response)["message"] == "Request entity too large: limit is 1572864");
  CHECK(harness.stored(pod_key("default", "big")).is_null());
}

TEST_CASE("a range below the compaction point is 410 Expired") {
  operation_harness harness;
  harness.fail_next(step_kind::read_range, store_error::compacted);
  auto response = harness.run(make_request("deletecollection", configmaps));
  CHECK(response.code == 410);
  CHECK(body_of(response)["reason"] == "Expired");
  CHECK(body_of(response)["message"] == "The resourceVersion for the provided list is too old.");
}

TEST_CASE("a revision beyond the store's is 504 Too large resource version") {
  operation_harness harness;
  harness.fail_next(step_kind::read_range, store_error::future_revision);
  auto response = harness.run(make_request("deletecollection", configmaps));
  CHECK(response.code == 504);
  CHECK(body_of(response)["message"] == "Too large resource version");
}

TEST_CASE("any other store refusal is a 500 naming it") {
  operation_harness harness;
  create(harness, configmaps, configmap_manifest("settings"));
  harness.fail_next(step_kind::read_store, store_error::malformed_request, "empty key");
  auto response = harness.run(make_request("delete", settings));
  CHECK(response.code == 500);
  CHECK(body_of(response) ==
        failure_status(
            500, "InternalError", "Internal error occurred: store: malformed_request: empty key",
            {{"causes", json::array({{{"message", "store: malformed_request: empty key"}}})}}));
  CHECK_FALSE(harness.stored(key_of("", "v1", "configmaps", "default", "settings")).is_null());
}

TEST_CASE("a create whose namespace check fails in the store answers the store's error") {
  operation_harness harness;
  harness.freeze_cache();
  create(harness, "/api/v1/namespaces", namespace_manifest("fresh"));
  harness.fail_next(step_kind::read_store, store_error::no_leader);
  auto response = harness.run(make_request("create", "/api/v1/namespaces/fresh/configmaps",
                                           configmap_manifest("settings")));
  CHECK(response.code == 503);
  CHECK(body_of(response)["message"] == "the store has no leader (no_leader); retry later");
}
