// Proves that route_request maps API paths the way kube-apiserver's
// RequestInfo resolver does: group, version, namespace, resource, name and
// subresource from the path (a namespace's own status and finalize
// subresources included), the verb from the method (GET list or get, DELETE
// collection or one), watches from /watch/ paths and the watch parameter
// (decoded as kube decodes query booleans), the query decoded and kept in
// order; unknown resources 404, methods without a verb 405, with kube's
// Status bodies; a target that does not parse 400. Each case routes URLs
// and compares every field.
#include <catch2/catch.hpp>

#include "tests/gateway/gateway_test_support.hpp"

using namespace troupe::gateway;
using namespace gateway_test;

using query = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("GET of a namespaced collection is a list in that namespace") {
  auto call = call_of("GET", "/api/v1/namespaces/default/pods");
  CHECK(call.verb == "list");
  CHECK(call.group == "");
  CHECK(call.version == "v1");
  CHECK(call.resource == "pods");
  CHECK(call.namespace_name == "default");
  CHECK(call.name == "");
  CHECK(call.subresource == "");
  CHECK(call.query.empty());
}

TEST_CASE("GET of a namespaced resource without a namespace lists across namespaces") {
  auto call = call_of("GET", "/apis/apps/v1/deployments?limit=500");
  CHECK(call.verb == "list");
  CHECK(call.group == "apps");
  CHECK(call.version == "v1");
  CHECK(call.resource == "deployments");
  CHECK(call.namespace_name == "");
  CHECK(call.query == query{{"limit", "500"}});
}

TEST_CASE("GET of a named object is a get of that name") {
  auto call = call_of("GET", "/apis/apps/v1/namespaces/team-a/deployments/web");
  CHECK(call.verb == "get");
  CHECK(call.group == "apps");
  CHECK(call.resource == "deployments");
  CHECK(call.namespace_name == "team-a");
  CHECK(call.name == "web");
  CHECK(call.subresource == "");
}

TEST_CASE("a cluster-scoped resource has no namespace") {
  auto list = call_of("GET", "/api/v1/nodes");
  CHECK(list.verb == "list");
  CHECK(list.resource == "nodes");
  CHECK(list.namespace_name == "");
  auto node = call_of("GET", "/api/v1/nodes/worker-1");
  CHECK(node.verb == "get");
  CHECK(node.name == "worker-1");
  CHECK(node.namespace_name == "");
  auto role = call_of("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin");
  CHECK(role.group == "rbac.authorization.k8s.io");
  CHECK(role.resource == "clusterroles");
  CHECK(role.name == "admin");
}

TEST_CASE("subresources of pods and deployments are routed with their object's name") {
  auto status = call_of("PUT", "/api/v1/namespaces/default/pods/web-0/status");
  CHECK(status.verb == "update");
  CHECK(status.resource == "pods");
  CHECK(status.name == "web-0");
  CHECK(status.subresource == "status");
  CHECK(status.namespace_name == "default");
  auto scale = call_of("PATCH", "/apis/apps/v1/namespaces/default/deployments/web/scale");
  CHECK(scale.verb == "patch");
  CHECK(scale.resource == "deployments");
  CHECK(scale.name == "web");
  CHECK(scale.subresource == "scale");
  auto log = call_of("GET", "/api/v1/namespaces/default/pods/web-0/log?container=app&follow=true");
  CHECK(log.verb == "get");
  CHECK(log.subresource == "log");
  CHECK(log.query == query{{"container", "app"}, {"follow", "true"}});
  auto eviction = call_of("POST", "/api/v1/namespaces/default/pods/web-0/eviction");
  CHECK(eviction.verb == "create");
  CHECK(eviction.subresource == "eviction");
}

TEST_CASE("/api/v1/namespaces/<name> is the namespace object itself") {
  auto call = call_of("GET", "/api/v1/namespaces/team-a");
  CHECK(call.verb == "get");
  CHECK(call.resource == "namespaces");
  CHECK(call.name == "team-a");
  CHECK(call.namespace_name == "");
  CHECK(call.subresource == "");
  auto all = call_of("GET", "/api/v1/namespaces");
  CHECK(all.verb == "list");
  CHECK(all.resource == "namespaces");
  CHECK(all.name == "");
}

