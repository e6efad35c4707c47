// Kubernetes name rules accept and refuse what kube's validation_test.go and
// path/name_test.go say, with kube's exact messages.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "messages/core/object_names.hpp"

using namespace troupe;

namespace {

const std::string label_message =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex "
    "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const std::string subdomain_message =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
    "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const std::string dns1035_message =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
    "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
    "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

using messages = std::vector<std::string>;

}  // namespace

TEST_CASE("DNS-1123 labels accept kube's good values and refuse its bad ones", "[validation]") {
  for (std::string good :
       {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2"}) {
    INFO(good);
    CHECK(dns1123_label_errors(good).empty());
  }
  CHECK(dns1123_label_errors(std::string(63, 'a')).empty());
  for (std::string bad : {"",   "A",  "ABC", "aBc", "A1",  "A-1", "1-A", "-",   "a-", "-a", "1-",
                          "-1", "_",  "a_",  "_a",  "a_b", "1_",  "_1",  "1_2", ".",  "a.", ".a",
                          "1.", ".1", " ",   "a ",  " a",  "a b", "1 ",  " 1",  "1 2"}) {
    INFO(bad);
    CHECK(dns1123_label_errors(bad) == messages{label_message});
  }
  CHECK(dns1123_label_errors(std::string(64, 'a')) ==
        messages{"must be no more than 63 characters"});
}

TEST_CASE("a DNS-1123 label that is a valid subdomain is told it must not contain dots",
          "[validation]") {
  CHECK(dns1123_label_errors("a.b") == messages{"must not contain dots"});
  CHECK(dns1123_label_errors("1.2") == messages{"must not contain dots"});
  CHECK(dns1123_label_errors("a..b") == messages{label_message});
  CHECK(dns1123_label_errors(std::string(62, 'a') + ".b") ==
        messages{"must be no more than 63 characters", "must not contain dots"});
}

TEST_CASE("DNS-1123 subdomains accept kube's good values and refuse its bad ones", "[validation]") {
  for (std::string good : {"a",
                           "ab",
                           "abc",
                           "a1",
                           "a-1",
                           "a--1--2--b",
                           "0",
                           "01",
                           "012",
                           "1a",
                           "1-a",
                           "1--a--b--2",
                           "a.a",
                           "ab.a",
                           "abc.a",
                           "a1.a",
                           "a-1.a",
                           "a--1--2--b.a",
                           "a.1",
                           "ab.1",
                           "abc.1",
                           "a1.1",
                           "a-1.1",
                           "a--1--2--b.1",
                           "0.a",
                           "01.a",
                           "012.a",
                           "1a.a",
                           "1-a.a",
                           "0.1",
                           "01.1",
                           "012.1",
                           "1a.1",
                           "1-a.1",
                           "1--a--b--2.1",
                           "a.b.c.d.e",
                           "aa.bb.cc.dd.ee",
                           "1.2.3.4.5",
                           "11.22.33.44.55"}) {
    INFO(good);
    CHECK(dns1123_subdomain_errors(good).empty());
  }
  CHECK(dns1123_subdomain_errors(std::string(253, 'a')).empty());
  for (std::string bad : {"",
                          "A",
                          "ABC",
                          "aBc",
                          "A1",
                          "A-1",
                          "1-A",
                          "-",
                          "a-",
                          "-a",
                          "1-",
                          "-1",
                          "_",
                          "a_",
                          "_a",
                          "a_b",
                          "1_",
                          "_1",
                          "1_2",
                          ".",
                          "a.",
                          ".a",
                          "a..b",
                          "1.",
                          ".1",
                          "1..2",
                          " ",
                          "a ",
                          " a",
                          "a b",
                          "1 ",
                          " 1",
                          "1 2",
                          "A.a",
                          "aB.a",
                          "ab.A",
                          "A1.a",
                          "a1.A",
                          "A.1",
                          "aB.1",
                          "A1.1",
                          "1A.1",
                          "0.A",
                          "01.A",
                          "012.A",
                          "1A.a",
                          "1a.A",
                          "A.B.C.D.E",
                          "AA.BB.CC.DD.EE",
                          "a.B.c.d.e",
                          "aa.bB.cc.dd.ee",
                          "a@b",
                          "a,b",
                          "a;b",
                          "a:b",
                          "a%b",
                          "a?b",
                          "a$b"}) {
    INFO(bad);
    CHECK(dns1123_subdomain_errors(bad) == messages{subdomain_message});
  }
  CHECK(dns1123_subdomain_errors(std::string(254, 'a')) ==
        messages{"must be no more than 253 characters"});
  CHECK(dns1123_subdomain_errors(std::string(254, 'A')) ==
        messages{"must be no more than 253 characters", subdomain_message});
}

TEST_CASE("DNS-1035 labels must also start with a letter", "[validation]") {
  for (std::string good : {"a", "ab", "abc", "a1", "a-1", "a--1--2--b"}) {
    INFO(good);
    CHECK(dns1035_label_errors(good).empty());
  }
  CHECK(dns1035_label_errors(std::string(63, 'a')).empty());
  for (std::string bad : {"0",  "01",  "012", "1a", "1-a", "1--a--b--2", "",   "A",  "ABC", "aBc",
                          "A1", "A-1", "1-A", "-",  "a-",  "-a",         "1-", "-1", "_",   "a_",
                          "_a", "a_b", "1_",  "_1", "1_2", ".",          "a.", ".a", "a.b", "1.",
                          ".1", "1.2", " ",   "a ", " a",  "a b",        "1 ", " 1", "1 2"}) {
    INFO(bad);
    CHECK(dns1035_label_errors(bad) == messages{dns1035_message});
  }
  CHECK(dns1035_label_errors(std::string(64, 'a')) ==
        messages{"must be no more than 63 characters"});
}

TEST_CASE("names follow their rule and a generateName prefix may end in a dash", "[validation]") {
  CHECK(dns_subdomain_name_errors("my-pod", name_form::name).empty());
  CHECK(dns_subdomain_name_errors("my-pod-", name_form::name) == messages{subdomain_message});
  CHECK(dns_subdomain_name_errors("my-pod-", name_form::generate_name_prefix).empty());
  CHECK(dns_label_name_errors("web-", name_form::generate_name_prefix).empty());
  CHECK(dns_label_name_errors("web-", name_form::name) == messages{label_message});
  CHECK(dns1035_label_name_errors("svc-", name_form::generate_name_prefix).empty());
  CHECK(dns1035_label_name_errors("1svc-", name_form::generate_name_prefix) ==
        messages{dns1035_message});
  // Kube's mask drops the last two bytes and appends "a": "a.-" becomes "aa".
  CHECK(dns_subdomain_name_errors("a.-", name_form::generate_name_prefix).empty());
  // The mask shortens by one byte, so a 64-byte label prefix fits.
  CHECK(dns_label_name_errors(std::string(63, 'a') + "-", name_form::generate_name_prefix).empty());
  CHECK(dns_label_name_errors(std::string(64, 'a') + "-", name_form::generate_name_prefix) ==
        messages{"must be no more than 63 characters"});
  // A lone "-" (a panic in kube) is validated as the empty string.
  CHECK(dns_subdomain_name_errors("-", name_form::generate_name_prefix) ==
        messages{subdomain_message});
  CHECK(dns_label_name_errors("Ab-", name_form::generate_name_prefix) == messages{label_message});
  // Kube's quirk: "A-" masks to "a", so the upper-case byte is never checked.
  CHECK(dns_label_name_errors("A-", name_form::generate_name_prefix).empty());
}

TEST_CASE("path segment names refuse '.', '..', '/' and '%' as kube's name_test.go says",
          "[validation]") {
  struct path_case {
    std::string name;
    name_form form;
    messages expected;
  };
  const path_case cases[] = {
      {"", name_form::name, {}},
      {"", name_form::generate_name_prefix, {}},
      {"foo.bar.baz", name_form::name, {}},
      {"foo.bar.baz", name_form::generate_name_prefix, {}},
      {"sha256:ABCDEF012345@ABCDEF012345", name_form::name, {}},
      {"I\xc3\xb1t\xc3\xabrn\xc3\xa2ti\xc3\xb4n\xc3\xa0liz\xc3\xa6ti\xc3\xb8n",
       name_form::name,
       {}},
      {".", name_form::name, {"may not be '.'"}},
      {".test", name_form::name, {}},
      {".", name_form::generate_name_prefix, {}},
      {"..", name_form::name, {"may not be '..'"}},
      {"..test", name_form::name, {}},
      {"..", name_form::generate_name_prefix, {}},
      {"foo/bar", name_form::name, {"may not contain '/'"}},
      {"foo/bar", name_form::generate_name_prefix, {"may not contain '/'"}},
      {"foo%bar", name_form::name, {"may not contain '%'"}},
      {"foo%bar", name_form::generate_name_prefix, {"may not contain '%'"}},
      {"foo//bar%", name_form::name, {"may not contain '/'", "may not contain '%'"}},
      {"foo//bar%",
       name_form::generate_name_prefix,
       {"may not contain '/'", "may not contain '%'"}},
  };
  for (const auto& item : cases) {
    INFO(item.name);
    CHECK(path_segment_name_errors(item.name, item.form) == item.expected);
  }
}

TEST_CASE("every name rule fits the shared name_rule signature", "[validation]") {
  const name_rule rules[] = {dns_subdomain_name_errors, dns_label_name_errors,
                             dns1035_label_name_errors, path_segment_name_errors};
  for (auto rule : rules) CHECK(rule("good-name", name_form::name).empty());
}
