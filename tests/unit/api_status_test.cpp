// Kubernetes Status bodies (actors/api/core/api_status.hpp): codes, reasons,
// details and the messages kubectl prints, as kube-apiserver words them.
#include <catch2/catch.hpp>

#include "actors/api/core/api_status.hpp"

using namespace troupe::api;
using nlohmann::json;

TEST_CASE("not found, already exists and conflict name the resource as Kubernetes does",
          "[status]") {
  resource_name pod{"", "pods", "Pod", "web"};
  auto missing = not_found(pod);
  CHECK(missing == json::parse(R"({"kind":"Status","apiVersion":"v1","metadata":{},
      "status":"Failure","message":"pods \"web\" not found","reason":"NotFound",
      "details":{"name":"web","kind":"pods"},"code":404})"));
  resource_name deployment{"apps", "deployments", "Deployment", "api"};
  auto exists = already_exists(deployment);
  CHECK(exists["code"] == 409);
  CHECK(exists["reason"] == "AlreadyExists");
  CHECK(exists["message"] == "deployments.apps \"api\" already exists");
  CHECK(exists["details"] == json{{"name", "api"}, {"kind", "deployments"}, {"group", "apps"}});
  auto stale = conflict(pod);
  CHECK(stale["code"] == 409);
  CHECK(stale["reason"] == "Conflict");
  CHECK(stale["message"] ==
        "Operation cannot be fulfilled on pods \"web\": the object has been modified; please "
        "apply your changes to the latest version and try again");
}

TEST_CASE("invalid objects list each cause with its field, reason and message", "[status]") {
  resource_name pod{"", "pods", "Pod", "web"};
  field_error image{field_error::kind::required, "spec.containers[0].image", "", ""};
  auto one = invalid(pod, {image});
  CHECK(one["code"] == 422);
  CHECK(one["reason"] == "Invalid");
  CHECK(one["message"] == "Pod \"web\" is invalid: spec.containers[0].image: Required value");
  CHECK(one["details"]["kind"] == "Pod");
  CHECK(one["details"]["causes"] ==
        json::parse(R"([{"reason":"FieldValueRequired","message":"Required value",
                         "field":"spec.containers[0].image"}])"));

  field_error name{field_error::kind::invalid, "metadata.name", "\"Web\"",
                   "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                   "characters"};
  field_error policy{field_error::kind::not_supported, "spec.restartPolicy", "\"Sometimes\"",
                     "supported values: \"Always\", \"Never\", \"OnFailure\""};
  auto two = invalid(pod, {name, policy});
  CHECK(two["message"] ==
        "Pod \"web\" is invalid: [metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 "
        "subdomain must consist of lower case alphanumeric characters, spec.restartPolicy: "
        "Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", "
        "\"OnFailure\"]");
  CHECK(two["details"]["causes"][1]["reason"] == "FieldValueNotSupported");

  resource_name deployment{"apps", "deployments", "Deployment", "web"};
  field_error replicas{field_error::kind::invalid, "spec.replicas", "-1",
                       "must be greater than or equal to 0"};
  auto grouped = invalid(deployment, {replicas});
  CHECK(grouped["message"] ==
        "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater "
        "than or equal to 0");
  CHECK(grouped["details"]["kind"] == "Deployment");
  CHECK(grouped["details"]["group"] == "apps");
  CHECK(two["details"]["causes"][1]["field"] == "spec.restartPolicy");

  CHECK(field_error{field_error::kind::forbidden, "spec", "", "pod updates may not change fields"}
            .body() == "Forbidden: pod updates may not change fields");
  CHECK(field_error{field_error::kind::duplicate, "spec.ports[1]", "80", ""}.body() ==
        "Duplicate value: 80");
  CHECK(field_error{field_error::kind::too_long, "metadata.annotations", "",
                    "must have at most 262144 bytes"}
            .reason() == "FieldValueTooLong");
}

TEST_CASE("transport and limit failures carry their codes and reasons", "[status]") {
  CHECK(bad_request("unknown field \"spec.foo\"")["code"] == 400);
  auto media =
      unsupported_media_type({"application/json-patch+json", "application/merge-patch+json"});
  CHECK(media["code"] == 415);
  CHECK(media["message"] ==
        "the body of the request was in an unknown format - accepted media types include: "
        "application/json-patch+json, application/merge-patch+json");
  auto large = request_entity_too_large(3 * 1024 * 1024);
  CHECK(large["code"] == 413);
  CHECK(large["message"] == "Request entity too large: limit is 3145728");
  auto busy = too_many_requests(1);
  CHECK(busy["code"] == 429);
  CHECK(busy["details"]["retryAfterSeconds"] == 1);
  auto old = expired(5, 120);
  CHECK(old["code"] == 410);
  CHECK(old["reason"] == "Expired");
  CHECK(old["message"] == "too old resource version: 5 (120)");
  auto method = method_not_allowed("deletecollection", {"", "nodes", "Node", ""});
  CHECK(method["code"] == 405);
  CHECK(method["message"] == "deletecollection is not supported on resources of kind \"nodes\"");
  CHECK(internal_error("store unavailable")["message"] ==
        "Internal error occurred: store unavailable");
  CHECK(service_unavailable("no leader")["code"] == 503);
}

TEST_CASE("a Status quoting ill-formed UTF-8 writes U+FFFD in its place as Go does") {
  // A query value such as limit=%E9 decodes to the single byte 0xE9.
  auto status = bad_request("invalid limit \"\xE9t\"");
  CHECK(status["message"] == "invalid limit \"\xEF\xBF\xBDt\"");
  CHECK_NOTHROW(status.dump());
  auto named = not_found({"", "pods", "Pod", "web\xE9"});
  CHECK(named["details"]["name"] == "web\xEF\xBF\xBD");
  CHECK_NOTHROW(named.dump());
}

TEST_CASE("a version the cache has not reached is 504 with kube's cause and retry") {
  auto status = too_large_resource_version(90, 42);
  CHECK(status["code"] == 504);
  CHECK(status["reason"] == "Timeout");
  CHECK(status["message"] == "Too large resource version: 90, current: 42");
  CHECK(status["details"]["causes"][0]["reason"] == "ResourceVersionTooLarge");
  CHECK(status["details"]["retryAfterSeconds"] == 1);
}
