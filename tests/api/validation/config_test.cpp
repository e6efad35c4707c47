// Proves ConfigMap and Secret validation: keys, the 1 MiB size bound,
// immutability, and the keys each well-known Secret type requires.
#include <catch2/catch.hpp>

#include "validation_fixtures.hpp"

namespace troupe::api::validation_test {

TEST_CASE("config map keys must be config keys and not repeat binary data keys") {
  auto object = config_map();
  object["data"]["bad key"] = "x";
  object["data"]["logo.png"] = "x";
  object["data"][".."] = "x";
  CHECK(create_causes(object) ==
        std::vector<std::string>{
            "data[..]: Invalid value: \"..\": must not be '..'",
            "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of "
            "alphanumeric characters, '-', '_' "
            "or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is "
            "'[-._a-zA-Z0-9]+')",
            "data[logo.png]: Invalid value: \"logo.png\": duplicate of key present in binaryData"});
}

TEST_CASE("config map data over 1 MiB is refused as too long at the object") {
  auto object = config_map();
  object["data"]["big"] = std::string(1024 * 1024, 'x');
  CHECK(create_causes(object) ==
        std::vector<std::string>{"[]: Too long: must have at most 1048576 bytes"});
}

TEST_CASE("an immutable config map keeps its data and its immutability") {
  auto old = stored(config_map());
  old["immutable"] = true;
  auto object = old;
  object["data"]["LOG_LEVEL"] = "debug";
  object["immutable"] = false;
  CHECK(update_causes(object, old) ==
        std::vector<std::string>{"immutable: Forbidden: field is immutable when `immutable` is set",
                                 "data: Forbidden: field is immutable when `immutable` is set"});
}

TEST_CASE("each well-known secret type needs its keys") {
  auto tls = secret();
  tls["data"].erase("tls.key");
  CHECK(create_causes(tls) == std::vector<std::string>{"data[tls.key]: Required value"});
  auto basic = secret();
  basic["type"] = "kubernetes.io/basic-auth";
  basic["data"] = json::object();
  CHECK(create_causes(basic) == std::vector<std::string>{"data[username]: Required value",
                                                         "data[password]: Required value"});
  auto token = secret();
  token["type"] = "kubernetes.io/service-account-token";
  CHECK(create_causes(token) ==
        std::vector<std::string>{
            "metadata.annotations[kubernetes.io/service-account.name]: Required value"});
  auto docker = secret();
  docker["type"] = "kubernetes.io/dockerconfigjson";
  docker["data"] = {{".dockerconfigjson", "aGVsbG8="}};
  CHECK(create_causes(docker) ==
        std::vector<std::string>{"data[.dockerconfigjson]: Invalid value: \"<secret contents "
                                 "redacted>\": invalid character 'h' "
                                 "looking for beginning of value"});
  docker["data"] = {{".dockerconfigjson", "W10="}};
  CHECK(create_causes(docker) ==
        std::vector<std::string>{"data[.dockerconfigjson]: Invalid value: \"<secret contents "
                                 "redacted>\": json: cannot unmarshal "
                                 "array into Go value of type map[string]interface {}"});
  auto ssh = secret();
  ssh["type"] = "kubernetes.io/ssh-auth";
  ssh["stringData"] = {{"ssh-privatekey", "-----BEGIN OPENSSH PRIVATE KEY-----"}};
  CHECK(create_causes(ssh).empty());
}

TEST_CASE("a secret's type may not change") {
  auto old = stored(secret());
  auto object = old;
  object["type"] = "Opaque";
  CHECK(update_causes(object, old) ==
        std::vector<std::string>{"type: Invalid value: \"Opaque\": field is immutable"});
}

}  // namespace troupe::api::validation_test
