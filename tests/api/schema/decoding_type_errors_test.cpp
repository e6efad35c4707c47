// Proves check_decoding refuses values of the wrong JSON type with the exact
// text kube-apiserver returns (Go's encoding/json, and the self-decoding
// Quantity, IntOrString, Time, MicroTime and []byte): the innermost Go struct,
// the dotted path from the root without list indices, and the Go type.
// Each case decodes a body with one bad value and compares the message.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "actors/api/core/schema/api_schema.hpp"

namespace {

using nlohmann::json;

std::string error_of(const json& body, std::string_view api_version, std::string_view kind) {
  auto report = troupe::api::check_decoding(body, api_version, kind);
  REQUIRE(report.type_error);
  return *report.type_error;
}

json deployment_with_spec(json spec) {
  return {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"spec", std::move(spec)}};
}

json deployment_with_container(json container) {
  return deployment_with_spec(
      {{"template", {{"spec", {{"containers", json::array({std::move(container)})}}}}}});
}

json pod_with_spec(json spec) {
  return {{"apiVersion", "v1"}, {"kind", "Pod"}, {"spec", std::move(spec)}};
}

std::string deployment_error(json spec) {
  return error_of(deployment_with_spec(std::move(spec)), "apps/v1", "Deployment");
}
std::string container_error(json container) {
  return error_of(deployment_with_container(std::move(container)), "apps/v1", "Deployment");
}
std::string pod_error(json spec) {
  return error_of(pod_with_spec(std::move(spec)), "v1", "Pod");
}

}  // namespace

TEST_CASE("a string for an int32 field is refused naming the innermost struct and the path") {
  CHECK(deployment_error({{"replicas", "3"}}) ==
        "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type "
        "int32");
}

TEST_CASE("a string for an int64 field is refused") {
  json body = {{"metadata", {{"generation", "7"}}}};
  CHECK(error_of(body, "v1", "ConfigMap") ==
        "json: cannot unmarshal string into Go struct field ObjectMeta.metadata.generation of type "
        "int64");
}

TEST_CASE("a string for a bool field is refused") {
  CHECK(pod_error({{"hostNetwork", "yes"}}) ==
        "json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool");
}

TEST_CASE("a number for a string field inside a list element names no index") {
  CHECK(container_error({{"name", "web"}, {"image", 5}}) ==
        "json: cannot unmarshal number into Go struct field "
        "Container.spec.template.spec.containers.image of type string");
}

TEST_CASE("an array for a struct field is refused with the Go type of the struct") {
  CHECK(deployment_error({{"template", json::array()}}) ==
        "json: cannot unmarshal array into Go struct field DeploymentSpec.spec.template of type "
        "v1.PodTemplateSpec");
  CHECK(deployment_error({{"strategy", {{"rollingUpdate", "fast"}}}}) ==
        "json: cannot unmarshal string into Go struct field "
        "DeploymentStrategy.spec.strategy.rollingUpdate "
        "of type v1.RollingUpdateDeployment");
}

TEST_CASE("an object for a list field is refused with the Go slice type") {
  CHECK(pod_error({{"containers", json::object()}}) ==
        "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type "
        "[]v1.Container");
  CHECK(container_error({{"name", "c"}, {"args", "--verbose"}}) ==
        "json: cannot unmarshal string into Go struct field "
        "Container.spec.template.spec.containers.args "
        "of type []string");
}

TEST_CASE("maps are refused as a whole and by value") {
  json labels_array = {{"metadata", {{"labels", json::array({"a"})}}}};
  CHECK(error_of(labels_array, "v1", "ConfigMap") ==
        "json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type "
        "map[string]string");
  json labels_number = {{"metadata", {{"labels", {{"tier", 1}}}}}};
  CHECK(error_of(labels_number, "v1", "ConfigMap") ==
        "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type "
        "string");
}

