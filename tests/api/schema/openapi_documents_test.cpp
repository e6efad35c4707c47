// Proves the OpenAPI v3 documents serve their two consumers in real kubectl:
// its field-validation check (a patch operation per kind carrying the GVK
// object and a fieldValidation query parameter, found the way
// query_param_verifier_v3.go looks) and `kubectl explain` (the GVK found
// from the resource's paths the way plaintext.tmpl looks, then a schema
// listing that GVK, with fields, types and descriptions). Also: the index
// lists every group-version of the registry, every $ref resolves, and the
// documents and hashes are deterministic.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/schema/api_schema.hpp"
#include "actors/api/core/schema/builtin_schema.hpp"
#include "actors/api/core/schema/openapi_documents.hpp"

namespace {

using nlohmann::json;

std::string document_path(const troupe::api::resource_info& resource) {
  if (resource.group.empty()) return "api/" + resource.version;
  return "apis/" + resource.group + "/" + resource.version;
}

json gvk_of(const troupe::api::resource_info& resource) {
  return json{{"group", resource.group}, {"kind", resource.kind}, {"version", resource.version}};
}

json document_for(const troupe::api::resource_info& resource) {
  auto document = troupe::api::openapi_v3_document(document_path(resource));
  REQUIRE(document);
  return *document;
}

// query_param_verifier_v3.go: the first patch operation with the kind's GVK
// decides, so every one of them must carry the parameter.
bool supports_field_validation(const json& document, const json& gvk) {
  bool found = false;
  for (const auto& [path, item] : document.at("paths").items()) {
    if (!item.contains("patch")) continue;
    const auto& patch = item.at("patch");
    if (patch.value("x-kubernetes-group-version-kind", json()) != gvk) continue;
    bool has_parameter = false;
    for (const auto& parameter : patch.value("parameters", json::array()))
      has_parameter = has_parameter ||
                      (parameter.at("name") == "fieldValidation" && parameter.at("in") == "query");
    if (!has_parameter) return false;
    found = true;
  }
  return found;
}

// plaintext.tmpl: the GVK of the first operation found on the resource's paths.
json explain_gvk(const json& document, const troupe::api::resource_info& resource) {
  std::string prefix = resource.group.empty() ? "/api" : "/apis/" + resource.group;
  std::string base = prefix + "/" + resource.version;
  for (const auto& path : {base + "/" + resource.plural, base + "/" + resource.plural + "/{name}",
                           base + "/namespaces/{namespace}/" + resource.plural,
                           base + "/namespaces/{namespace}/" + resource.plural + "/{name}"}) {
    if (!document.at("paths").contains(path)) continue;
    for (const auto* method : {"get", "post", "put", "patch", "delete"}) {
      const auto& item = document.at("paths").at(path);
      if (item.contains(method) && item.at(method).contains("x-kubernetes-group-version-kind"))
        return item.at(method).at("x-kubernetes-group-version-kind");
    }
  }
  return nullptr;
}

const json* schema_listing(const json& document, const json& gvk) {
  for (const auto& [name, schema] : document.at("components").at("schemas").items()) {
    for (const auto& listed : schema.value("x-kubernetes-group-version-kind", json::array()))
      if (listed == gvk) return &schema;
  }
  return nullptr;
}

const json& resolve(const json& document, const json& schema) {
  const json* current = &schema;
  if (current->contains("allOf")) current = &current->at("allOf").at(0);
  if (!current->contains("$ref")) return *current;
  std::string name =
      current->at("$ref").get<std::string>().substr(std::string("#/components/schemas/").size());
  return document.at("components").at("schemas").at(name);
}

void collect_references(const json& value, std::set<std::string>& references) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (key == "$ref" && member.is_string()) references.insert(member.get<std::string>());
      collect_references(member, references);
    }
  } else if (value.is_array()) {
    for (const auto& member : value) collect_references(member, references);
  }
}

}  // namespace

TEST_CASE("the OpenAPI index lists every group-version of the registry with a hashed URL") {
  json index = troupe::api::openapi_v3_index();
  std::set<std::string> expected;
  for (const auto& group : troupe::api::builtin_groups())
    for (const auto& version : group.versions)
      expected.insert(group.group.empty() ? "api/" + version
                                          : "apis/" + group.group + "/" + version);
  std::set<std::string> listed;
  for (const auto& [path, entry] : index.at("paths").items()) {
    listed.insert(path);
    auto document = troupe::api::openapi_v3_document(path);
    REQUIRE(document);
    CHECK(entry.at("serverRelativeURL") ==
          "/openapi/v3/" + path + "?hash=" + troupe::api::schema::document_hash(document->dump()));
  }
  CHECK(listed == expected);
  CHECK(listed.count("apis/rbac.authorization.k8s.io/v1") == 1);
}

