// Helpers of the gateway core tests: the route a URL takes, unwrapped into
// the alternative a test expects (failing the test with what it got
// otherwise), and kube-apiserver's Status bodies for unknown paths and
// refused methods, written out as kube-apiserver 1.32 sends them.
#pragma once

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "actors/gateway/core/gateway_routes.hpp"

namespace gateway_test {

using nlohmann::json;

inline std::string describe(const troupe::gateway::route& routed) {
  if (auto* failure = std::get_if<troupe::api::api_failure>(&routed))
    return "a failure: " + failure->status.dump();
  if (std::holds_alternative<troupe::gateway::document_route>(routed)) return "a document";
  return "an api call";
}

inline troupe::api_request call_of(std::string_view method, std::string_view url) {
  auto routed = troupe::gateway::route_request(method, url);
  INFO(std::string(method) + " " + std::string(url) + " routed to " + describe(routed));
  REQUIRE(std::holds_alternative<troupe::gateway::api_route>(routed));
  return std::get<troupe::gateway::api_route>(routed).request;
}

inline troupe::gateway::document_route document_of(std::string_view url) {
  auto routed = troupe::gateway::route_request("GET", url);
  INFO("GET " + std::string(url) + " routed to " + describe(routed));
  REQUIRE(std::holds_alternative<troupe::gateway::document_route>(routed));
  return std::get<troupe::gateway::document_route>(routed);
}

inline json failure_of(std::string_view method, std::string_view url) {
  auto routed = troupe::gateway::route_request(method, url);
  INFO(std::string(method) + " " + std::string(url) + " routed to " + describe(routed));
  REQUIRE(std::holds_alternative<troupe::api::api_failure>(routed));
  return std::get<troupe::api::api_failure>(routed).status;
}

// What kube-apiserver answers for a path nothing serves
// (apierrors.NewGenericServerResponse(404, ...) with no resource).
inline json kube_not_found() {
  return json::parse(R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
    "message":"the server could not find the requested resource","reason":"NotFound",
    "details":{},"code":404})");
}

// What kube-apiserver answers for a method a served path has no route for
// (go-restful's 405, through the same NewGenericServerResponse).
inline json kube_method_not_allowed() {
  return json::parse(R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
    "message":"the server does not allow this method on the requested resource",
    "reason":"MethodNotAllowed","details":{},"code":405})");
}

}  // namespace gateway_test