TEST_CASE("a namespace's status and finalize are subresources of the namespace object") {
  auto status = call_of("PUT", "/api/v1/namespaces/team-a/status");
  CHECK(status.verb == "update");
  CHECK(status.resource == "namespaces");
  CHECK(status.name == "team-a");
  CHECK(status.subresource == "status");
  CHECK(status.namespace_name == "");
  auto finalize = call_of("PUT", "/api/v1/namespaces/team-a/finalize");
  CHECK(finalize.resource == "namespaces");
  CHECK(finalize.name == "team-a");
  CHECK(finalize.subresource == "finalize");
  CHECK(finalize.namespace_name == "");
}

TEST_CASE("each method maps to kube's verb") {
  const std::string collection = "/api/v1/namespaces/default/configmaps";
  const std::string object = collection + "/settings";
  CHECK(call_of("GET", collection).verb == "list");
  CHECK(call_of("GET", object).verb == "get");
  CHECK(call_of("POST", collection).verb == "create");
  CHECK(call_of("PUT", object).verb == "update");
  CHECK(call_of("PATCH", object).verb == "patch");
  CHECK(call_of("DELETE", object).verb == "delete");
  CHECK(call_of("DELETE", collection).verb == "deletecollection");
}

TEST_CASE("a method that has no kube verb is refused with kube's 405 Status") {
  for (auto method : {"OPTIONS", "CONNECT", "TRACE", "PROPFIND"}) {
    INFO(method);
    CHECK(failure_of(method, "/api/v1/namespaces/default/pods") == kube_method_not_allowed());
    CHECK(failure_of(method, "/api/v1/namespaces/default/pods/web") == kube_method_not_allowed());
  }
}

TEST_CASE("a /watch/ path is a watch of the collection that follows it") {
  auto namespaced = call_of("GET", "/api/v1/watch/namespaces/default/pods?resourceVersion=10");
  CHECK(namespaced.verb == "watch");
  CHECK(namespaced.resource == "pods");
  CHECK(namespaced.namespace_name == "default");
  CHECK(namespaced.query == query{{"resourceVersion", "10"}});
  auto everywhere = call_of("GET", "/apis/apps/v1/watch/deployments");
  CHECK(everywhere.verb == "watch");
  CHECK(everywhere.resource == "deployments");
  CHECK(everywhere.namespace_name == "");
}

TEST_CASE("a /watch/ path with a name watches that one object") {
  auto call = call_of("GET", "/api/v1/watch/namespaces/default/pods/web-0");
  CHECK(call.verb == "watch");
  CHECK(call.resource == "pods");
  CHECK(call.name == "web-0");
  CHECK(call.namespace_name == "default");
}

TEST_CASE("a method other than GET on a /watch/ path is refused with kube's 405 Status") {
  for (auto method : {"POST", "PUT", "PATCH", "DELETE"}) {
    INFO(method);
    CHECK(failure_of(method, "/api/v1/watch/namespaces/default/pods") == kube_method_not_allowed());
    CHECK(failure_of(method, "/api/v1/watch/namespaces/default/pods/web") ==
          kube_method_not_allowed());
  }
}

TEST_CASE("watch=true turns a list into a watch, as kubectl get -w sends it") {
  auto call = call_of("GET", "/api/v1/namespaces/default/pods?resourceVersion=42&watch=true");
  CHECK(call.verb == "watch");
  CHECK(call.query == query{{"resourceVersion", "42"}, {"watch", "true"}});
  auto informer =
      call_of("GET",
              "/apis/apps/v1/namespaces/default/deployments?allowWatchBookmarks=true&"
              "fieldSelector=metadata.name%3Dweb&resourceVersion=7&timeoutSeconds=300&watch=true");
  CHECK(informer.verb == "watch");
  CHECK(informer.name == "");
}

