// Proves ObjectMeta validation on every kind: names by each kind's rule,
// generateName, namespace by scope, labels, annotations, owner references,
// finalizers and the update rules, each with kube's exact path and wording.
#include <catch2/catch.hpp>

#include "actors/api/core/validation/api_validation.hpp"
#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

namespace {

const char* const subdomain_rule =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must "
    "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation "
    "is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const char* const label_rule =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and "
    "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation "
    "is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const char* const dns1035_rule =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
    "alphabetic "
    "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used "
    "for "
    "validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const char* const qualified_name_rule =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
    "with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    "validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

}  // namespace

TEST_CASE("an object without name or generateName is refused with kube's Required detail") {
  auto object = pod();
  object["metadata"].erase("name");
  CHECK(
      create_causes(object) ==
      std::vector<std::string>{"metadata.name: Required value: name or generateName is required"});
}

TEST_CASE("a generateName without name is accepted, since kube generates the name first") {
  auto object = pod();
  object["metadata"].erase("name");
  object["metadata"]["generateName"] = "web-";
  CHECK(create_causes(object).empty());
}

TEST_CASE("a bad generateName prefix is refused by the kind's name rule") {
  auto object = config_map();
  object["metadata"]["generateName"] = "Web_";
  CHECK(create_causes(object) ==
        std::vector<std::string>{std::string("metadata.generateName: Invalid value: \"Web_\": ") +
                                 subdomain_rule});
}

TEST_CASE("each kind names its objects by its own rule") {
  auto bad_pod = pod();
  bad_pod["metadata"]["name"] = "Web";
  CHECK(create_causes(bad_pod) ==
        std::vector<std::string>{std::string("metadata.name: Invalid value: \"Web\": ") +
                                 subdomain_rule});

  auto dotted_namespace = namespace_object();
  dotted_namespace["metadata"]["name"] = "team.a";
  CHECK(
      create_causes(dotted_namespace) ==
      std::vector<std::string>{"metadata.name: Invalid value: \"team.a\": must not contain dots"});

  auto numeric_service = service();
  numeric_service["metadata"]["name"] = "1web";
  CHECK(create_causes(numeric_service) ==
        std::vector<std::string>{std::string("metadata.name: Invalid value: \"1web\": ") +
                                 dns1035_rule});

  auto dotted_stateful_set = stateful_set();
  dotted_stateful_set["metadata"]["name"] = "db.v1";
  CHECK(create_causes(dotted_stateful_set) ==
        std::vector<std::string>{"metadata.name: Invalid value: \"db.v1\": must not contain dots"});

  auto colon_role = role();
  colon_role["metadata"]["name"] = "system:Reader";
  CHECK(create_causes(colon_role).empty());
  colon_role["metadata"]["name"] = "a/b";
  CHECK(create_causes(colon_role) ==
        std::vector<std::string>{"metadata.name: Invalid value: \"a/b\": may not contain '/'"});
}

TEST_CASE(
    "a namespaced object without namespace is refused, a cluster-scoped one may not have one") {
  auto object = config_map();
  object["metadata"].erase("namespace");
  CHECK(create_causes(object) == std::vector<std::string>{"metadata.namespace: Required value"});
  auto cluster_scoped = node();
  cluster_scoped["metadata"]["namespace"] = "default";
  CHECK(create_causes(cluster_scoped) ==
        std::vector<std::string>{"metadata.namespace: Forbidden: not allowed on this type"});
  auto bad_namespace = config_map();
  bad_namespace["metadata"]["namespace"] = "Team";
  CHECK(create_causes(bad_namespace) ==
        std::vector<std::string>{std::string("metadata.namespace: Invalid value: \"Team\": ") +
                                 label_rule});
}

TEST_CASE("label keys and values are reported at metadata.labels with the label rules") {
  auto object = config_map();
  object["metadata"]["labels"] = {{"app/", "web"}, {"tier", "front end"}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            std::string("metadata.labels: Invalid value: \"app/\": name part must be non-empty"),
            std::string("metadata.labels: Invalid value: \"app/\": ") + qualified_name_rule,
            "metadata.labels: Invalid value: \"front end\": a valid label must be an empty string "
            "or consist of "
            "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
            "character (e.g. "
            "'MyValue',  or 'my_value',  or '12345', regex used for validation is "
            "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"});
}

TEST_CASE("annotations over 256 KiB in total are refused as too long") {
  auto object = config_map();
  object["metadata"]["annotations"] = {{"note", std::string(256 * 1024, 'x')}};
  CHECK(create_causes(object) ==
        std::vector<std::string>{"metadata.annotations: Too long: must have at most 262144 bytes"});
}