TEST_CASE("named Go types appear under their package's name") {
  CHECK(pod_error({{"restartPolicy", 1}}) ==
        "json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type "
        "v1.RestartPolicy");
  CHECK(container_error({{"name", "c"}, {"resources", {{"limits", json::array()}}}}) ==
        "json: cannot unmarshal array into Go struct field "
        "ResourceRequirements.spec.template.spec.containers.resources.limits of type "
        "v1.ResourceList");
  json uid = {{"metadata", {{"uid", 12}}}};
  CHECK(error_of(uid, "v1", "Secret") ==
        "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.uid of type "
        "types.UID");
  json hpa = {{"spec", {{"metrics", json::array({{{"type", 3}}})}}}};
  CHECK(error_of(hpa, "autoscaling/v2", "HorizontalPodAutoscaler") ==
        "json: cannot unmarshal number into Go struct field MetricSpec.spec.metrics.type of type "
        "v2.MetricSourceType");
}

TEST_CASE(
    "numbers with a fraction or out of range for the integer type are refused with their text") {
  CHECK(deployment_error({{"replicas", 1.5}}) ==
        "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of "
        "type int32");
  CHECK(deployment_error({{"replicas", 3000000000}}) ==
        "json: cannot unmarshal number 3000000000 into Go struct field "
        "DeploymentSpec.spec.replicas of type "
        "int32");
  CHECK(deployment_error({{"replicas", -2147483649}}) ==
        "json: cannot unmarshal number -2147483649 into Go struct field "
        "DeploymentSpec.spec.replicas of "
        "type int32");
  json generation = {{"metadata", {{"generation", 9223372036854775808ULL}}}};
  CHECK(error_of(generation, "v1", "ConfigMap") ==
        "json: cannot unmarshal number 9223372036854775808 into Go struct field "
        "ObjectMeta.metadata.generation of type int64");
}

TEST_CASE("the integer extremes of int32 and int64 are accepted") {
  CHECK_FALSE(troupe::api::check_decoding(deployment_with_spec({{"replicas", 2147483647}}),
                                          "apps/v1", "Deployment")
                  .type_error);
  CHECK_FALSE(troupe::api::check_decoding(deployment_with_spec({{"replicas", -2147483648}}),
                                          "apps/v1", "Deployment")
                  .type_error);
  json generation = {{"metadata", {{"generation", 9223372036854775807LL}}}};
  CHECK_FALSE(troupe::api::check_decoding(generation, "v1", "ConfigMap").type_error);
}

TEST_CASE("an IntOrString takes a string or an int32 and refuses anything else as an int32") {
  auto service = [](json target_port) {
    return json{
        {"spec",
         {{"ports", json::array({{{"port", 80}, {"targetPort", std::move(target_port)}}})}}}};
  };
  CHECK_FALSE(troupe::api::check_decoding(service("http"), "v1", "Service").type_error);
  CHECK_FALSE(troupe::api::check_decoding(service(8080), "v1", "Service").type_error);
  CHECK(error_of(service(true), "v1", "Service") ==
        "json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of "
        "type int32");
  CHECK(error_of(service(80.5), "v1", "Service") ==
        "json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort "
        "of type "
        "int32");
  CHECK(error_of(service(json::object()), "v1", "Service") ==
        "json: cannot unmarshal object into Go struct field ServicePort.spec.ports.targetPort of "
        "type int32");
}

TEST_CASE(
    "a Quantity takes a string or a number that parses and refuses the rest with kube's text") {
  auto limits = [](json cpu) {
    return deployment_with_container(
        {{"name", "c"}, {"resources", {{"limits", {{"cpu", std::move(cpu)}}}}}});
  };
  const std::string format_error =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  CHECK_FALSE(troupe::api::check_decoding(limits("500m"), "apps/v1", "Deployment").type_error);
  CHECK_FALSE(troupe::api::check_decoding(limits(" 1Gi "), "apps/v1", "Deployment").type_error);
  CHECK_FALSE(troupe::api::check_decoding(limits(0.5), "apps/v1", "Deployment").type_error);
  CHECK_FALSE(troupe::api::check_decoding(limits(2), "apps/v1", "Deployment").type_error);
  CHECK(error_of(limits("lots"), "apps/v1", "Deployment") == format_error);
  CHECK(error_of(limits(true), "apps/v1", "Deployment") == format_error);
  CHECK(error_of(limits(json::array()), "apps/v1", "Deployment") == format_error);
  CHECK(error_of(limits("5Mm"), "apps/v1", "Deployment") == "unable to parse quantity's suffix");
}

