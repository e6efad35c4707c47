// Request bodies decoded as kube-apiserver 1.32's create and update
// handlers decode them (body_decoding.hpp): JSON or YAML (YAML 1.1 as
// sigs.k8s.io/yaml reads it: yes/no are booleans, quoted numbers strings),
// protobuf and other media types refused with 415, bodies over 3 MiB with
// 413, bodies that are empty, not objects or of another kind with 400 in
// kube's words, and unknown fields by fieldValidation (Strict 400, Warn a
// warning each, Ignore silence; kept in both). Pure functions.
#include <catch2/catch.hpp>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/body_decoding.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using nlohmann::json;
using troupe::api::testing::failure_status;

namespace {

const resource_info& pods() {
  return *find_resource("", "v1", "pods");
}

const std::string pod_json = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},)"
                             R"("spec":{"containers":[{"name":"web","image":"nginx"}]}})";

decoded_object decoded(std::string_view content_type, std::string_view body,
                       field_validation validation = field_validation::strict) {
  auto result = decode_object(pods(), content_type, body, validation);
  if (const auto* failure = failure_of(result)) FAIL(failure->status.dump());
  return std::get<decoded_object>(std::move(result));
}

json refusal(std::string_view content_type, std::string_view body,
             field_validation validation = field_validation::strict) {
  auto result = decode_object(pods(), content_type, body, validation);
  const auto* failure = failure_of(result);
  REQUIRE(failure);
  return failure->status;
}

}  // namespace

TEST_CASE("a JSON body decodes to its object") {
  auto object = decoded("application/json", pod_json);
  CHECK(object.object == json::parse(pod_json));
  CHECK(object.warnings.empty());
}

TEST_CASE("the media type is read without parameters and case") {
  CHECK(media_type_of("Application/JSON; charset=utf-8") == "application/json");
  CHECK(media_type_of("  application/yaml  ") == "application/yaml");
  CHECK(decoded("application/json;charset=utf-8", pod_json).object["kind"] == "Pod");
  CHECK(decoded("", pod_json).object["kind"] == "Pod");
}

TEST_CASE("a YAML body decodes with YAML 1.1 booleans and quoted numbers kept as strings") {
  auto object = decoded("application/yaml", R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    version: "1.10"
spec:
  hostNetwork: yes
  enableServiceLinks: no
  containers:
  - name: web
    image: nginx
    env:
    - name: PORT
      value: "80"
    ports:
    - containerPort: 80
)");
  const auto& spec = object.object["spec"];
  CHECK(spec["hostNetwork"] == true);
  CHECK(spec["enableServiceLinks"] == false);
  CHECK(spec["containers"][0]["env"][0]["value"] == "80");
  CHECK(spec["containers"][0]["ports"][0]["containerPort"] == 80);
  CHECK(object.object["metadata"]["labels"]["version"] == "1.10");
}

TEST_CASE("a quoted number where an integer belongs is 400 in Go's decoding words") {
  auto status = refusal("application/yaml", R"(apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: "80"
)");
  CHECK(status["code"] == 400);
  CHECK(status["message"] ==
        "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal string into Go "
        "struct field ContainerPort.spec.containers.ports.containerPort of type int32");
}

TEST_CASE("YAML that does not parse is 400") {
  auto status = refusal("application/yaml", "kind: [Pod\n");
  CHECK(status["code"] == 400);
  CHECK(status["message"].get<std::string>().rfind("error converting YAML to JSON: yaml: ", 0) ==
        0);
}

TEST_CASE("a protobuf body is 415 listing the media types served") {
  auto status = refusal("application/vnd.kubernetes.protobuf", std::string("k8s\0", 4));
  CHECK(status ==
        failure_status(415, "UnsupportedMediaType",
                       "the body of the request was in an unknown format - accepted media types "
                       "include: application/json, application/yaml"));
  CHECK(refusal("text/plain", pod_json)["code"] == 415);
}

TEST_CASE("a body over 3 MiB is 413 before it is parsed") {
  std::string big(request_body_bytes_max + 1, ' ');
  auto status = refusal("application/json", big);
  CHECK(status["code"] == 413);
  CHECK(status["reason"] == "RequestEntityTooLarge");
  CHECK(status["message"] == "Request entity too large: limit is 3145728");
}