TEST_CASE("owner references need apiVersion, kind, name and uid, and one controller at most") {
  auto object = replica_set();
  object["metadata"]["ownerReferences"] = json::parse(R"([
    {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "uid": "u1", "controller": true},
    {"apiVersion": "", "kind": "", "name": "", "uid": ""},
    {"apiVersion": "apps/v1", "kind": "Deployment", "name": "other", "uid": "u2", "controller": true}])");
  auto causes = create_causes(object);
  REQUIRE(causes.size() == 5);
  CHECK(causes[0] ==
        "metadata.ownerReferences.apiVersion: Invalid value: \"\": version must not be empty");
  CHECK(causes[1] == "metadata.ownerReferences.kind: Invalid value: \"\": must not be empty");
  CHECK(causes[2] == "metadata.ownerReferences.name: Invalid value: \"\": must not be empty");
  CHECK(causes[3] == "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty");
  CHECK(causes[4].rfind("metadata.ownerReferences: Invalid value: "
                        "[]v1.OwnerReference{v1.OwnerReference{APIVersion:\"apps/v1\"",
                        0) == 0);
  CHECK(
      causes[4].find(
          ": Only one reference can have Controller set to true. Found \"true\" in references for "
          "Deployment/web and Deployment/other") != std::string::npos);
}

TEST_CASE("finalizers are qualified names and unqualified ones must be kube's standard names") {
  auto object = config_map();
  object["metadata"]["finalizers"] = {"example.com/cleanup", "kubernetes", "cleanup", "orphan",
                                      "foregroundDeletion"};
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "metadata.finalizers: Invalid value: []string{\"example.com/cleanup\", \"kubernetes\", "
            "\"cleanup\", \"orphan\", "
            "\"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set",
            "metadata.finalizers[2]: Invalid value: \"cleanup\": name is neither a standard "
            "finalizer name nor is it "
            "fully qualified"});
}

TEST_CASE(
    "an update may not change name, namespace, uid or creationTimestamp and needs a "
    "resourceVersion") {
  auto old = stored(config_map());
  auto object = old;
  object["metadata"]["uid"] = "other";
  object["metadata"]["creationTimestamp"] = "2024-06-01T00:00:00Z";
  object["metadata"]["generation"] = 0;
  object["metadata"].erase("resourceVersion");
  CHECK(update_causes(object, old) ==
        std::vector<std::string>{
            "metadata.resourceVersion: Invalid value: \"\": must be specified for an update",
            "metadata.generation: Invalid value: 0: must not be decremented",
            "metadata.uid: Invalid value: \"other\": field is immutable",
            "metadata.creationTimestamp: Invalid value: 2024-06-01 00:00:00 +0000 UTC: field "
            "is immutable"});
}

TEST_CASE("an object being deleted may not gain finalizers") {
  auto old = stored(config_map());
  old["metadata"]["deletionTimestamp"] = "2024-05-02T00:00:00Z";
  old["metadata"]["finalizers"] = {"example.com/a"};
  auto object = old;
  object["metadata"]["finalizers"] = {"example.com/a", "example.com/b"};
  CHECK(update_causes(object, old) ==
        std::vector<std::string>{
            "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being "
            "deleted, found new finalizers []string{\"example.com/b\"}"});
}

TEST_CASE("the rendered Status cause carries kube's reason for each kind of cause") {
  auto object = pod();
  object["spec"]["containers"][0].erase("image");
  auto causes = validate_create(object, "v1", "Pod");
  REQUIRE(causes.size() == 1);
  CHECK(causes[0].type == field_error::kind::required);
  CHECK(causes[0].field == "spec.containers[0].image");
  CHECK(causes[0].reason() == "FieldValueRequired");
  CHECK(causes[0].body() == "Required value");
}

}  // namespace troupe::api::validation_test

namespace troupe::api::validation_test {

TEST_CASE("each cause carries kube's kind, printed value and detail separately") {
  auto object = pod();
  object["spec"]["restartPolicy"] = "Sometimes";
  object["spec"]["containers"][0]["volumeMounts"][0]["name"] = "cache";
  object["spec"]["volumes"].push_back({{"name", "config"}, {"emptyDir", json::object()}});
  auto causes = validate_create(object, "v1", "Pod");
  REQUIRE(causes.size() == 3);
  CHECK(causes[0].type == field_error::kind::duplicate);
  CHECK(causes[0].field == "spec.volumes[2].name");
  CHECK(causes[0].value == "\"config\"");
  CHECK(causes[0].detail.empty());
  CHECK(causes[1].type == field_error::kind::not_found);
  CHECK(causes[1].field == "spec.containers[0].volumeMounts[0].name");
  CHECK(causes[1].value == "\"cache\"");
  CHECK(causes[1].reason() == "FieldValueNotFound");
  CHECK(causes[2].type == field_error::kind::not_supported);
  CHECK(causes[2].value == "\"Sometimes\"");
  CHECK(causes[2].detail == "supported values: \"Always\", \"OnFailure\", \"Never\"");
  CHECK(causes[2].body() ==
        "Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"");
  auto status = invalid(resource_name{"", "pods", "Pod", "web"}, causes);
  CHECK(status["message"] ==
        "Pod \"web\" is invalid: [spec.volumes[2].name: Duplicate value: \"config\", "
        "spec.containers[0].volumeMounts[0].name: Not found: \"cache\", spec.restartPolicy: "
        "Unsupported "
        "value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"]");
}

}  // namespace troupe::api::validation_test
