// Field selectors (messages/core/field_selector.hpp): the cases of
// Kubernetes' fields/selector_test.go (parsing, escaping, matching), its
// error messages, the field-name list the api layer checks, and our bounds.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <variant>

#include "messages/core/field_selector.hpp"
#include "tests/unit/selector_test_support.hpp"

using namespace troupe;
using field_set = std::map<std::string, std::string>;

namespace {

const auto parsed = testing::parsed_selector<field_selector, field_selector_error>;
const auto parse_error = testing::selector_parse_error<field_selector, field_selector_error>;

}  // namespace

// Proves TestSelectorParse: good strings print back unchanged.
TEST_CASE("Kubernetes' good field selectors parse and print back unchanged", "[selectors]") {
  for (const char* text : {"x=a,y=b,z=c", "", "x!=a,y=b", R"(x=a||y\=b)", R"(x=a\=\=b)",
                           "metadata.name=web-0", "spec.nodeName="}) {
    INFO(text);
    CHECK(parsed(text).to_string() == text);
  }
}

// Proves TestSelectorParse's bad strings fail, with Kubernetes' messages.
TEST_CASE("Kubernetes' bad field selectors are refused with its messages", "[selectors]") {
  struct row {
    const char* input;
    const char* message;
  };
  for (const auto& each : std::initializer_list<row>{
           {"x=a||y=b", "invalid field selector: unescaped character in value: 61"},
           {"x==a==b", "invalid field selector: unescaped character in value: 61"},
           {"a!==b", "invalid field selector: unescaped character in value: 61"},
           {"x=a,b", "invalid selector: 'x=a,b'; can't understand 'b'"},
           {"x in (a)", "invalid selector: 'x in (a)'; can't understand 'x in (a)'"},
           {"x in (a,b,c)", "invalid selector: 'x in (a,b,c)'; can't understand 'b'"},
           {"x", "invalid selector: 'x'; can't understand 'x'"},
           {R"(x=\a)", R"(invalid field selector: invalid escape sequence: \a)"},
           {R"(x=a\)", R"(invalid field selector: invalid escape sequence: \)"},
           {"x=\\\xed\x95\xa8", "invalid field selector: invalid escape sequence: \\\xed\x95\xa8"},
       }) {
    INFO(each.input);
    CHECK(parse_error(each.input) == each.message);
  }
}

// Proves TestSplitTerms/TestSplitTerm through parsing: escaped commas do not
// split, the first operator splits, "==" prints as "=", terms sort as written.
TEST_CASE("field selector terms split at unescaped commas and the first operator", "[selectors]") {
  struct row {
    const char* input;
    const char* canonical;
  };
  for (const auto& each : std::initializer_list<row>{
           {R"(k=\,,k2=v2)", R"(k2=v2,k=\,)"},
           {R"(k=\\,k2=v2)", R"(k2=v2,k=\\)"},
           {R"(k=\\\,,k2=v2)", R"(k2=v2,k=\\\,)"},
           {"a=a,", "a=a"},
           {",a=a", "a=a"},
           {",,", ""},
           {"b==value", "b=value"},
           {"c!=value", "c!=value"},
           {R"(a!=\=b)", R"(a!=\=b)"},
           {"x=a,a=x", "a=x,x=a"},
           {"\xed\x95\xa8=\xec\x88\x98,\xeb\xaa\xa9=\xeb\xa1\x9d",
            "\xeb\xaa\xa9=\xeb\xa1\x9d,\xed\x95\xa8=\xec\x88\x98"},
           {"=", ""},
           {"==", ""},
           {"=a", "=a"},
       }) {
    INFO(each.input);
    CHECK(parsed(each.input).to_string() == each.canonical);
  }
  auto escaped = parsed(R"(k=\,,k2=v2)").requirements();
  REQUIRE(escaped.size() == 2);
  CHECK(escaped[1] == field_requirement{"k", field_operator::equals, ","});
}

