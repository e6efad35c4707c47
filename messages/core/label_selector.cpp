#include "messages/core/label_selector.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>

#include "messages/core/labels.hpp"

namespace troupe {

namespace {

// ---------------------------------------------------------------------------
// Go's formatting, so that messages read exactly like kube-apiserver's.

// fmt's %q for a string: ASCII escapes; bytes >= 0x80 are copied unchanged
// (Go would escape invalid UTF-8, which label keys and values never hold).
std::string go_quote(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string quoted = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\a':
        quoted += "\\a";
        break;
      case '\b':
        quoted += "\\b";
        break;
      case '\f':
        quoted += "\\f";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\r':
        quoted += "\\r";
        break;
      case '\t':
        quoted += "\\t";
        break;
      case '\v':
        quoted += "\\v";
        break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          quoted += "\\x";
          quoted += hex[byte >> 4];
          quoted += hex[byte & 0xf];
        } else {
          quoted += c;
        }
    }
  }
  quoted += '"';
  return quoted;
}

// fmt's %#v for a []string built by append([]string(nil), values...).
std::string go_string_slice(const std::vector<std::string>& values) {
  if (values.empty()) return "[]string(nil)";
  std::string text = "[]string{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text += ", ";
    text += go_quote(values[i]);
  }
  return text + "}";
}

// field.Invalid(path, value, detail).Error().
std::string invalid_value(std::string_view path, std::string_view formatted_value,
                          std::string_view detail) {
  std::string message(path);
  message += ": Invalid value: ";
  message += formatted_value;
  message += ": ";
  message += detail;
  return message;
}

// ErrorList.ToAggregate().Error(): duplicates dropped, one message bare,
// several as "[a, b]".
std::string aggregate(const std::vector<std::string>& messages) {
  std::vector<std::string> distinct;
  for (const auto& message : messages)
    if (std::find(distinct.begin(), distinct.end(), message) == distinct.end())
      distinct.push_back(message);
  if (distinct.size() == 1) return distinct.front();
  return "[" + join_messages(distinct, ", ") + "]";
}

// strconv.ParseInt(text, 10, 64).
std::optional<std::int64_t> parse_int64(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  // Accumulate as a negative number: its range includes INT64_MIN.
  std::int64_t value = 0;
  constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    int digit = c - '0';
    if (value < (lowest + digit) / 10) return std::nullopt;
    value = value * 10 - digit;
  }
  if (!negative) {
    if (value == lowest) return std::nullopt;
    value = -value;
  }
  return value;
}

std::string_view operator_text(label_operator op) {
  switch (op) {
    case label_operator::in:
      return " in ";
    case label_operator::not_in:
      return " notin ";
    case label_operator::equals:
      return "=";
    case label_operator::double_equals:
      return "==";
    case label_operator::not_equals:
      return "!=";
    case label_operator::greater_than:
      return ">";
    case label_operator::less_than:
      return "<";
    case label_operator::exists:
    case label_operator::does_not_exist:
      return "";
  }
  return "";
}

// ---------------------------------------------------------------------------
// labels.NewRequirement: validates and builds one requirement. `values` are
// kept in the given order.

