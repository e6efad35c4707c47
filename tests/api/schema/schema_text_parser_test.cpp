// Proves the schema text parser reads our format as schema_text_parser.hpp
// describes (packages, the five declarations, fields, inline, type
// expressions, name resolution) and refuses malformed texts with the line
// and the problem; and that the built-in texts parse without any error.
// Each case parses a small text and checks the model or the exact errors.
#include <catch2/catch.hpp>

#include <string>

#include "actors/api/core/schema/builtin_schema.hpp"
#include "actors/api/core/schema/schema_text_parser.hpp"

namespace {

using namespace troupe::api::schema;

schema_parse_result parse(std::string_view text) {
  return parse_schema({{"test", text}});
}

const type_definition& type_named(const schema_model& model, std::string_view name) {
  for (const auto& type : model.types)
    if (type.name == name) return type;
  FAIL("no type " << name);
  return model.types.front();
}

const field_definition& field_named(const type_definition& type, std::string_view name) {
  auto found = type.field_index.find(name);
  REQUIRE(found != type.field_index.end());
  return type.fields[found->second];
}

constexpr std::string_view small_schema = R"(
package meta io.k8s.apimachinery.pkg.apis.meta.v1 v1 -
struct ObjectMeta: Metadata.
  name string: The name.
package shop io.example.shop.v1 v1 shop.example.com/v1
kind Order: An order.
  items! []Item: What is ordered.
  notes map[string]string
  priority Priority: How urgent.
struct Item: One line of an order.
  sku string: Stock unit.
  count int64: How many.
  inline Extras
struct Extras: Optional extras.
  giftWrap bool: Wrap it.
alias Priority string: An urgency.
alias Amounts map[Priority]Money: Money by urgency.
special Money quantity: An amount of money.
)";

}  // namespace

TEST_CASE("the built-in schema texts parse without errors") {
  auto result = parse_schema(builtin_schema_sources());
  for (const auto& error : result.errors) UNSCOPED_INFO(error);
  CHECK(result.errors.empty());
  REQUIRE(result.model);
}

TEST_CASE("a kind gets apiVersion, kind and metadata before its own fields") {
  auto result = parse(small_schema);
  REQUIRE(result.errors.empty());
  const auto& order = type_named(*result.model, "Order");
  CHECK(order.is_kind);
  REQUIRE(order.fields.size() == 6);
  CHECK(order.fields[0].name == "apiVersion");
  CHECK(order.fields[1].name == "kind");
  CHECK(order.fields[2].name == "metadata");
  CHECK(go_type_name(*result.model, order.fields[2].node) == "v1.ObjectMeta");
  CHECK(order.fields[3].name == "items");
  CHECK(order.fields[3].required);
  CHECK(order.fields[3].description == "What is ordered.");
  CHECK(order.fields[4].description.empty());
}

TEST_CASE("type expressions resolve to Go's type strings") {
  auto result = parse(small_schema);
  REQUIRE(result.errors.empty());
  const auto& model = *result.model;
  const auto& order = type_named(model, "Order");
  CHECK(go_type_name(model, field_named(order, "items").node) == "[]v1.Item");
  CHECK(go_type_name(model, field_named(order, "notes").node) == "map[string]string");
  CHECK(go_type_name(model, field_named(order, "priority").node) == "v1.Priority");
  const auto& amounts = type_named(model, "Amounts");
  CHECK(go_type_name(model, amounts.underlying) == "map[v1.Priority]v1.Money");
  CHECK(type_named(model, "Money").special == special_kind::quantity);
  CHECK(openapi_name(model, type_index(model, order)) == "io.example.shop.v1.Order");
}

TEST_CASE("inline copies the fields of the embedded struct in place") {
  auto result = parse(small_schema);
  REQUIRE(result.errors.empty());
  const auto& item = type_named(*result.model, "Item");
  REQUIRE(item.fields.size() == 3);
  CHECK(item.fields[2].name == "giftWrap");
  CHECK(item.fields[2].description == "Wrap it.");
}

TEST_CASE("a kind is found by its package's api version, a versionless one under any") {
  auto result =
      parse(std::string(small_schema) + "package meta\ntyped Options: Request options.\n");
  REQUIRE(result.errors.empty());
  const auto& model = *result.model;
  CHECK(find_kind(model, "shop.example.com/v1", "Order") != nullptr);
  CHECK(find_kind(model, "shop.example.com/v2", "Order") == nullptr);
  CHECK(find_kind(model, "shop.example.com/v1", "Item") == nullptr);
  CHECK(find_kind(model, "anything/v9", "Options") != nullptr);
}

TEST_CASE("malformed schema texts are refused with the line and the problem") {
  auto errors_of = [](std::string_view text) { return parse(text).errors; };
  using list = std::vector<std::string>;
  CHECK(errors_of("struct A: x.\n") == list{"test:1: a type outside any package"});
  CHECK(errors_of("package p a.b v1 -\nstruct A\n") == list{"test:2: type A has no description"});
  CHECK(errors_of("package p a.b v1 -\nenum A: x.\n") ==
        list{"test:2: unknown declaration \"enum\""});
  CHECK(errors_of("package p a.b v1 -\n  x string\n") ==
        list{"test:2: a field outside any struct"});
  CHECK(errors_of("package p a.b v1 -\nstruct A: x.\n  x\n") ==
        list{"test:3: expected: <field>[!] <type>[: <description>]"});
  CHECK(errors_of("package p a.b v1 -\nstruct A: x.\n  x Missing\n") ==
        list{"test:3: unknown type \"Missing\""});
  CHECK(errors_of("package p a.b v1 -\nstruct A: x.\n  x map[int32]string\n") ==
        list{"test:3: map key of \"map[int32]string\" is not a string"});
  CHECK(errors_of("package p a.b v1 -\nstruct A: x.\n  x string\n  x int32\n") ==
        list{"test:4: field x of A declared twice"});
  CHECK(errors_of("package p a.b v1 -\nstruct A: x.\nstruct A: y.\n") ==
        list{"test:3: type A declared twice"});
  CHECK(errors_of("package p a.b v1 -\nspecial S money: x.\n") ==
        list{"test:2: unknown semantics \"money\""});
  CHECK(errors_of("package q\n") == list{"test:1: unknown package \"q\""});
}

TEST_CASE("an unqualified name used in two packages must be qualified") {
  constexpr std::string_view text = R"(
package a a.v1 v1 -
struct Same: In a.
package b b.v1 v1 -
struct Same: In b.
package c c.v1 v1 -
struct User: Uses them.
  first Same
  second a.Same
)";
  CHECK(parse(text).errors ==
        std::vector<std::string>{"test:8: ambiguous type \"Same\": qualify it with its package"});
}

TEST_CASE("a struct that contains itself is refused") {
  constexpr std::string_view text = R"(
package a a.v1 v1 -
struct Node: A tree node.
  children []Node
)";
  CHECK(parse(text).errors == std::vector<std::string>{"test:3: type Node contains itself"});
  constexpr std::string_view inlined = R"(
package a a.v1 v1 -
struct Loop: Inlines itself.
  inline Loop
)";
  CHECK(parse(inlined).errors == std::vector<std::string>{"test:3: type Loop inlines itself"});
}
