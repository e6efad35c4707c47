// Proves that a container without imagePullPolicy gets kube's default for
// its image (SetDefaults_Container with parsers.ParseImageName, i.e.
// distribution/reference's ParseNormalizedNamed): "Always" for the tag
// latest or no tag and no digest, "IfNotPresent" otherwise and for every
// invalid reference. The common images go through a whole Pod; the grammar's
// corners through the helper the container defaults use.
#include <catch2/catch.hpp>

#include <string>

#include "actors/api/core/defaults/image_pull_policy.hpp"
#include "tests/api/defaults/defaults_test_support.hpp"

using troupe::api::defaults::default_image_pull_policy;
using troupe::api::test::defaulted;

namespace {

const std::string digest = "sha256:" + std::string(64, 'a');

std::string pull_policy_of(const std::string& image) {
  nlohmann::json pod = {{"apiVersion", "v1"},
                        {"kind", "Pod"},
                        {"metadata", {{"name", "web"}}},
                        {"spec", {{"containers", {{{"name", "web"}, {"image", image}}}}}}};
  return defaulted(pod.dump())["spec"]["containers"][0]["imagePullPolicy"].get<std::string>();
}

}  // namespace

TEST_CASE("an image without a tag, or tagged latest, is pulled Always") {
  CHECK(pull_policy_of("nginx") == "Always");
  CHECK(pull_policy_of("nginx:latest") == "Always");
  CHECK(pull_policy_of("registry:5000/nginx") == "Always");
  CHECK(pull_policy_of("registry:5000/team/nginx:latest") == "Always");
  CHECK(pull_policy_of("nginx:latest@" + digest) == "Always");
}

TEST_CASE("an image with another tag or only a digest is pulled IfNotPresent") {
  CHECK(pull_policy_of("nginx:1.27") == "IfNotPresent");
  CHECK(pull_policy_of("nginx@" + digest) == "IfNotPresent");
  CHECK(pull_policy_of("registry:5000/nginx:1.27@" + digest) == "IfNotPresent");
  CHECK(pull_policy_of("nginx:LATEST") == "IfNotPresent");
}

TEST_CASE("a container without an image gets IfNotPresent, the policy of an unparsable one") {
  auto pod = defaulted(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
    "spec": {"containers": [{"name": "web"}]}})");
  CHECK(pod["spec"]["containers"][0]["imagePullPolicy"] == "IfNotPresent");
}

TEST_CASE(
    "a name's first element is a registry only with a dot, a colon, upper case or localhost") {
  CHECK(default_image_pull_policy("localhost:5000") == "IfNotPresent");  // tag 5000 on docker.io
  CHECK(default_image_pull_policy("localhost/nginx") == "Always");
  CHECK(default_image_pull_policy("docker.io/nginx") == "Always");
  CHECK(default_image_pull_policy("index.docker.io/library/nginx:latest") == "Always");
  CHECK(default_image_pull_policy("Registry/nginx") == "Always");
  CHECK(default_image_pull_policy("[::1]:5000/nginx") == "Always");
  CHECK(default_image_pull_policy("[::1]:5000/nginx:1.0") == "IfNotPresent");
  CHECK(default_image_pull_policy("a_b.c/nginx") == "Always");
  CHECK(default_image_pull_policy("team/app:v2") == "IfNotPresent");
}

TEST_CASE("an invalid reference gets IfNotPresent, as kube ignores the parse error") {
  CHECK(default_image_pull_policy("") == "IfNotPresent");
  CHECK(default_image_pull_policy("Nginx") == "IfNotPresent");
  CHECK(default_image_pull_policy("example.com/Team/app") == "IfNotPresent");
  CHECK(default_image_pull_policy("nginx:") == "IfNotPresent");
  CHECK(default_image_pull_policy("nginx:-x") == "IfNotPresent");
  CHECK(default_image_pull_policy("nginx:" + std::string(129, 'a')) == "IfNotPresent");
  CHECK(default_image_pull_policy("nginx@sha256:abc") == "IfNotPresent");
  CHECK(default_image_pull_policy("nginx:latest@sha256:" + std::string(64, 'A')) == "IfNotPresent");
  CHECK(default_image_pull_policy("nginx@md5:" + std::string(32, 'a')) == "IfNotPresent");
  CHECK(default_image_pull_policy(std::string(64, 'f')) == "IfNotPresent");
  CHECK(default_image_pull_policy("a___b") == "IfNotPresent");
  CHECK(default_image_pull_policy("a-/b") == "IfNotPresent");
  CHECK(default_image_pull_policy(" nginx") == "IfNotPresent");
  CHECK(default_image_pull_policy("host:port/nginx") == "IfNotPresent");
  CHECK(default_image_pull_policy("-host.com/nginx") == "IfNotPresent");
  CHECK(default_image_pull_policy("[]/nginx") == "IfNotPresent");
  CHECK(default_image_pull_policy("host.com/") == "IfNotPresent");
}

TEST_CASE("path components may join by one dot, one or two underscores, or any dashes") {
  CHECK(default_image_pull_policy("a.b/c__d/e---f/g_h") == "Always");
  CHECK(default_image_pull_policy("a..b") == "IfNotPresent");
}

TEST_CASE("a repository name of 255 bytes is valid, one of 256 is not") {
  // The name counted is the normalized one: "docker.io/library/" is 18 bytes.
  CHECK(default_image_pull_policy(std::string(255 - 18, 'a')) == "Always");
  CHECK(default_image_pull_policy(std::string(256 - 18, 'a')) == "IfNotPresent");
}