TEST_CASE("a Time takes an RFC 3339 string and refuses the rest with Go's text") {
  auto created = [](json value) {
    return json{{"metadata", {{"creationTimestamp", std::move(value)}}}};
  };
  CHECK_FALSE(
      troupe::api::check_decoding(created("2024-02-29T12:30:00Z"), "v1", "Namespace").type_error);
  CHECK_FALSE(
      troupe::api::check_decoding(created("2024-02-29T12:30:00.25+02:00"), "v1", "Namespace")
          .type_error);
  CHECK(error_of(created("yesterday"), "v1", "Namespace") ==
        "parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" "
        "as \"2006\"");
  CHECK(error_of(created("2023-02-29T00:00:00Z"), "v1", "Namespace") ==
        "parsing time \"2023-02-29T00:00:00Z\": day out of range");
  CHECK(error_of(created(1700000000), "v1", "Namespace") ==
        "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp "
        "of type "
        "string");
}

TEST_CASE("a MicroTime needs six fraction digits") {
  auto lease = [](json renew) { return json{{"spec", {{"renewTime", std::move(renew)}}}}; };
  CHECK_FALSE(troupe::api::check_decoding(lease("2024-05-01T10:00:00.123456Z"),
                                          "coordination.k8s.io/v1", "Lease")
                  .type_error);
  CHECK(error_of(lease("2024-05-01T10:00:00Z"), "coordination.k8s.io/v1", "Lease") ==
        "parsing time \"2024-05-01T10:00:00Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot "
        "parse \"Z\" as "
        "\".000000\"");
}

TEST_CASE("a []byte takes base64 and refuses bad base64 with Go's offset") {
  auto secret = [](json value) { return json{{"data", {{"password", std::move(value)}}}}; };
  CHECK_FALSE(troupe::api::check_decoding(secret("c2VjcmV0"), "v1", "Secret").type_error);
  CHECK(error_of(secret("not base64!"), "v1", "Secret") == "illegal base64 data at input byte 3");
  CHECK(error_of(secret(5), "v1", "Secret") ==
        "json: cannot unmarshal number into Go struct field Secret.data of type []uint8");
  CHECK_FALSE(
      troupe::api::check_decoding(secret(json::array({104, 105})), "v1", "Secret").type_error);
  CHECK(error_of(secret(json::array({256})), "v1", "Secret") ==
        "json: cannot unmarshal number 256 into Go struct field Secret.data of type uint8");
}

TEST_CASE("null is accepted for every kind of field") {
  json body = R"({
    "apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": null, "labels": {"a": null}, "creationTimestamp": null, "generation": null},
    "spec": {"replicas": null, "strategy": null, "template": {"spec": {
      "containers": [null, {"name": "c", "ports": [{"containerPort": 80, "protocol": null}],
                            "resources": {"limits": {"cpu": null}},
                            "livenessProbe": {"httpGet": {"port": null}}}]}}}
  })"_json;
  auto report = troupe::api::check_decoding(body, "apps/v1", "Deployment");
  CHECK_FALSE(report.type_error);
  CHECK(report.unknown_fields.empty());
}

TEST_CASE("the first mismatch is reported, unless a self-decoding value fails later") {
  json two_mismatches = {{"apiVersion", 1}, {"kind", 2}};
  CHECK(error_of(two_mismatches, "v1", "ConfigMap") ==
        "json: cannot unmarshal number into Go struct field ConfigMap.apiVersion of type string");
  json then_bad_time = {{"apiVersion", 1}, {"metadata", {{"creationTimestamp", "soon"}}}};
  CHECK(
      error_of(then_bad_time, "v1", "ConfigMap") ==
      "parsing time \"soon\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"soon\" as \"2006\"");
}

TEST_CASE("a mismatch does not stop the search for unknown fields") {
  json body = {{"apiVersion", 1}, {"datax", {}}};
  auto report = troupe::api::check_decoding(body, "v1", "ConfigMap");
  REQUIRE(report.type_error);
  CHECK(report.unknown_fields == std::vector<std::string>{"datax"});
}

TEST_CASE("a body that is not an object is refused as a whole") {
  CHECK(error_of(json::array(), "apps/v1", "Deployment") ==
        "json: cannot unmarshal array into Go value of type v1.Deployment");
  CHECK(error_of("text", "policy/v1", "Eviction") ==
        "json: cannot unmarshal string into Go value of type v1.Eviction");
}
