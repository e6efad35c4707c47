#include "actors/api/core/schema/schema_text_parser.hpp"

#include <cctype>
#include <cstddef>
#include <map>
#include <utility>

namespace troupe::api::schema {

namespace {

struct location {
  std::string_view source;
  std::size_t line = 0;
};

struct pending_field {
  location where;
  field_definition definition;
  std::string type_text;  // for an inline entry, the struct whose fields it copies
  bool is_inline = false;
  std::size_t package = 0;  // where type_text is resolved
};

struct pending_type {
  location where;
  type_definition definition;
  std::string underlying_text;  // alias only
  std::vector<pending_field> fields;
};

constexpr std::string_view api_version_description =
    "The versioned schema of this representation of the object; servers convert the "
    "versions they know to the one they store.";
constexpr std::string_view kind_description =
    "The REST kind this object represents, in CamelCase; the endpoint a request is sent "
    "to implies it.";
constexpr std::string_view metadata_description =
    "Standard object metadata: name, namespace, labels, annotations, owners and the fields "
    "the system maintains.";

bool is_identifier(std::string_view word) {
  if (word.empty() || std::isalpha(static_cast<unsigned char>(word.front())) == 0) return false;
  for (char c : word)
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) return false;
  return true;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t position = 0;
  while (position < text.size()) {
    while (position < text.size() && text[position] == ' ') ++position;
    std::size_t end = text.find(' ', position);
    if (end == std::string_view::npos) end = text.size();
    if (end > position) words.push_back(text.substr(position, end - position));
    position = end;
  }
  return words;
}

// "head: description" -> {head, description}; a line without ':' has none.
std::pair<std::string_view, std::optional<std::string_view>> split_description(
    std::string_view line) {
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return {line, std::nullopt};
  std::string_view description = line.substr(colon + 1);
  while (!description.empty() && description.front() == ' ') description.remove_prefix(1);
  return {line.substr(0, colon), description};
}

std::optional<special_kind> special_from(std::string_view word) {
  if (word == "quantity") return special_kind::quantity;
  if (word == "int-or-string") return special_kind::int_or_string;
  if (word == "time") return special_kind::time;
  if (word == "micro-time") return special_kind::micro_time;
  if (word == "any") return special_kind::any;
  return std::nullopt;
}

std::optional<scalar_kind> scalar_from(std::string_view word) {
  if (word == "string") return scalar_kind::string;
  if (word == "int32") return scalar_kind::int32;
  if (word == "int64") return scalar_kind::int64;
  if (word == "bool") return scalar_kind::boolean;
  if (word == "bytes") return scalar_kind::bytes;
  return std::nullopt;
}

class parser {
 public:
  void parse_source(const schema_source& source);
  schema_parse_result finish();

 private:
  void parse_line(const location& where, std::string_view line);
  void parse_field(const location& where, std::string_view line);
  void declare_package(const location& where, const std::vector<std::string_view>& words);
  void declare_type(const location& where, std::string_view head,
                    std::optional<std::string_view> description);
  void add_standard_fields(pending_type& type);
  void expand_inlines();
  bool expand_inlines_of(std::size_t type, std::vector<int>& state);
  void resolve_types();
  std::optional<std::size_t> resolve_expression(const location& where, std::size_t package,
                                                std::string_view text);
  std::optional<std::size_t> resolve_name(const location& where, std::size_t package,
                                          std::string_view name);
  bool is_string_key(std::size_t node) const;
  void check_acyclic();
  bool visit_for_cycles(std::size_t type, std::vector<int>& state);
  bool visit_node_for_cycles(std::size_t node, std::vector<int>& state);
  void error(const location& where, const std::string& message);

