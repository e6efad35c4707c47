#include "actors/api/core/schema/decoding_check.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "actors/api/core/schema/builtin_schema.hpp"
#include "actors/api/core/schema/go_base64.hpp"
#include "actors/api/core/schema/go_time.hpp"
#include "messages/core/quantity.hpp"

namespace troupe::api {

namespace schema {

namespace {

using json = nlohmann::json;

// How Go's decoder names a JSON value that does not fit.
std::string_view value_word(const json& value) {
  if (value.is_string()) return "string";
  if (value.is_boolean()) return "bool";
  if (value.is_number()) return "number";
  if (value.is_object()) return "object";
  return "array";
}

// The literal of a number, as Go quotes it in "number 1.5".
std::string number_literal(const json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  return value.dump();
}

// Whether a JSON number is an integer within [minimum, maximum], as Go's
// strconv.ParseInt plus the overflow check decide.
bool fits_integer(const json& value, std::int64_t minimum, std::int64_t maximum) {
  if (value.is_number_unsigned())
    return value.get<std::uint64_t>() <= static_cast<std::uint64_t>(maximum);
  if (value.is_number_integer()) {
    auto number = value.get<std::int64_t>();
    return number >= minimum && number <= maximum;
  }
  return false;
}

std::string trim_spaces(std::string_view text) {
  constexpr std::string_view spaces = " \t\n\r\v\f";
  std::size_t first = text.find_first_not_of(spaces);
  if (first == std::string_view::npos) return {};
  std::size_t last = text.find_last_not_of(spaces);
  return std::string(text.substr(first, last - first + 1));
}

class walker {
 public:
  walker(const schema_model& model, decoding_report& report) : model_(model), report_(report) {}

  void walk_root(std::size_t type, const json& value) {
    walk_type(type, go_name_of_type(type), value);
    if (!report_.type_error) report_.type_error = saved_;
  }

 private:
  std::string go_name_of_type(std::size_t type) const {
    const auto& definition = model_.types[type];
    return model_.packages[definition.package].go_package + "." + definition.name;
  }

  std::string type_error(std::string_view word, std::string_view go_type) const {
    std::string text = "json: cannot unmarshal " + std::string(word);
    if (go_struct_.empty() && go_fields_.empty())
      return text + " into Go value of type " + std::string(go_type);
    text += " into Go struct field " + std::string(go_struct_) + ".";
    for (std::size_t i = 0; i < go_fields_.size(); ++i) {
      if (i > 0) text += '.';
      text += go_fields_[i];
    }
    return text + " of type " + std::string(go_type);
  }

  // Go keeps the first of these and decodes on.
  void save(std::string message) {
    if (!saved_) saved_ = std::move(message);
  }

  // An error returned by a self-decoding type: decoding ends here.
  void stop(std::string message) {
    report_.type_error = std::move(message);
    stopped_ = true;
  }

  void walk(std::size_t node, const json& value) {
    if (stopped_ || value.is_null()) return;
    const auto& expression = model_.nodes[node];
    switch (expression.kind) {
      case node_kind::scalar:
        return walk_scalar(expression.scalar, go_type_name(model_, node), value);
      case node_kind::named:
        return walk_type(expression.named, go_type_name(model_, node), value);
      case node_kind::array:
        return walk_array(node, value);
      case node_kind::map:
        return walk_map(node, value);
    }
  }

  void walk_type(std::size_t type, const std::string& go_name, const json& value) {
    if (stopped_ || value.is_null()) return;
    const auto& definition = model_.types[type];
    switch (definition.category) {
      case type_category::structure:
        return walk_struct(definition, go_name, value);
      case type_category::alias:
        return walk_alias(definition.underlying, go_name, value);
      case type_category::special:
        return walk_special(definition.special, value);
    }
  }

  // A named type decodes as what it names, but Go's errors name it.
  void walk_alias(std::size_t underlying, const std::string& go_name, const json& value) {
    const auto& expression = model_.nodes[underlying];
    if (expression.kind == node_kind::scalar) return walk_scalar(expression.scalar, go_name, value);
    bool shape_fits = (expression.kind == node_kind::map && value.is_object()) ||
                      (expression.kind == node_kind::array && value.is_array()) ||
                      expression.kind == node_kind::named;
    if (!shape_fits) return save(type_error(value_word(value), go_name));
    walk(underlying, value);
  }

  void walk_scalar(scalar_kind kind, const std::string& go_name, const json& value) {
    switch (kind) {
      case scalar_kind::string:
        if (!value.is_string()) save(type_error(value_word(value), go_name));
        return;
      case scalar_kind::boolean:
        if (!value.is_boolean()) save(type_error(value_word(value), go_name));
        return;
      case scalar_kind::int32:
        return walk_integer(value, std::numeric_limits<std::int32_t>::min(),
                            std::numeric_limits<std::int32_t>::max(), go_name);
      case scalar_kind::int64:
        return walk_integer(value, std::numeric_limits<std::int64_t>::min(),
                            std::numeric_limits<std::int64_t>::max(), go_name);
      case scalar_kind::bytes:
        return walk_bytes(value, go_name);
    }
  }

  void walk_integer(const json& value, std::int64_t minimum, std::int64_t maximum,
                    const std::string& go_name) {
    if (!value.is_number()) return save(type_error(value_word(value), go_name));
    if (!fits_integer(value, minimum, maximum))
      save(type_error("number " + number_literal(value), go_name));
  }

