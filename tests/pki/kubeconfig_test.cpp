// Proves that the kubeconfig is the YAML document kubectl reads: parsed
// back with yaml-cpp, every field is where client-go looks for it, the
// *-data fields decode to the exact PEM texts, names stay strings, and the
// file is written with mode 0600, replacing an older one atomically.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

#include "net/tls/kubeconfig.hpp"
#include "tests/pki/pki_inspection.hpp"
#include "tests/support/child_process.hpp"

namespace {

using namespace troupe::net::tls;
using namespace troupe::testing;

kubeconfig_spec spec_of(const cluster_pki& pki) {
  kubeconfig_spec spec;
  spec.server = "https://127.0.0.1:6443";
  spec.ca_certificate = pki.ca_certificate;
  spec.client = pki.admin;
  return spec;
}

cluster_pki create(const std::string& directory) {
  auto result = load_or_create_pki(directory, {});
  if (auto* error = std::get_if<std::string>(&result)) FAIL(*error);
  return std::get<cluster_pki>(result);
}

std::string scalar(const YAML::Node& node) {
  REQUIRE(node.IsScalar());
  return node.as<std::string>();
}

}  // namespace

TEST_CASE("the kubeconfig names one cluster, user and context, with the PEMs base64-encoded") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  auto config = YAML::Load(render_kubeconfig(spec_of(pki)));
  CHECK(scalar(config["apiVersion"]) == "v1");
  CHECK(scalar(config["kind"]) == "Config");
  REQUIRE(config["clusters"].size() == 1);
  const auto cluster = config["clusters"][0];
  CHECK(scalar(cluster["name"]) == "troupe");
  CHECK(scalar(cluster["cluster"]["server"]) == "https://127.0.0.1:6443");
  CHECK(base64_decode(scalar(cluster["cluster"]["certificate-authority-data"])) ==
        pki.ca_certificate);
  REQUIRE(config["users"].size() == 1);
  const auto user = config["users"][0];
  CHECK(scalar(user["name"]) == "troupe-admin");
  CHECK(base64_decode(scalar(user["user"]["client-certificate-data"])) == pki.admin.certificate);
  CHECK(base64_decode(scalar(user["user"]["client-key-data"])) == pki.admin.key);
  REQUIRE(config["contexts"].size() == 1);
  const auto context = config["contexts"][0];
  CHECK(scalar(context["name"]) == "troupe");
  CHECK(scalar(context["context"]["cluster"]) == "troupe");
  CHECK(scalar(context["context"]["user"]) == "troupe-admin");
  CHECK(scalar(config["current-context"]) == "troupe");
  CHECK(config.size() == 6);
  CHECK(cluster["cluster"].size() == 2);
  CHECK(user["user"].size() == 2);
  CHECK(context["context"].size() == 2);
}

TEST_CASE("kubeconfig data is one line of standard base64 per field") {
  kubeconfig_spec spec;
  spec.ca_certificate = "\xfb\xff";
  spec.client.certificate = "ab";
  spec.client.key = "";
  auto config = YAML::Load(render_kubeconfig(spec));
  CHECK(scalar(config["clusters"][0]["cluster"]["certificate-authority-data"]) == "+/8=");
  CHECK(scalar(config["users"][0]["user"]["client-certificate-data"]) == "YWI=");
  CHECK(scalar(config["users"][0]["user"]["client-key-data"]).empty());
}

TEST_CASE("kubeconfig names YAML would read as other types stay strings") {
  kubeconfig_spec spec;
  spec.cluster_name = "yes";
  spec.user_name = "0123";
  spec.context_name = "a: b # c";
  spec.server = "https://[::1]:6443";
  auto config = YAML::Load(render_kubeconfig(spec));
  CHECK(config["clusters"][0]["name"].Tag() == "!");
  CHECK(scalar(config["clusters"][0]["name"]) == "yes");
  CHECK(config["users"][0]["name"].Tag() == "!");
  CHECK(scalar(config["users"][0]["name"]) == "0123");
  CHECK(scalar(config["contexts"][0]["name"]) == "a: b # c");
  CHECK(scalar(config["contexts"][0]["context"]["cluster"]) == "yes");
  CHECK(scalar(config["current-context"]) == "a: b # c");
  CHECK(scalar(config["clusters"][0]["cluster"]["server"]) == "https://[::1]:6443");
}

TEST_CASE("write_kubeconfig writes the rendered text with mode 0600, replacing an old file") {
  temp_dir temp;
  auto pki = create(temp.file("pki"));
  auto path = temp.file("kubeconfig");
  write_file(path, "old");
  std::filesystem::permissions(path, std::filesystem::perms(0644));
  auto old_inode = inode_of(path);
  auto spec = spec_of(pki);
  REQUIRE_FALSE(write_kubeconfig(path, spec));
  CHECK(read_text(path) == render_kubeconfig(spec));
  CHECK(mode_of(path) == 0600);
  CHECK(inode_of(path) != old_inode);
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(temp.path())) {
    names.insert(entry.path().filename().string());
  }
  CHECK(names == std::set<std::string>{"kubeconfig", "pki"});
}

TEST_CASE("write_kubeconfig into a missing directory is an error naming the file") {
  temp_dir temp;
  auto path = temp.file("missing/kubeconfig");
  auto error = write_kubeconfig(path, kubeconfig_spec{});
  REQUIRE(error);
  CHECK(*error == path + ": cannot create a temporary file: No such file or directory");
}
