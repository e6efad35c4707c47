// Proves that route_request sends the server's own documents (version,
// health, discovery, OpenAPI) to the right document with the right group,
// version and OpenAPI path, refuses other methods on them with kube's 405
// Status and unknown paths, groups and versions with kube's 404 Status. Each
// case routes one URL and compares the whole outcome.
#include <catch2/catch.hpp>

#include "tests/gateway/gateway_test_support.hpp"

using namespace troupe::gateway;
using namespace gateway_test;

TEST_CASE("GET /version routes to the version document") {
  CHECK(document_of("/version").which == document::version);
  CHECK(document_of("/version?timeout=5s").which == document::version);
}

TEST_CASE("GET /healthz, /livez and /readyz route to their health documents, checks included") {
  CHECK(document_of("/healthz").which == document::healthz);
  CHECK(document_of("/livez").which == document::livez);
  CHECK(document_of("/readyz").which == document::readyz);
  CHECK(document_of("/livez/ping").which == document::livez);
  CHECK(document_of("/readyz?verbose").which == document::readyz);
}

TEST_CASE("GET /api and /apis route to the core versions and the group list") {
  CHECK(document_of("/api").which == document::api_versions);
  CHECK(document_of("/apis").which == document::api_groups);
}

TEST_CASE("GET /apis/apps routes to the apps group document") {
  auto route = document_of("/apis/apps");
  CHECK(route.which == document::api_group);
  CHECK(route.group == "apps");
}

TEST_CASE("GET /api/v1 and /apis/apps/v1 route to the resource list of that group version") {
  auto core = document_of("/api/v1");
  CHECK(core.which == document::resource_list);
  CHECK(core.group == "");
  CHECK(core.version == "v1");
  auto apps = document_of("/apis/apps/v1");
  CHECK(apps.which == document::resource_list);
  CHECK(apps.group == "apps");
  CHECK(apps.version == "v1");
  auto autoscaling = document_of("/apis/autoscaling/v2");
  CHECK(autoscaling.which == document::resource_list);
  CHECK(autoscaling.group == "autoscaling");
  CHECK(autoscaling.version == "v2");
}

TEST_CASE("GET /openapi/v3 routes to the OpenAPI index") {
  CHECK(document_of("/openapi/v3").which == document::openapi_v3_index);
}

TEST_CASE("GET /openapi/v3/apis/apps/v1?hash=X routes to that OpenAPI document by its path") {
  auto apps = document_of("/openapi/v3/apis/apps/v1?hash=0123ABCD");
  CHECK(apps.which == document::openapi_v3);
  CHECK(apps.path == "apis/apps/v1");
  auto core = document_of("/openapi/v3/api/v1");
  CHECK(core.which == document::openapi_v3);
  CHECK(core.path == "api/v1");
}

TEST_CASE("an unknown path is refused with kube's 404 Status") {
  for (auto url : {"/", "/foo", "/openapi", "/openapi/v2", "/metrics"})
    CHECK(failure_of("GET", url) == kube_not_found());
}

TEST_CASE("an unknown group, version or group version is refused with kube's 404 Status") {
  for (auto url : {"/apis/example.com", "/apis/example.com/v1", "/apis/apps/v2",
                   "/apis/apps/v1beta1", "/api/v2", "/api/v1beta1/pods", "/apis/autoscaling/v3"})
    CHECK(failure_of("GET", url) == kube_not_found());
}

TEST_CASE("a method other than GET on a document is refused with kube's 405 Status") {
  for (auto method : {"POST", "PUT", "PATCH", "DELETE"})
    for (auto url : {"/version", "/healthz", "/livez", "/readyz", "/api", "/apis", "/apis/apps",
                     "/api/v1", "/apis/apps/v1", "/openapi/v3", "/openapi/v3/apis/apps/v1"}) {
      INFO(std::string(method) + " " + url);
      CHECK(failure_of(method, url) == kube_method_not_allowed());
    }
}