std::variant<label_requirement, label_selector_error> make_requirement(
    std::string key, label_operator op, std::vector<std::string> values) {
  std::vector<std::string> errors;
  if (auto key_errors = validate_qualified_name(key); !key_errors.empty())
    errors.push_back(invalid_value("key", go_quote(key), join_messages(key_errors, "; ")));
  switch (op) {
    case label_operator::in:
    case label_operator::not_in:
      if (values.empty())
        errors.push_back(invalid_value("values", go_string_slice(values),
                                       "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case label_operator::equals:
    case label_operator::double_equals:
    case label_operator::not_equals:
      if (values.size() != 1)
        errors.push_back(invalid_value("values", go_string_slice(values),
                                       "exact-match compatibility requires one single value"));
      break;
    case label_operator::exists:
    case label_operator::does_not_exist:
      if (!values.empty())
        errors.push_back(invalid_value("values", go_string_slice(values),
                                       "values set must be empty for exists and does not exist"));
      break;
    case label_operator::greater_than:
    case label_operator::less_than:
      if (values.size() != 1)
        errors.push_back(invalid_value("values", go_string_slice(values),
                                       "for 'Gt', 'Lt' operators, exactly one value is required"));
      for (std::size_t i = 0; i < values.size(); ++i)
        if (!parse_int64(values[i]))
          errors.push_back(invalid_value("values[" + std::to_string(i) + "]", go_quote(values[i]),
                                         "for 'Gt', 'Lt' operators, the value must be an integer"));
      break;
  }
  for (std::size_t i = 0; i < values.size(); ++i)
    if (auto value_errors = validate_label_value(values[i]); !value_errors.empty())
      errors.push_back(invalid_value("values[" + std::to_string(i) + "][" + key + "]",
                                     go_quote(values[i]), join_messages(value_errors, "; ")));
  if (!errors.empty()) return label_selector_error{aggregate(errors)};
  return label_requirement{std::move(key), op, std::move(values)};
}

// ---------------------------------------------------------------------------
// The lexer and parser of selector.go, token for token, so that the same
// inputs are accepted and the same messages produced.

enum class token_kind {
  end_of_string,
  close_paren,
  comma,
  does_not_exist,  // "!"
  double_equals,
  equals,
  greater_than,
  identifier,
  in,
  less_than,
  not_equals,
  not_in,
  open_paren,
};

struct token {
  token_kind kind;
  std::string_view literal;
};

bool is_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_special_symbol(char c) {
  return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
}

token_kind special_symbol_kind(std::string_view symbol) {
  if (symbol == "==") return token_kind::double_equals;
  if (symbol == "!=") return token_kind::not_equals;
  switch (symbol.front()) {
    case '=':
      return token_kind::equals;
    case '!':
      return token_kind::does_not_exist;
    case '(':
      return token_kind::open_paren;
    case ')':
      return token_kind::close_paren;
    case ',':
      return token_kind::comma;
    case '>':
      return token_kind::greater_than;
    default:
      return token_kind::less_than;
  }
}

// Every special symbol is a token by itself; "==" and "!=" are the only
// two-symbol tokens, and the lexer takes the longest.
std::vector<token> scan(std::string_view text) {
  std::vector<token> tokens;
  std::size_t position = 0;
  while (true) {
    while (position < text.size() && is_whitespace(text[position])) ++position;
    if (position == text.size()) break;
    auto start = position;
    if (is_special_symbol(text[position])) {
      auto pair = text.substr(position, 2);
      position += (pair == "==" || pair == "!=") ? 2 : 1;
      auto symbol = text.substr(start, position - start);
      tokens.push_back({special_symbol_kind(symbol), symbol});
      continue;
    }
    while (position < text.size() && !is_special_symbol(text[position]) &&
           !is_whitespace(text[position]))
      ++position;
    auto word = text.substr(start, position - start);
    auto kind = word == "in"      ? token_kind::in
                : word == "notin" ? token_kind::not_in
                                  : token_kind::identifier;
    tokens.push_back({kind, word});
  }
  tokens.push_back({token_kind::end_of_string, {}});
  return tokens;
}

using error = label_selector_error;

std::string found(std::string_view literal, std::string_view expected) {
  std::string message = "found '";
  message += literal;
  message += "', expected: ";
  message += expected;
  return message;
}

class parser {
 public:
  explicit parser(std::string_view text) : tokens_(scan(text)) {}

  std::variant<std::vector<label_requirement>, error> parse_selector();

 private:
  // Where "in" and "notin" may also be plain values.
  enum class context { key_and_operator, values };

  token lookahead(context where) const { return as_seen(tokens_[position_], where); }
  token consume(context where) {
    auto seen = as_seen(tokens_[position_], where);
    if (position_ + 1 < tokens_.size()) ++position_;
    return seen;
  }
  static token as_seen(token t, context where) {
    if (where == context::values && (t.kind == token_kind::in || t.kind == token_kind::not_in))
      t.kind = token_kind::identifier;
    return t;
  }

  std::variant<label_requirement, error> parse_requirement();
  std::variant<std::vector<std::string>, error> parse_values();
  std::variant<std::set<std::string>, error> parse_identifier_list();
  std::variant<std::vector<std::string>, error> parse_exact_value();

  std::vector<token> tokens_;
  std::size_t position_ = 0;
};

std::variant<std::vector<label_requirement>, error> parser::parse_selector() {
  std::vector<label_requirement> requirements;
  while (true) {
    auto next = lookahead(context::values);
    if (next.kind == token_kind::end_of_string) return requirements;
    if (next.kind != token_kind::identifier && next.kind != token_kind::does_not_exist)
      return error{found(next.literal, "!, identifier, or 'end of string'")};
    if (requirements.size() == label_selector_requirements_max)
      return error{"label selector has more than " +
                   std::to_string(label_selector_requirements_max) + " requirements"};
    auto requirement = parse_requirement();
    if (auto* failure = std::get_if<error>(&requirement))
      return error{"unable to parse requirement: " + failure->message};
    requirements.push_back(std::move(std::get<label_requirement>(requirement)));
    auto after = consume(context::values);
    if (after.kind == token_kind::end_of_string) return requirements;
    if (after.kind != token_kind::comma)
      return error{found(after.literal, "',' or 'end of string'")};
    auto following = lookahead(context::values);
    if (following.kind != token_kind::identifier && following.kind != token_kind::does_not_exist)
      return error{found(following.literal, "identifier after ','")};
  }
}

std::variant<label_requirement, error> parser::parse_requirement() {
  // The key, and the operator when it is implied ("key", "!key").
  std::optional<label_operator> op;
  auto key = consume(context::values);
  if (key.kind == token_kind::does_not_exist) {
    op = label_operator::does_not_exist;
    key = consume(context::values);
  }
  if (key.kind != token_kind::identifier) return error{found(key.literal, "identifier")};
  if (auto key_errors = validate_qualified_name(key.literal); !key_errors.empty())
    return error{invalid_value("<nil>", go_quote(key.literal), join_messages(key_errors, "; "))};
  auto next = lookahead(context::values).kind;
  if (!op && (next == token_kind::end_of_string || next == token_kind::comma))
    op = label_operator::exists;
  if (op) return make_requirement(std::string(key.literal), *op, {});

  auto symbol = consume(context::key_and_operator);
  std::variant<std::vector<std::string>, error> values;
  switch (symbol.kind) {
    case token_kind::in:
      op = label_operator::in;
      break;
    case token_kind::not_in:
      op = label_operator::not_in;
      break;
    case token_kind::equals:
      op = label_operator::equals;
      break;
    case token_kind::double_equals:
      op = label_operator::double_equals;
      break;
    case token_kind::not_equals:
      op = label_operator::not_equals;
      break;
    case token_kind::greater_than:
      op = label_operator::greater_than;
      break;
    case token_kind::less_than:
      op = label_operator::less_than;
      break;
    default:
      return error{found(symbol.literal, "in, notin, =, ==, !=, gt, lt")};
  }
  if (op == label_operator::in || op == label_operator::not_in)
    values = parse_values();
  else
    values = parse_exact_value();
  if (auto* failure = std::get_if<error>(&values)) return *failure;
  return make_requirement(std::string(key.literal), *op,
                          std::move(std::get<std::vector<std::string>>(values)));
}

// "(" values ")": "()" is the one empty value; values come back sorted and
// without duplicates (Kubernetes collects them in a set).
std::variant<std::vector<std::string>, error> parser::parse_values() {
  auto open = consume(context::values);
  if (open.kind != token_kind::open_paren) {
    std::string message = "found '";
    message += open.literal;
    message += "' expected: '('";
    return error{message};
  }
  auto next = lookahead(context::values);
  if (next.kind == token_kind::close_paren) {
    consume(context::values);
    return std::vector<std::string>{""};
  }
  if (next.kind != token_kind::identifier && next.kind != token_kind::comma)
    return error{found(next.literal, "',', ')' or identifier")};
  auto list = parse_identifier_list();
  if (auto* failure = std::get_if<error>(&list)) return *failure;
  consume(context::values);  // the ')' parse_identifier_list stopped at
  auto& set = std::get<std::set<std::string>>(list);
  // The input's byte bound already bounds the work done to get here.
  if (set.size() > label_selector_values_max)
    return error{"a requirement has more than " + std::to_string(label_selector_values_max) +
                 " values"};
  return std::vector<std::string>(set.begin(), set.end());
}

// A comma-separated list of possibly empty identifiers, up to ')'.
std::variant<std::set<std::string>, error> parser::parse_identifier_list() {
  std::set<std::string> values;
  while (true) {
    auto item = consume(context::values);
    if (item.kind == token_kind::identifier) {
      values.emplace(item.literal);
      auto next = lookahead(context::values);
      if (next.kind == token_kind::close_paren) return values;
      if (next.kind != token_kind::comma) return error{found(next.literal, "',' or ')'")};
      continue;
    }
    if (item.kind != token_kind::comma) return error{found(item.literal, "',', or identifier")};
    if (values.empty()) values.emplace();  // "(,"
    auto next = lookahead(context::values).kind;
    if (next == token_kind::close_paren) {  // ",)"
      values.emplace();
      return values;
    }
    if (next == token_kind::comma) values.emplace();  // ",,"
  }
}

std::variant<std::vector<std::string>, error> parser::parse_exact_value() {
  auto next = lookahead(context::values).kind;
  if (next == token_kind::end_of_string || next == token_kind::comma)
    return std::vector<std::string>{""};
  auto value = consume(context::values);
  if (value.kind != token_kind::identifier) return error{found(value.literal, "identifier")};
  return std::vector<std::string>{std::string(value.literal)};
}

void sort_by_key(std::vector<label_requirement>& requirements) {
  std::stable_sort(requirements.begin(), requirements.end(),
                   [](const auto& a, const auto& b) { return a.key < b.key; });
}

// ---------------------------------------------------------------------------
// metav1.LabelSelector as JSON.

std::variant<label_operator, error> json_operator(const std::string& name) {
  if (name == "In") return label_operator::in;
  if (name == "NotIn") return label_operator::not_in;
  if (name == "Exists") return label_operator::exists;
  if (name == "DoesNotExist") return label_operator::does_not_exist;
  return error{go_quote(name) + " is not a valid label selector operator"};
}

std::variant<label_requirement, error> json_expression(const nlohmann::json& expression,
                                                       std::size_t index) {
  auto where = "matchExpressions[" + std::to_string(index) + "]";
  if (!expression.is_object()) return error{where + ": must be an object"};
  std::string key;
  std::string op_name;
  std::vector<std::string> values;
  if (auto it = expression.find("key"); it != expression.end() && !it->is_null()) {
    if (!it->is_string()) return error{where + ".key: must be a string"};
    key = it->get<std::string>();
  }
  if (auto it = expression.find("operator"); it != expression.end() && !it->is_null()) {
    if (!it->is_string()) return error{where + ".operator: must be a string"};
    op_name = it->get<std::string>();
  }
  if (auto it = expression.find("values"); it != expression.end() && !it->is_null()) {
    if (!it->is_array()) return error{where + ".values: must be an array of strings"};
    if (it->size() > label_selector_values_max)
      return error{where + ".values: more than " + std::to_string(label_selector_values_max) +
                   " values"};
    for (const auto& value : *it) {
      if (!value.is_string()) return error{where + ".values: must be an array of strings"};
      values.push_back(value.get<std::string>());
    }
  }
  auto op = json_operator(op_name);
  if (auto* failure = std::get_if<error>(&op)) return *failure;
  return make_requirement(std::move(key), std::get<label_operator>(op), std::move(values));
}

// The requirements of a JSON selector, sorted by key; nothing for null.
using json_requirements = std::optional<std::vector<label_requirement>>;

std::variant<json_requirements, error> from_json_unchecked(const nlohmann::json& selector) {
  if (selector.is_null()) return json_requirements{};
  if (!selector.is_object()) return error{"label selector: must be an object"};
  static const nlohmann::json none = nullptr;
  auto member = [&](const char* name) -> const nlohmann::json& {
    auto it = selector.find(name);
    return it == selector.end() ? none : *it;
  };
  const auto& match_labels = member("matchLabels");
  const auto& match_expressions = member("matchExpressions");
  if (!match_labels.is_null() && !match_labels.is_object())
    return error{"matchLabels: must be an object of strings"};
  if (!match_expressions.is_null() && !match_expressions.is_array())
    return error{"matchExpressions: must be an array"};
  if (match_labels.size() + match_expressions.size() > label_selector_requirements_max)
    return error{"label selector has more than " + std::to_string(label_selector_requirements_max) +
                 " requirements"};
  std::vector<label_requirement> requirements;
  if (match_labels.is_object()) {
    for (const auto& [key, value] : match_labels.items()) {
      if (!value.is_string()) return error{"matchLabels." + key + ": must be a string"};
      auto requirement = make_requirement(key, label_operator::equals, {value.get<std::string>()});
      if (auto* failure = std::get_if<error>(&requirement)) return *failure;
      requirements.push_back(std::move(std::get<label_requirement>(requirement)));
    }
  }
  if (match_expressions.is_array()) {
    for (std::size_t i = 0; i < match_expressions.size(); ++i) {
      auto requirement = json_expression(match_expressions[i], i);
      if (auto* failure = std::get_if<error>(&requirement)) return *failure;
      requirements.push_back(std::move(std::get<label_requirement>(requirement)));
    }
  }
  sort_by_key(requirements);
  return json_requirements{std::move(requirements)};
}

}  // namespace

// ---------------------------------------------------------------------------

bool label_requirement::matches(const std::map<std::string, std::string>& labels) const {
  auto it = labels.find(key);
  bool present = it != labels.end();
  auto has_value = [&] {
    return present && std::find(values.begin(), values.end(), it->second) != values.end();
  };
  switch (op) {
    case label_operator::in:
    case label_operator::equals:
    case label_operator::double_equals:
      return has_value();
    case label_operator::not_in:
    case label_operator::not_equals:
      return !present || !has_value();
    case label_operator::exists:
      return present;
    case label_operator::does_not_exist:
      return !present;
    case label_operator::greater_than:
    case label_operator::less_than: {
      if (!present || values.size() != 1) return false;
      auto actual = parse_int64(it->second);
      auto bound = parse_int64(values.front());
      if (!actual || !bound) return false;
      return op == label_operator::greater_than ? *actual > *bound : *actual < *bound;
    }
  }
  return false;
}

std::string label_requirement::to_string() const {
  std::string text = op == label_operator::does_not_exist ? "!" + key : key;
  if (op == label_operator::exists || op == label_operator::does_not_exist) return text;
  text += operator_text(op);
  bool in_set = op == label_operator::in || op == label_operator::not_in;
  if (in_set) text += "(";
  auto sorted = values;
  std::sort(sorted.begin(), sorted.end());
  text += join_messages(sorted, ",");
  if (in_set) text += ")";
  return text;
}

label_selector::label_selector(std::vector<label_requirement> requirements)
    : requirements_(std::move(requirements)) {}

label_selector label_selector::nothing() {
  label_selector selector;
  selector.nothing_ = true;
  return selector;
}

label_selector_result label_selector::parse(std::string_view text) {
  if (text.size() > label_selector_bytes_max)
    return error{"label selector is longer than " + std::to_string(label_selector_bytes_max) +
                 " bytes"};
  parser p(text);
  auto parsed = p.parse_selector();
  if (auto* failure = std::get_if<error>(&parsed)) return *failure;
  auto& requirements = std::get<std::vector<label_requirement>>(parsed);
  sort_by_key(requirements);
  return label_selector(std::move(requirements));
}

label_selector_result label_selector::from_json(const nlohmann::json& selector) {
  try {
    auto converted = from_json_unchecked(selector);
    if (auto* failure = std::get_if<error>(&converted)) return *failure;
    auto& requirements = std::get<json_requirements>(converted);
    if (!requirements) return nothing();
    return label_selector(std::move(*requirements));
  } catch (const nlohmann::json::exception& failure) {
    return error{std::string("label selector: ") + failure.what()};
  }
}

bool label_selector::matches(const std::map<std::string, std::string>& labels) const {
  if (nothing_) return false;
  return std::all_of(requirements_.begin(), requirements_.end(),
                     [&](const auto& requirement) { return requirement.matches(labels); });
}

std::string label_selector::to_string() const {
  std::string text;
  for (std::size_t i = 0; i < requirements_.size(); ++i) {
    if (i > 0) text += ",";
    text += requirements_[i].to_string();
  }
  return text;
}

}  // namespace troupe