TEST_CASE("a path outside the index has no document") {
  CHECK_FALSE(troupe::api::openapi_v3_document("apis/apps/v2"));
  CHECK_FALSE(troupe::api::openapi_v3_document("api"));
  CHECK_FALSE(troupe::api::openapi_v3_document(""));
}

TEST_CASE(
    "every kind has patch operations carrying its GVK object and a fieldValidation parameter") {
  for (const auto& resource : troupe::api::builtin_resources()) {
    INFO(resource.api_version() << " " << resource.kind);
    CHECK(supports_field_validation(document_for(resource), gvk_of(resource)));
  }
  json apps = *troupe::api::openapi_v3_document("apis/apps/v1");
  json scale_gvk = {{"group", "autoscaling"}, {"kind", "Scale"}, {"version", "v1"}};
  CHECK(supports_field_validation(apps, scale_gvk));
}

TEST_CASE("kubectl explain finds each resource's kind and a schema listing that kind") {
  for (const auto& resource : troupe::api::builtin_resources()) {
    INFO(resource.api_version() << " " << resource.plural);
    json document = document_for(resource);
    json gvk = explain_gvk(document, resource);
    CHECK(gvk == gvk_of(resource));
    const json* schema = schema_listing(document, gvk);
    REQUIRE(schema != nullptr);
    CHECK(schema->at("type") == "object");
    CHECK_FALSE(schema->at("description").get<std::string>().empty());
    CHECK(schema->at("properties").contains("metadata"));
  }
}

TEST_CASE(
    "explain of pods.spec.containers reaches the Container fields with types and descriptions") {
  json document = *troupe::api::openapi_v3_document("api/v1");
  const json& pod = document.at("components").at("schemas").at("io.k8s.api.core.v1.Pod");
  const json& spec = pod.at("properties").at("spec");
  CHECK(spec.at("allOf").at(0).at("$ref") == "#/components/schemas/io.k8s.api.core.v1.PodSpec");
  const json& pod_spec = resolve(document, spec);
  CHECK(pod_spec.at("required") == json::array({"containers"}));
  const json& containers = pod_spec.at("properties").at("containers");
  CHECK(containers.at("type") == "array");
  CHECK_FALSE(containers.at("description").get<std::string>().empty());
  const json& container = resolve(document, containers.at("items"));
  for (const auto& [name, field] : container.at("properties").items()) {
    INFO(name);
    CHECK_FALSE(field.value("description", "").empty());
  }
  CHECK(container.at("properties").at("image").at("type") == "string");
  CHECK(container.at("properties").at("ports").at("items").at("allOf").at(0).at("$ref") ==
        "#/components/schemas/io.k8s.api.core.v1.ContainerPort");
}

TEST_CASE("explain of deployment.spec.strategy shows its type and rolling update parameters") {
  json document = *troupe::api::openapi_v3_document("apis/apps/v1");
  const auto& schemas = document.at("components").at("schemas");
  const json& strategy = resolve(
      document, schemas.at("io.k8s.api.apps.v1.DeploymentSpec").at("properties").at("strategy"));
  CHECK(strategy.at("properties").at("type").at("type") == "string");
  const json& rolling = resolve(document, strategy.at("properties").at("rollingUpdate"));
  CHECK(rolling.at("properties").at("maxSurge").at("allOf").at(0).at("$ref") ==
        "#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString");
  // explain prints a reference's name unless the schema has a non-object type.
  CHECK_FALSE(schemas.at("io.k8s.apimachinery.pkg.util.intstr.IntOrString").contains("type"));
  CHECK_FALSE(schemas.at("io.k8s.apimachinery.pkg.api.resource.Quantity").contains("type"));
  CHECK(schemas.at("io.k8s.apimachinery.pkg.apis.meta.v1.Time").at("type") == "string");
}

TEST_CASE("every reference of every document resolves within it") {
  json index = troupe::api::openapi_v3_index();
  for (const auto& [path, entry] : index.at("paths").items()) {
    INFO(path);
    json document = *troupe::api::openapi_v3_document(path);
    std::set<std::string> references;
    collect_references(document, references);
    CHECK_FALSE(references.empty());
    for (const auto& reference : references) {
      INFO(reference);
      REQUIRE(reference.rfind("#/components/schemas/", 0) == 0);
      CHECK(document.at("components").at("schemas").contains(reference.substr(21)));
    }
  }
}

