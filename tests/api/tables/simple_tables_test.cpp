// Namespaces, ConfigMaps, Secrets, ServiceAccounts and Leases: the columns
// kube declares for them and cells read straight from the object (counts as
// JSON integers). Cases after printers_test.go TestPrintNamespace,
// TestPrintSecret, TestPrintServiceAccount and TestPrintLease.
#include <catch2/catch.hpp>

#include "tables_test_support.hpp"

using namespace troupe::api;
using namespace tables_test;

namespace {

json named(std::string_view name, std::int64_t age_seconds) {
  return {{"metadata", {{"name", name}, {"creationTimestamp", ago(age_seconds)}}}};
}

}  // namespace

TEST_CASE("a namespace shows its phase", "[tables][namespace]") {
  auto object = named("kube-system", 3 * 86'400 + 5 * 3600);
  object["status"] = {{"phase", "Active"}};
  auto table = table_of("v1", "Namespace", object);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Status", "Age"});
  CHECK(table["columnDefinitions"][1]["description"] == "The status of the namespace");
  CHECK(table["rows"][0]["cells"] == json{"kube-system", "Active", "3d5h"});
  CHECK(cells_of("v1", "Namespace", json{{"metadata", {{"name", "namespace2"}}}}) ==
        json{"namespace2", "", "<unknown>"});
}

TEST_CASE("a config map counts its data and binary data keys", "[tables][configmap]") {
  auto object = named("settings", 45);
  object["data"] = {{"a", "1"}, {"b", "2"}};
  object["binaryData"] = {{"logo.png", "iVBORw0K"}};
  auto table = table_of("v1", "ConfigMap", object);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Data", "Age"});
  CHECK(table["rows"][0]["cells"] == json{"settings", 3, "45s"});
  CHECK(cells_of("v1", "ConfigMap", named("empty", 45))[1] == 0);
}

TEST_CASE("a secret shows its type and counts its data keys", "[tables][secret]") {
  auto object = named("secret1", 0);
  object["type"] = "kubernetes.io/service-account-token";
  object["data"] = {{"token", "c2VjcmV0IGRhdGE="}};
  auto table = table_of("v1", "Secret", object);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Type", "Data", "Age"});
  CHECK(table["rows"][0]["cells"] ==
        json{"secret1", "kubernetes.io/service-account-token", 1, "0s"});
  object.erase("data");
  CHECK(cells_of("v1", "Secret", object)[2] == 0);
}

TEST_CASE("a secret's stringData keys count with its data keys, each once", "[tables][secret]") {
  auto object = named("mixed", 10);
  object["type"] = "Opaque";
  object["data"] = {{"user", "YWRtaW4="}};
  object["stringData"] = {{"user", "admin"}, {"password", "hunter2"}};
  CHECK(cells_of("v1", "Secret", object)[2] == 2);
}

TEST_CASE("a service account counts its secrets", "[tables][serviceaccount]") {
  auto object = named("sa1", 30);
  object["secrets"] = {{{"name", "Secret1"}}, {{"name", "Secret2"}}};
  auto table = table_of("v1", "ServiceAccount", object);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Secrets", "Age"});
  CHECK(table["rows"][0]["cells"] == json{"sa1", 2, "30s"});
  CHECK(cells_of("v1", "ServiceAccount", named("default", 30))[1] == 0);
}

TEST_CASE("a lease shows its holder, empty when none holds it", "[tables][lease]") {
  auto object = named("node-a", 40 * 86'400);
  object["spec"] = {{"holderIdentity", "node-a"}, {"leaseDurationSeconds", 40}};
  auto table = table_of("coordination.k8s.io/v1", "Lease", object);
  CHECK(column_names(table) == std::vector<std::string>{"Name", "Holder", "Age"});
  CHECK(table["rows"][0]["cells"] == json{"node-a", "node-a", "40d"});
  CHECK(cells_of("coordination.k8s.io/v1", "Lease", named("free", 60))[1] == "");
}