  // Go decodes a string as base64 and an array as bytes one by one.
  void walk_bytes(const json& value, const std::string& go_name) {
    if (value.is_string()) {
      if (auto offset = go_base64_error_offset(value.get_ref<const std::string&>()))
        save(go_base64_error_message(*offset));
      return;
    }
    if (!value.is_array()) return save(type_error(value_word(value), go_name));
    for (const auto& element : value) {
      if (element.is_null()) continue;
      if (!element.is_number())
        save(type_error(value_word(element), "uint8"));
      else if (!fits_integer(element, 0, std::numeric_limits<std::uint8_t>::max()))
        save(type_error("number " + number_literal(element), "uint8"));
    }
  }

  void walk_special(special_kind kind, const json& value) {
    switch (kind) {
      case special_kind::quantity:
        return walk_quantity(value);
      case special_kind::int_or_string:
        if (value.is_string()) return;
        if (!value.is_number()) return stop(type_error(value_word(value), "int32"));
        if (!fits_integer(value, std::numeric_limits<std::int32_t>::min(),
                          std::numeric_limits<std::int32_t>::max()))
          stop(type_error("number " + number_literal(value), "int32"));
        return;
      case special_kind::time:
      case special_kind::micro_time:
        return walk_time(kind, value);
      case special_kind::any:
        return;
    }
  }

  // resource.Quantity parses the raw JSON text (quotes stripped, spaces
  // trimmed), so anything but a string or number fails the format.
  void walk_quantity(const json& value) {
    std::string text;
    if (value.is_string())
      text = trim_spaces(value.get_ref<const std::string&>());
    else if (value.is_number())
      text = number_literal(value);
    else
      return stop(std::string(to_string(quantity_error::format_wrong)));
    auto parsed = parse_quantity(text);
    if (const auto* error = std::get_if<quantity_error>(&parsed))
      stop(std::string(to_string(*error)));
  }

  void walk_time(special_kind kind, const json& value) {
    if (!value.is_string()) return stop(type_error(value_word(value), "string"));
    auto layout =
        kind == special_kind::time ? go_time_layout::rfc3339 : go_time_layout::rfc3339_micro;
    if (auto error = go_time_parse_error(value.get_ref<const std::string&>(), layout))
      stop(std::move(*error));
  }

  void walk_array(std::size_t node, const json& value) {
    if (!value.is_array()) return save(type_error(value_word(value), go_type_name(model_, node)));
    std::size_t element = model_.nodes[node].element;
    std::size_t path_size = strict_path_.size();
    for (std::size_t i = 0; i < value.size() && !stopped_; ++i) {
      strict_path_ += "[" + std::to_string(i) + "]";
      walk(element, value[i]);
      strict_path_.resize(path_size);
    }
  }

  void walk_map(std::size_t node, const json& value) {
    if (!value.is_object()) return save(type_error(value_word(value), go_type_name(model_, node)));
    std::size_t element = model_.nodes[node].element;
    for (const auto& [key, member] : value.items()) {
      if (stopped_) return;
      std::size_t path_size = enter_strict_path(key);
      walk(element, member);
      strict_path_.resize(path_size);
    }
  }

  void walk_struct(const type_definition& type, const std::string& go_name, const json& value) {
    if (!value.is_object()) return save(type_error(value_word(value), go_name));
    for (const auto& [key, member] : value.items()) {
      if (stopped_) return;
      auto found = type.field_index.find(key);
      if (found == type.field_index.end()) {
        note_unknown(key);
        continue;
      }
      const auto& field = type.fields[found->second];
      std::string_view outer_struct = go_struct_;
      go_struct_ = type.name;
      go_fields_.push_back(field.name);
      std::size_t path_size = enter_strict_path(key);
      walk(field.node, member);
      strict_path_.resize(path_size);
      go_fields_.pop_back();
      go_struct_ = outer_struct;
    }
  }

  std::size_t enter_strict_path(std::string_view key) {
    std::size_t size = strict_path_.size();
    if (size > 0) strict_path_ += '.';
    strict_path_ += key;
    return size;
  }

  void note_unknown(std::string_view key) {
    if (report_.unknown_fields.size() >= unknown_fields_max) return;
    std::string path = strict_path_;
    if (!path.empty()) path += '.';
    path += key;
    report_.unknown_fields.push_back(std::move(path));
  }

  const schema_model& model_;
  decoding_report& report_;
  std::string strict_path_;                  // sigs.k8s.io/json's field path
  std::vector<std::string_view> go_fields_;  // Go's errorContext.FieldStack
  std::string_view go_struct_;               // Go's errorContext.Struct
  std::optional<std::string> saved_;         // Go's first saved error
  bool stopped_ = false;                     // a self-decoding type failed
};

}  // namespace

decoding_report check_decoding_with(const schema_model& model, std::size_t root_type,
                                    const nlohmann::json& object) {
  decoding_report report;
  walker(model, report).walk_root(root_type, object);
  return report;
}

}  // namespace schema

decoding_report check_decoding(const nlohmann::json& object, std::string_view api_version,
                               std::string_view kind) {
  const auto& model = schema::builtin_schema();
  const auto* type = schema::find_kind(model, api_version, kind);
  if (type == nullptr) return {};
  return schema::check_decoding_with(model, schema::type_index(model, *type), object);
}

}  // namespace troupe::api