TEST_CASE("operations carry kube's actions, parameters and bodies") {
  json apps = *troupe::api::openapi_v3_document("apis/apps/v1");
  const auto& item = apps.at("paths").at("/apis/apps/v1/namespaces/{namespace}/deployments/{name}");
  CHECK(item.at("patch").at("operationId") == "patchAppsV1NamespacedDeployment");
  CHECK(item.at("patch").at("x-kubernetes-action") == "patch");
  CHECK(item.at("patch")
            .at("requestBody")
            .at("content")
            .contains("application/strategic-merge-patch+json"));
  CHECK(item.at("put").at("x-kubernetes-action") == "put");
  CHECK(item.at("delete").at("x-kubernetes-action") == "delete");
  CHECK(item.at("get")
            .at("responses")
            .at("200")
            .at("content")
            .at("application/json")
            .at("schema")
            .at("$ref") == "#/components/schemas/io.k8s.api.apps.v1.Deployment");
  const auto& collection = apps.at("paths").at("/apis/apps/v1/namespaces/{namespace}/deployments");
  CHECK(collection.at("get").at("x-kubernetes-action") == "list");
  CHECK(collection.at("post").at("operationId") == "createAppsV1NamespacedDeployment");
  CHECK(collection.at("delete").at("operationId") == "deleteAppsV1CollectionNamespacedDeployment");
  CHECK(apps.at("paths").at("/apis/apps/v1/deployments").at("get").at("operationId") ==
        "listAppsV1DeploymentForAllNamespaces");
  CHECK(apps.at("paths").contains("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"));
  CHECK(
      apps.at("paths").contains("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status"));
  json core = *troupe::api::openapi_v3_document("api/v1");
  CHECK(core.at("paths")
            .at("/api/v1/namespaces/{namespace}/pods/{name}/eviction")
            .at("post")
            .at("x-kubernetes-group-version-kind") ==
        json({{"group", "policy"}, {"kind", "Eviction"}, {"version", "v1"}}));
  CHECK(core.at("paths").at("/api/v1/nodes/{name}").at("get").at("operationId") ==
        "readCoreV1Node");
  CHECK_FALSE(core.at("paths").at("/api/v1/namespaces").contains("delete"));
  json rbac = *troupe::api::openapi_v3_document("apis/rbac.authorization.k8s.io/v1");
  CHECK(
      rbac.at("paths").at("/apis/rbac.authorization.k8s.io/v1/clusterroles").at("get").at("tags") ==
      json::array({"rbacAuthorization_v1"}));
}

TEST_CASE("list schemas and DeleteOptions carry their kinds") {
  json batch = *troupe::api::openapi_v3_document("apis/batch/v1");
  const auto& schemas = batch.at("components").at("schemas");
  CHECK(schemas.at("io.k8s.api.batch.v1.JobList").at("x-kubernetes-group-version-kind") ==
        json::array({{{"group", "batch"}, {"kind", "JobList"}, {"version", "v1"}}}));
  const auto& kinds = schemas.at("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions")
                          .at("x-kubernetes-group-version-kind");
  CHECK(std::find(kinds.begin(), kinds.end(),
                  json({{"group", "batch"}, {"kind", "DeleteOptions"}, {"version", "v1"}})) !=
        kinds.end());
  CHECK(std::find(kinds.begin(), kinds.end(),
                  json({{"group", ""}, {"kind", "DeleteOptions"}, {"version", "v1"}})) !=
        kinds.end());
}

TEST_CASE("documents and their hashes are the same on every call") {
  CHECK(troupe::api::openapi_v3_index() == troupe::api::openapi_v3_index());
  auto first = troupe::api::openapi_v3_document("apis/apps/v1");
  auto second = troupe::api::openapi_v3_document("apis/apps/v1");
  REQUIRE(first);
  CHECK(first->dump() == second->dump());
  json rebuilt = troupe::api::schema::build_openapi_document(troupe::api::schema::builtin_schema(),
                                                             "apps", "v1");
  CHECK(troupe::api::schema::document_hash(rebuilt.dump()) ==
        troupe::api::schema::document_hash(first->dump()));
}

TEST_CASE("the document hash changes when the document changes") {
  json document = *troupe::api::openapi_v3_document("apis/policy/v1");
  std::string before = troupe::api::schema::document_hash(document.dump());
  document["info"]["version"] = "v1.32.1";
  CHECK(troupe::api::schema::document_hash(document.dump()) != before);
  CHECK(before.size() == 16);
}
