// Proves long_running_request, the HTTP server's test for requests that hold
// their connection (not counted against the in-flight bound): watches in the
// query and /watch/ forms and followed logs are long-running, also when
// percent-encoding spells them (the quick pre-check must not skip those);
// GETs that only mention the words, other methods, documents and a watch
// parameter kube reads as false are not.
#include <catch2/catch.hpp>

#include "actors/gateway/core/gateway_routes.hpp"

using troupe::gateway::long_running_request;

TEST_CASE("watches and followed logs are long-running") {
  CHECK(long_running_request("GET", "/api/v1/pods?watch=true"));
  CHECK(long_running_request("GET", "/api/v1/namespaces/default/pods?watch=1&resourceVersion=5"));
  CHECK(long_running_request("GET", "/api/v1/watch/namespaces/default/pods"));
  CHECK(long_running_request("GET", "/apis/apps/v1/deployments?watch="));
  CHECK(long_running_request("GET", "/api/v1/namespaces/default/pods/web/log?follow=true"));
}

TEST_CASE("percent-encoded watches and follows are long-running") {
  CHECK(long_running_request("GET", "/api/v1/pods?%77atch=true"));
  CHECK(long_running_request("GET", "/api/v1/pods?watch=%74rue"));
  CHECK(long_running_request("GET", "/api/v1/namespaces/default/pods/web/log?%66ollow=true"));
  CHECK(long_running_request("GET", "/api/v1/namespaces/default/pods/web/log?follow=%74rue"));
}

TEST_CASE("other requests are not long-running") {
  CHECK_FALSE(long_running_request("GET", "/api/v1/pods"));
  CHECK_FALSE(long_running_request("GET", "/api/v1/pods?watch=false"));
  CHECK_FALSE(long_running_request("GET", "/api/v1/pods?watch=0"));
  CHECK_FALSE(
      long_running_request("GET", "/api/v1/pods?%57atch=true"));  // "Watch": names are exact
  CHECK_FALSE(long_running_request("POST", "/api/v1/namespaces/default/pods?watch=true"));
  CHECK_FALSE(
      long_running_request("GET", "/api/v1/configmaps?fieldSelector=metadata.name%3Dwatch"));
  CHECK_FALSE(long_running_request("GET", "/api/v1/pods?labelSelector=app%3Dweb"));
  CHECK_FALSE(long_running_request("GET", "/api/v1/namespaces/default/pods/web/log"));
  CHECK_FALSE(long_running_request("GET", "/api/v1/namespaces/default/pods/web/log?follow=false"));
  CHECK_FALSE(long_running_request("GET", "/api/v1/namespaces/default/pods/web?follow=true"));
  CHECK_FALSE(long_running_request("GET", "/version?watch=true"));
  CHECK_FALSE(long_running_request("GET", "/api/v1/no-such-resource?watch=true"));
  CHECK_FALSE(long_running_request("GET", "/api/v1/pods?watch=true%"));  // does not parse
}