TEST_CASE("an empty body is 400") {
  CHECK(refusal("application/json", "")["message"] == "the request body is empty");
  CHECK(refusal("application/json", " \r\n\t")["message"] == "the request body is empty");
  CHECK(refusal("application/yaml", "")["message"] == "the request body is empty");
}

TEST_CASE("a body that is not a JSON object is 400") {
  CHECK(refusal("application/json", "[1,2]")["message"] ==
        "couldn't get version/kind; json parse error: the body is not a JSON object");
  auto status = refusal("application/json", "{\"kind\":");
  CHECK(status["code"] == 400);
  CHECK(status["message"].get<std::string>().rfind("couldn't get version/kind; json parse error: ",
                                                   0) == 0);
}

TEST_CASE("a body without a kind is 400 quoting the body") {
  CHECK(
      refusal("application/json", R"({"apiVersion":"v1","metadata":{"name":"web"}})")["message"] ==
      "Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\"}}'");
}

TEST_CASE("a body of another apiVersion or kind than the endpoint's is 400") {
  CHECK(refusal("application/json", R"({"apiVersion":"apps/v1","kind":"Pod"})")["message"] ==
        "the API version in the data (apps/v1) does not match the expected API version (v1)");
  CHECK(refusal("application/json", R"({"apiVersion":"v1","kind":"Service"})")["message"] ==
        "the kind in the data (Service) does not match the expected kind (Pod)");
  CHECK(refusal("application/json", R"({"kind":"Pod"})")["message"] ==
        "the API version in the data () does not match the expected API version (v1)");
}

TEST_CASE("unknown fields are refused, warned of or ignored by fieldValidation") {
  auto body = json::parse(pod_json);
  body["spec"]["colour"] = "blue";
  body["metadata"]["shape"] = "round";
  auto text = body.dump();
  CHECK(refusal("application/json", text)["message"] ==
        "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field "
        "\"metadata.shape\", unknown field \"spec.colour\"");
  auto warned = decoded("application/json", text, field_validation::warn);
  CHECK(warned.warnings == std::vector<std::string>{"unknown field \"metadata.shape\"",
                                                    "unknown field \"spec.colour\""});
  CHECK(warned.object == body);
  auto ignored = decoded("application/json", text, field_validation::ignore);
  CHECK(ignored.warnings.empty());
  CHECK(ignored.object == body);
}

TEST_CASE("a type error is refused whatever the fieldValidation") {
  auto body = json::parse(pod_json);
  body["spec"]["containers"] = "web";
  auto status = refusal("application/json", body.dump(), field_validation::ignore);
  CHECK(status["code"] == 400);
  CHECK(status["message"].get<std::string>().rfind(
            "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal string into "
            "Go struct field PodSpec.spec.containers of type []",
            0) == 0);
}

TEST_CASE("a body nested beyond the depth bound is 400, not a deep recursion") {
  std::string deep = R"({"apiVersion":"v1","kind":"Pod","metadata":{"annotations":)";
  for (int i = 0; i < 300; ++i) deep += "[";
  for (int i = 0; i < 300; ++i) deep += "]";
  deep += "}}";
  auto status = refusal("application/json", deep);
  CHECK(status["code"] == 400);
  CHECK(status["message"].get<std::string>().find("256") != std::string::npos);
}

TEST_CASE("parse_body reads any JSON value, not only objects") {
  auto parsed = parse_body("application/json", "[1]");
  REQUIRE(std::holds_alternative<json>(parsed));
  CHECK(std::get<json>(parsed) == json::array({1}));
}

TEST_CASE("an object the server built is checked for type errors as a body would be") {
  auto object = json::parse(pod_json);
  object["status"] = {{"phase", 3}};
  auto checked = check_object_fields(pods(), object, field_validation::ignore);
  REQUIRE(failure_of(checked));
  CHECK(failure_of(checked)->status["message"] ==
        "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal number into Go "
        "struct field PodStatus.status.phase of type v1.PodPhase");
}