// Proves TestEscapeValue: escaping round-trips and odd backslashes fail.
TEST_CASE("field values escape and unescape backslash, comma and equals", "[selectors]") {
  struct row {
    const char* plain;
    const char* escaped;
  };
  for (const auto& each : std::initializer_list<row>{{"", ""},
                                                     {"a", "a"},
                                                     {"=", R"(\=)"},
                                                     {",", R"(\,)"},
                                                     {R"(\)", R"(\\)"},
                                                     {R"(\=\,\)", R"(\\\=\\\,\\)"},
                                                     {"a!b", "a!b"}}) {
    INFO(each.plain);
    CHECK(escape_field_value(each.plain) == each.escaped);
    auto unescaped = unescape_field_value(each.escaped);
    REQUIRE(std::holds_alternative<std::string>(unescaped));
    CHECK(std::get<std::string>(unescaped) == each.plain);
  }
  for (const char* invalid : {R"(\)", R"(\\\)", R"(\a)", R"(\!)"}) {
    INFO(invalid);
    auto result = unescape_field_value(invalid);
    REQUIRE(std::holds_alternative<field_selector_error>(result));
    CHECK(std::get<field_selector_error>(result).message.find("invalid escape sequence") !=
          std::string::npos);
  }
  auto comma = unescape_field_value("a,b");
  REQUIRE(std::holds_alternative<field_selector_error>(comma));
  CHECK(std::get<field_selector_error>(comma).message ==
        "invalid field selector: unescaped character in value: 44");
}

// Proves TestSelectorMatches: a missing field reads as "".
TEST_CASE("field selectors match as Kubernetes' Fields.Get", "[selectors]") {
  struct row {
    const char* selector;
    field_set fields;
    bool matches;
  };
  const field_set fields{{"foo", "bar"}, {"baz", "blah"}, {"complex", R"(=value\,\)"}};
  for (const auto& each : std::initializer_list<row>{
           {"", {{"x", "y"}}, true},
           {"x=y", {{"x", "y"}}, true},
           {"x=y,z=w", {{"x", "y"}, {"z", "w"}}, true},
           {"x!=y,z!=w", {{"x", "z"}, {"z", "a"}}, true},
           {"notin=in", {{"notin", "in"}}, true},
           {"x=y", {{"x", "z"}}, false},
           {"x=y,z=w", {{"x", "w"}, {"z", "w"}}, false},
           {"x!=y,z!=w", {{"x", "z"}, {"z", "w"}}, false},
           {"foo=bar", fields, true},
           {"baz=blah", fields, true},
           {"foo=bar,baz=blah", fields, true},
           {R"(foo=bar,baz=blah,complex=\=value\\\,\\)", fields, true},
           {"foo=blah", fields, false},
           {"baz=bar", fields, false},
           {"foo=bar,foobar=bar,baz=blah", fields, false},
           {"x=", {}, true},
           {"x!=a", {}, true},
           {"x=a", {}, false},
           {"x!=", {}, false},
       }) {
    INFO(each.selector);
    CHECK(parsed(each.selector).matches(each.fields) == each.matches);
  }
}

// Proves the api layer can list the fields used and refuse unsupported ones.
TEST_CASE("a field selector names its fields so unsupported ones can be refused", "[selectors]") {
  auto selector = parsed("status.phase!=Running,metadata.name=web,metadata.name!=db");
  CHECK(selector.field_names() == std::vector<std::string>{"metadata.name", "status.phase"});
  CHECK(selector.required_value("metadata.name") == "web");
  CHECK_FALSE(selector.required_value("status.phase"));
  CHECK_FALSE(check_supported_fields(selector, {"metadata.name", "status.phase"}));
  auto refused = check_supported_fields(selector, {"metadata.name", "metadata.namespace"});
  REQUIRE(refused);
  CHECK(refused->message == "field label not supported: status.phase");
  CHECK(parsed("").field_names().empty());
  CHECK(parsed("").empty());
}

// Proves the bounds on input from the network.
TEST_CASE("oversized field selectors are refused with a clear error", "[selectors]") {
  CHECK(parse_error(std::string(field_selector_bytes_max + 1, 'a')) ==
        "field selector is longer than 65536 bytes");
  std::string terms;
  for (std::size_t i = 0; i < field_selector_terms_max; ++i)
    terms += (i ? ",f" : "f") + std::to_string(i) + "=v";
  CHECK(parsed(terms).requirements().size() == field_selector_terms_max);
  CHECK(parse_error(terms + ",x=y") == "field selector has more than 1000 terms");
}
