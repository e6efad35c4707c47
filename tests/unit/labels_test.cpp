// Label key, label value and annotation validation (messages/core/labels.hpp):
// Kubernetes' documented valid and invalid examples and its exact messages.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "messages/core/labels.hpp"
#include "messages/core/object_names.hpp"
#include "tests/unit/selector_test_support.hpp"

using namespace troupe;

namespace {

const std::string& qualified_name_rule_text = testing::qualified_name_rule;
const std::string& value_rule = testing::label_value_rule;

const std::string subdomain_rule =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
    "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

}  // namespace

// Proves acceptance with the valid examples of Kubernetes' TestIsQualifiedName.
TEST_CASE("qualified names from Kubernetes' valid examples are accepted", "[selectors]") {
  for (const std::string& key : std::vector<std::string>{
           "simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple",
           "now-with-dashes/simple", "now-with-dashes/now-with-dashes", "now.with.dots/simple",
           "now-with.dashes-and.dots/simple", "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678",
           "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123", "requests.storage-foo",
           std::string(63, 'a'), std::string(253, 'a') + "/" + std::string(63, 'b')}) {
    INFO(key);
    CHECK(validate_qualified_name(key).empty());
  }
}

// Proves refusal with the invalid examples of Kubernetes' TestIsQualifiedName.
TEST_CASE("qualified names from Kubernetes' invalid examples are refused", "[selectors]") {
  for (const std::string& key : std::vector<std::string>{
           "nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash",
           "Example.com/abc", "example_com/abc", "example.com/", "/simple", std::string(64, 'a'),
           std::string(254, 'a') + "/abc", "", "a b", "_leading"}) {
    INFO(key);
    CHECK_FALSE(validate_qualified_name(key).empty());
  }
}

// Proves each rule of IsQualifiedName reports Kubernetes' words, in its order.
TEST_CASE("a broken qualified name is described in Kubernetes' words", "[selectors]") {
  using messages = std::vector<std::string>;
  CHECK(validate_qualified_name("a@b") == messages{"name part " + qualified_name_rule_text});
  CHECK(validate_qualified_name("only/one/slash") ==
        messages{"a qualified name " + qualified_name_rule_text +
                 " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"});
  CHECK(validate_qualified_name("/simple") == messages{"prefix part must be non-empty"});
  CHECK(validate_qualified_name("example.com/") ==
        messages{"name part must be non-empty", "name part " + qualified_name_rule_text});
  CHECK(validate_qualified_name("") ==
        messages{"name part must be non-empty", "name part " + qualified_name_rule_text});
  CHECK(validate_qualified_name("Example.com/abc") == messages{"prefix part " + subdomain_rule});
  CHECK(validate_qualified_name(std::string(254, 'a') + "/abc") ==
        messages{"prefix part must be no more than 253 characters"});
  CHECK(validate_qualified_name(std::string(64, 'a')) ==
        messages{"name part must be no more than 63 characters"});
  CHECK(validate_qualified_name(std::string(64, 'a') + "-") ==
        messages{"name part must be no more than 63 characters",
                 "name part " + qualified_name_rule_text});
}

// Proves the DNS-1123 subdomain rule on dots, case and length.
TEST_CASE("DNS-1123 subdomains need lowercase labels separated by single dots", "[selectors]") {
  for (const char* valid : {"a", "example.com", "1.2.3.4", "a-b.c-d", "0.1.2.domain"}) {
    INFO(valid);
    CHECK(dns1123_subdomain_errors(valid).empty());
  }
  for (const char* invalid : {"", "A.com", "a..b", ".a", "a.", "-a", "a-", "a_b", "a.-b"}) {
    INFO(invalid);
    CHECK(dns1123_subdomain_errors(invalid) == std::vector<std::string>{subdomain_rule});
  }
  CHECK(dns1123_subdomain_errors(std::string(254, 'a')) ==
        std::vector<std::string>{"must be no more than 253 characters"});
}

// Proves IsValidLabelValue on Kubernetes' examples, including the empty value.
TEST_CASE("label values are empty or short names", "[selectors]") {
  for (const std::string& value : std::vector<std::string>{
           "", "simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234",
           "Uppercase_Is_OK_123", "a.b_c-d", std::string(63, 'a')}) {
    INFO(value);
    CHECK(validate_label_value(value).empty());
  }
  for (const std::string& value : std::vector<std::string>{
           "nospecialchars%^=@", "Tama-nui-te-r\xc4\x81", "cantendwithadash-",
           "-cantstartwithadash-", "only/one/slash", "Example.com/abc", "now with spaces", "_x"}) {
    INFO(value);
    CHECK(validate_label_value(value) == std::vector<std::string>{value_rule});
  }
  CHECK(validate_label_value(std::string(64, 'a')) ==
        std::vector<std::string>{"must be no more than 63 characters"});
  CHECK(validate_label_value(std::string(64, 'a') + "@") ==
        std::vector<std::string>{"must be no more than 63 characters", value_rule});
}

// Proves annotation keys are checked lowercased and their total size bounded.
TEST_CASE("annotations are bounded to 256 KiB of keys and values", "[selectors]") {
  CHECK(validate_annotation_key("Example.COM/Some-Key").empty());
  CHECK_FALSE(validate_annotation_key("example.com/a b").empty());

  std::map<std::string, std::string> annotations{{"a", std::string(256 * 1024 - 1, 'x')}};
  CHECK_FALSE(validate_annotations_size(annotations));
  annotations["b"] = "";
  CHECK(validate_annotations_size(annotations) == "must have at most 262144 bytes");
}

// Proves the joining helper used for Kubernetes' "; "-joined details.
TEST_CASE("messages join with the given separator", "[selectors]") {
  CHECK(join_messages({}, "; ").empty());
  CHECK(join_messages({"a"}, "; ") == "a");
  CHECK(join_messages({"a", "b", "c"}, "; ") == "a; b; c");
}