TEST_CASE("the watch parameter is true unless it is 0 or false in any case, as kube decodes it") {
  const std::string pods = "/api/v1/pods";
  for (auto value : {"true", "1", "True", "TRUE", "t", "yes", ""}) {
    INFO(value);
    CHECK(call_of("GET", pods + "?watch=" + value).verb == "watch");
  }
  for (auto value : {"false", "0", "False", "FALSE", "fAlSe"}) {
    INFO(value);
    CHECK(call_of("GET", pods + "?watch=" + value).verb == "list");
  }
}

TEST_CASE("a watch parameter without a value is a watch, as kube decodes it") {
  CHECK(call_of("GET", "/api/v1/pods?watch").verb == "watch");
}

TEST_CASE("only the first watch parameter counts") {
  CHECK(call_of("GET", "/api/v1/pods?watch=false&watch=true").verb == "list");
  CHECK(call_of("GET", "/api/v1/pods?watch=true&watch=false").verb == "watch");
}

TEST_CASE("watch=true on a named object stays a get, as kube's RequestInfo keeps it") {
  CHECK(call_of("GET", "/api/v1/namespaces/default/pods/web?watch=true").verb == "get");
}

TEST_CASE("query values are percent-decoded, + is a space, and repeated keys stay in order") {
  auto call = call_of("GET",
                      "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb%2Ctier%20in%20%28a"
                      "%2Cb%29&fieldSelector=status.phase%21%3DFailed&note=a+b");
  CHECK(call.query == query{{"labelSelector", "app=web,tier in (a,b)"},
                            {"fieldSelector", "status.phase!=Failed"},
                            {"note", "a b"}});
  auto dry = call_of("POST",
                     "/api/v1/namespaces/default/pods?dryRun=All&fieldManager=kubectl-create"
                     "&dryRun=All&fieldValidation=Strict");
  CHECK(dry.query == query{{"dryRun", "All"},
                           {"fieldManager", "kubectl-create"},
                           {"dryRun", "All"},
                           {"fieldValidation", "Strict"}});
}

TEST_CASE("path segments are percent-decoded") {
  auto call = call_of("GET", "/api/v1/namespaces/default/configmaps/a%2Eb");
  CHECK(call.name == "a.b");
}

TEST_CASE("an unknown resource is refused with kube's 404 Status") {
  for (auto url : {"/api/v1/widgets", "/api/v1/namespaces/default/widgets",
                   "/api/v1/namespaces/default/widgets/x", "/apis/apps/v1/pods",
                   "/apis/apps/v1/namespaces/default/services", "/apis/batch/v1/deployments"})
    CHECK(failure_of("GET", url) == kube_not_found());
}

TEST_CASE("a path longer than resource, name and subresource is refused with kube's 404 Status") {
  CHECK(failure_of("GET", "/api/v1/namespaces/default/pods/web/log/extra") == kube_not_found());
  CHECK(failure_of("GET", "/api/v1/namespaces/default/pods/web/status/x") == kube_not_found());
  CHECK(failure_of("GET", "/api/v1/nodes/n/proxy/metrics") == kube_not_found());
}

TEST_CASE("a /watch/ path without a resource, or with a subresource, is refused with kube's 404") {
  CHECK(failure_of("GET", "/api/v1/watch") == kube_not_found());
  CHECK(failure_of("GET", "/api/v1/watch/namespaces/default/pods/web/status") == kube_not_found());
}

TEST_CASE("a target that is not a path or holds a bad escape is refused with a 400 naming it") {
  for (std::string url : {"/api/v1/pods/%zz", "/api/v1/pods?%zz=1", "api/v1/pods", "*"}) {
    INFO(url);
    CHECK(failure_of("GET", url) == json{{"kind", "Status"},
                                         {"apiVersion", "v1"},
                                         {"metadata", json::object()},
                                         {"status", "Failure"},
                                         {"message", "the request URL cannot be parsed: " + url},
                                         {"reason", "BadRequest"},
                                         {"code", 400}});
  }
}