  std::vector<package_definition> packages_;
  std::vector<pending_type> types_;
  std::optional<std::size_t> current_package_;
  std::optional<std::size_t> current_struct_;
  std::map<std::pair<std::size_t, std::string>, std::size_t, std::less<>> by_package_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_name_;
  std::vector<std::string> errors_;
  schema_model model_;
};

void parser::error(const location& where, const std::string& message) {
  errors_.push_back(std::string(where.source) + ":" + std::to_string(where.line) + ": " + message);
}

void parser::parse_source(const schema_source& source) {
  current_struct_.reset();
  std::size_t line_number = 0;
  std::size_t position = 0;
  while (position <= source.text.size()) {
    std::size_t end = source.text.find('\n', position);
    if (end == std::string_view::npos) end = source.text.size();
    ++line_number;
    parse_line({source.name, line_number}, source.text.substr(position, end - position));
    position = end + 1;
  }
}

void parser::parse_line(const location& where, std::string_view line) {
  if (line.empty() || line.front() == '#') return;
  if (line.substr(0, 2) == "  ") return parse_field(where, line.substr(2));
  current_struct_.reset();
  auto [head, description] = split_description(line);
  auto words = split_words(head);
  if (words.empty()) return error(where, "a line of blanks before a colon");
  if (words.front() == "package") {
    if (description) return error(where, "a package takes no description");
    return declare_package(where, words);
  }
  declare_type(where, head, description);
}

void parser::declare_package(const location& where, const std::vector<std::string_view>& words) {
  std::size_t found = packages_.size();
  for (std::size_t i = 0; i < packages_.size(); ++i)
    if (words.size() > 1 && packages_[i].key == words[1]) found = i;
  if (words.size() == 2) {
    if (found == packages_.size())
      return error(where, "unknown package \"" + std::string(words[1]) + "\"");
    current_package_ = found;
    return;
  }
  if (words.size() != 5)
    return error(where, "expected: package <key> <prefix> <go-package> <api-version|->");
  if (found != packages_.size())
    return error(where, "package \"" + std::string(words[1]) + "\" declared twice");
  std::string api_version = words[4] == "-" ? std::string() : std::string(words[4]);
  packages_.push_back({std::string(words[1]), std::string(words[2]), std::string(words[3]),
                       std::move(api_version)});
  current_package_ = packages_.size() - 1;
}

void parser::declare_type(const location& where, std::string_view head,
                          std::optional<std::string_view> description) {
  auto words = split_words(head);
  std::string_view keyword = words.front();
  bool has_argument = keyword == "alias" || keyword == "special";
  bool is_struct = keyword == "struct" || keyword == "kind" || keyword == "typed";
  if (!has_argument && !is_struct)
    return error(where, "unknown declaration \"" + std::string(keyword) + "\"");
  if (words.size() != (has_argument ? 3U : 2U))
    return error(where, "malformed " + std::string(keyword) + " declaration");
  if (!current_package_) return error(where, "a type outside any package");
  if (!is_identifier(words[1]))
    return error(where, "bad type name \"" + std::string(words[1]) + "\"");
  if (!description || description->empty())
    return error(where, "type " + std::string(words[1]) + " has no description");
  pending_type type;
  type.where = where;
  type.definition.package = *current_package_;
  type.definition.name = std::string(words[1]);
  type.definition.description = std::string(*description);
  type.definition.is_kind = keyword == "kind" || keyword == "typed";
  if (keyword == "alias") {
    type.definition.category = type_category::alias;
    type.underlying_text = std::string(words[2]);
  } else if (keyword == "special") {
    auto special = special_from(words[2]);
    if (!special) return error(where, "unknown semantics \"" + std::string(words[2]) + "\"");
    type.definition.category = type_category::special;
    type.definition.special = *special;
  }
  if (!by_package_.emplace(std::pair{*current_package_, type.definition.name}, types_.size())
           .second)
    return error(where, "type " + type.definition.name + " declared twice");
  by_name_[type.definition.name].push_back(types_.size());
  if (is_struct) {
    if (keyword != "struct") add_standard_fields(type);
    if (keyword == "kind") {
      type.fields.push_back({where,
                             {"metadata", false, 0, std::string(metadata_description)},
                             "ObjectMeta",
                             false,
                             *current_package_});
    }
    current_struct_ = types_.size();
  }
  types_.push_back(std::move(type));
}

void parser::add_standard_fields(pending_type& type) {
  std::size_t package = type.definition.package;
  type.fields.push_back({type.where,
                         {"apiVersion", false, 0, std::string(api_version_description)},
                         "string",
                         false,
                         package});
  type.fields.push_back(
      {type.where, {"kind", false, 0, std::string(kind_description)}, "string", false, package});
}

void parser::parse_field(const location& where, std::string_view line) {
  if (!current_struct_) return error(where, "a field outside any struct");
  auto [head, description] = split_description(line);
  auto words = split_words(head);
  if (words.size() != 2) return error(where, "expected: <field>[!] <type>[: <description>]");
  auto& type = types_[*current_struct_];
  if (words[0] == "inline") {
    if (description) return error(where, "an inline entry takes no description");
    type.fields.push_back({where, {}, std::string(words[1]), true, *current_package_});
    return;
  }
  std::string_view name = words[0];
  bool required = !name.empty() && name.back() == '!';
  if (required) name.remove_suffix(1);
  if (!is_identifier(name)) return error(where, "bad field name \"" + std::string(name) + "\"");
  type.fields.push_back({where,
                         {std::string(name), required, 0, std::string(description.value_or(""))},
                         std::string(words[1]),
                         false,
                         *current_package_});
}

std::optional<std::size_t> parser::resolve_name(const location& where, std::size_t package,
                                                std::string_view name) {
  std::size_t dot = name.find('.');
  if (dot != std::string_view::npos) {
    std::string_view key = name.substr(0, dot);
    for (std::size_t i = 0; i < packages_.size(); ++i) {
      if (packages_[i].key != key) continue;
      auto found = by_package_.find(std::pair{i, std::string(name.substr(dot + 1))});
      if (found != by_package_.end()) return found->second;
    }
    error(where, "unknown type \"" + std::string(name) + "\"");
    return std::nullopt;
  }
  auto local = by_package_.find(std::pair{package, std::string(name)});
  if (local != by_package_.end()) return local->second;
  auto global = by_name_.find(name);
  if (global == by_name_.end()) {
    error(where, "unknown type \"" + std::string(name) + "\"");
    return std::nullopt;
  }
  if (global->second.size() > 1) {
    error(where, "ambiguous type \"" + std::string(name) + "\": qualify it with its package");
    return std::nullopt;
  }
  return global->second.front();
}

std::optional<std::size_t> parser::resolve_expression(const location& where, std::size_t package,
                                                      std::string_view text) {
  type_node node;
  if (text.substr(0, 2) == "[]") {
    auto element = resolve_expression(where, package, text.substr(2));
    if (!element) return std::nullopt;
    node.kind = node_kind::array;
    node.element = *element;
  } else if (text.substr(0, 4) == "map[") {
    std::size_t close = text.find(']');
    if (close == std::string_view::npos) {
      error(where, "unclosed map key in \"" + std::string(text) + "\"");
      return std::nullopt;
    }
    auto key = resolve_expression(where, package, text.substr(4, close - 4));
    auto element = resolve_expression(where, package, text.substr(close + 1));
    if (!key || !element) return std::nullopt;
    if (!is_string_key(*key)) {
      error(where, "map key of \"" + std::string(text) + "\" is not a string");
      return std::nullopt;
    }
    node.kind = node_kind::map;
    node.key = *key;
    node.element = *element;
  } else if (auto scalar = scalar_from(text)) {
    node.scalar = *scalar;
  } else {
    auto named = resolve_name(where, package, text);
    if (!named) return std::nullopt;
    node.kind = node_kind::named;
    node.named = *named;
  }
  model_.nodes.push_back(node);
  return model_.nodes.size() - 1;
}

// Map keys are resolved before the aliases they name, so an alias key is
// judged by its declared text.
bool parser::is_string_key(std::size_t node) const {
  const auto& key = model_.nodes[node];
  if (key.kind == node_kind::scalar) return key.scalar == scalar_kind::string;
  if (key.kind != node_kind::named) return false;
  const auto& type = types_[key.named];
  return type.definition.category == type_category::alias && type.underlying_text == "string";
}

void parser::resolve_types() {
  for (auto& pending : types_) {
    type_definition definition = pending.definition;
    if (definition.category == type_category::alias) {
      auto underlying =
          resolve_expression(pending.where, definition.package, pending.underlying_text);
      definition.underlying = underlying.value_or(0);
    }
    for (auto& field : pending.fields) {
      auto node = resolve_expression(field.where, field.package, field.type_text);
      field.definition.node = node.value_or(0);
      definition.field_index.emplace(field.definition.name, definition.fields.size());
      definition.fields.push_back(field.definition);
    }
    model_.types.push_back(std::move(definition));
  }
}

// Depth-first search; state: 0 unvisited, 1 on the current path, 2 done.
bool parser::visit_node_for_cycles(std::size_t node, std::vector<int>& state) {
  const auto& expression = model_.nodes[node];
  switch (expression.kind) {
    case node_kind::scalar:
      return true;
    case node_kind::named:
      return visit_for_cycles(expression.named, state);
    case node_kind::array:
    case node_kind::map:
      return visit_node_for_cycles(expression.element, state);
  }
  return true;
}

bool parser::visit_for_cycles(std::size_t type, std::vector<int>& state) {
  if (state[type] == 2) return true;
  if (state[type] == 1) {
    error(types_[type].where, "type " + types_[type].definition.name + " contains itself");
    return false;
  }
  state[type] = 1;
  const auto& definition = model_.types[type];
  bool acyclic = true;
  if (definition.category == type_category::alias)
    acyclic = visit_node_for_cycles(definition.underlying, state);
  for (const auto& field : definition.fields)
    acyclic = acyclic && visit_node_for_cycles(field.node, state);
  state[type] = 2;
  return acyclic;
}

void parser::check_acyclic() {
  std::vector<int> state(model_.types.size(), 0);
  for (std::size_t type = 0; type < model_.types.size(); ++type)
    if (!visit_for_cycles(type, state)) return;
}

// Go flattens the fields of an embedded struct into the struct embedding
// it; "inline <Type>" does the same. state: 0 unexpanded, 1 expanding, 2 done.
bool parser::expand_inlines_of(std::size_t type, std::vector<int>& state) {
  if (state[type] == 2) return true;
  auto& pending = types_[type];
  if (state[type] == 1) {
    error(pending.where, "type " + pending.definition.name + " inlines itself");
    return false;
  }
  state[type] = 1;
  std::vector<pending_field> expanded;
  for (auto& field : pending.fields) {
    if (!field.is_inline) {
      expanded.push_back(std::move(field));
      continue;
    }
    auto included = resolve_name(field.where, pending.definition.package, field.type_text);
    if (!included) return false;
    if (types_[*included].definition.category != type_category::structure) {
      error(field.where, "inline " + field.type_text + " is not a struct");
      return false;
    }
    if (!expand_inlines_of(*included, state)) return false;
    for (const auto& copied : types_[*included].fields) {
      expanded.push_back(copied);
    }
  }
  pending.fields = std::move(expanded);
  state[type] = 2;
  return true;
}

void parser::expand_inlines() {
  std::vector<int> state(types_.size(), 0);
  for (std::size_t type = 0; type < types_.size(); ++type)
    if (!expand_inlines_of(type, state)) return;
  for (const auto& type : types_) {
    std::map<std::string_view, bool> seen;
    for (const auto& field : type.fields)
      if (!seen.emplace(field.definition.name, true).second)
        error(field.where,
              "field " + field.definition.name + " of " + type.definition.name + " declared twice");
  }
}

schema_parse_result parser::finish() {
  schema_parse_result result;
  if (errors_.empty()) expand_inlines();
  if (errors_.empty()) resolve_types();
  if (errors_.empty()) check_acyclic();
  if (errors_.empty()) {
    model_.packages = std::move(packages_);
    result.model = std::move(model_);
  }
  result.errors = std::move(errors_);
  return result;
}

}  // namespace

schema_parse_result parse_schema(const std::vector<schema_source>& sources) {
  parser instance;
  for (const auto& source : sources) instance.parse_source(source);
  return instance.finish();
}

}  // namespace troupe::api::schema
