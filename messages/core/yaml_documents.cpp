#include "messages/core/yaml_documents.hpp"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <sstream>
#include <string_view>

namespace troupe {

namespace {

// Records where each document starts; builds nothing.
class document_walker final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start_ = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  const YAML::Mark& start() const { return start_; }

 private:
  YAML::Mark start_;
};

std::string at(const YAML::Mark& mark) {
  return "line " + std::to_string(mark.line + 1) + ", column " + std::to_string(mark.column + 1);
}

// The Unicode characters YAML streams may hold, as go-yaml's reader admits
// them (tab, line breaks, printable ASCII, NEL and the printable planes).
bool yaml_printable(char32_t value) {
  return value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0x7E) ||
         value == 0x85 || (value >= 0xA0 && value <= 0xD7FF) ||
         (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF);
}

// The length of the UTF-8 sequence `lead` opens, 0 if it opens none.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 0;
}

// What go-yaml's reader refuses in the character at `text[offset]` (in its
// words), or nothing; `length` is set to the character's bytes.
std::optional<std::string> character_error(std::string_view text, std::size_t offset,
                                           std::size_t& length) {
  auto lead = static_cast<unsigned char>(text[offset]);
  length = sequence_length(lead);
  if (length == 0) return "invalid leading UTF-8 octet";
  if (offset + length > text.size()) return "incomplete UTF-8 octet sequence";
  auto value = static_cast<char32_t>(length == 1 ? lead : lead & (0x7F >> length));
  for (std::size_t i = 1; i < length; ++i) {
    auto octet = static_cast<unsigned char>(text[offset + i]);
    if ((octet & 0xC0) != 0x80) return "invalid trailing UTF-8 octet";
    value = (value << 6) | (octet & 0x3F);
  }
  constexpr std::array<char32_t, 5> shortest{0, 0, 0x80, 0x800, 0x10000};
  if (value < shortest[length]) return "invalid length of a UTF-8 sequence";
  if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return "invalid Unicode character";
  if (!yaml_printable(value)) return "control characters are not allowed";
  return std::nullopt;
}

// Kubernetes' YAML (go-yaml) reads UTF-8 only and refuses control
// characters; yaml-cpp passes any byte into its scalars, which then cannot
// be serialized as JSON (nlohmann throws on bytes that are not UTF-8: found
// by the manifest fuzzer), and takes NUL bytes for UTF-16 or UTF-32.
std::optional<std::string> check_characters(const std::string& text) {
  YAML::Mark mark;
  for (std::size_t offset = 0, length = 0; offset < text.size(); offset += length) {
    if (auto error = character_error(text, offset, length)) return at(mark) + ": " + *error;
    if (text[offset] == '\n') {
      ++mark.line;
      mark.column = 0;
    } else {
      ++mark.column;
    }
  }
  return std::nullopt;
}

// YAML (go-yaml too) takes a lone CR for a line break; yaml-cpp does not,
// and reads `{"a":\r"b"}` as {"a": "\r\"b\""} (found by the yaml_json
// fuzzer). YAML normalizes every line break in content to LF, so making
// lone CRs LFs changes no value (nor any position).
std::string with_line_feeds(const std::string& text) {
  auto result = text;
  for (std::size_t i = 0; i < result.size(); ++i)
    if (result[i] == '\r' && (i + 1 == result.size() || result[i + 1] != '\n')) result[i] = '\n';
  return result;
}

// Nothing when the parser gets through every document of `text`, else the
// message naming where it stalls.
std::optional<std::string> check_documents_end(const std::string& text, int documents_max) {
  std::istringstream input(text);
  YAML::Parser parser(input);
  document_walker walker;
  std::optional<int> last_position;
  for (int documents = 0; documents <= documents_max; ++documents) {
    if (!parser.HandleNextDocument(walker)) return std::nullopt;
    const auto& start = walker.start();
    if (last_position && *last_position == start.pos) {
      std::string where = start.pos >= 0 && static_cast<std::size_t>(start.pos) < text.size()
                              ? std::string(" '") + text[static_cast<std::size_t>(start.pos)] + "'"
                              : std::string();
      return at(start) + ": unexpected" + where;
    }
    last_position = start.pos;
  }
  return "more than " + std::to_string(documents_max) + " YAML documents";
}

bool one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto word : words)
    if (text == word) return true;
  return false;
}

template <class Number>
std::optional<Number> parse_number(std::string_view text) {
  Number value{};
  auto begin = text.data();
  if (!text.empty() && text.front() == '+') ++begin;
  auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || begin == end) return std::nullopt;
  return value;
}

// The magnitude of a well-formed decimal is below 1.
bool below_one(std::string_view text) {
  auto exponent_at = text.find_first_of("eE");
  auto mantissa = text.substr(0, exponent_at);
  auto first_digit = mantissa.find_first_of("123456789");
  // Zero (never out of range) has no leading digit to measure.
  if (first_digit == std::string_view::npos) return true;
  auto point = std::min(mantissa.find('.'), mantissa.size());
  // The power of ten of the mantissa's leading digit.
  auto order = first_digit < point ? static_cast<std::int64_t>(point - first_digit - 1)
                                   : -static_cast<std::int64_t>(first_digit - point);
  if (exponent_at == std::string_view::npos) return order < 0;
  auto exponent_text = text.substr(exponent_at + 1);
  auto exponent = parse_number<std::int64_t>(exponent_text);
  // An exponent beyond int64 decides by its sign alone.
  if (!exponent) return exponent_text.starts_with('-');
  return *exponent < -order;
}

// go-yaml resolves floats with Go's strconv.ParseFloat, which refuses only
// values above double's range and rounds those below it to a signed zero
// ("1e-400" is 0), where std::from_chars refuses both (found by the
// yaml_json fuzzer: nlohmann reads such JSON numbers as 0 too).
std::optional<double> parse_real(std::string_view text) {
  double value = 0;
  const auto* begin = text.data() + (text.starts_with('+') ? 1 : 0);
  const auto* text_end = text.data() + text.size();
  auto [end, error] = std::from_chars(begin, text_end, value);
  if (end != text_end || begin == end) return std::nullopt;
  if (error == std::errc::result_out_of_range && below_one(text))
    return text.starts_with('-') ? -0.0 : 0.0;
  if (error != std::errc()) return std::nullopt;
  return value;
}

nlohmann::json plain_scalar(const std::string& text) {
  if (one_of(text, {"", "~", "null", "Null", "NULL"})) return nullptr;
  if (one_of(text, {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"}))
    return true;
  if (one_of(text, {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"}))
    return false;
  if (auto integer = parse_number<std::int64_t>(text)) return *integer;
  if (text.find_first_of("0123456789") != std::string::npos &&
      text.find_first_not_of("0123456789+-.eE") == std::string::npos)
    if (auto real = parse_real(text)) return *real;
  return text;
}

// Aliases are expanded, so a short text can describe a huge document (the
// "billion laughs"): conversion stops after this many values.
constexpr std::size_t converted_values_max = 1'000'000;

std::variant<nlohmann::json, std::string> convert(const YAML::Node& node, std::size_t depth,
                                                  std::size_t depth_max, std::size_t& budget) {
  if (depth > depth_max)
    return at(node.Mark()) + ": nested deeper than " + std::to_string(depth_max) + " levels";
  if (budget == 0)
    return "more than " + std::to_string(converted_values_max) + " values (aliases expanded)";
  --budget;
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return nlohmann::json(nullptr);
    case YAML::NodeType::Scalar:
      // Quoted scalars stay strings (a plain std::string would be taken as
      // the error alternative: wrap it).
      if (node.Tag() == "!") return nlohmann::json(node.Scalar());
      return plain_scalar(node.Scalar());
    case YAML::NodeType::Sequence: {
      auto array = nlohmann::json::array();
      for (const auto& item : node) {
        auto converted = convert(item, depth + 1, depth_max, budget);
        if (auto* error = std::get_if<std::string>(&converted)) return *error;
        array.push_back(std::get<nlohmann::json>(std::move(converted)));
      }
      return array;
    }
    case YAML::NodeType::Map: {
      auto object = nlohmann::json::object();
      for (const auto& item : node) {
        if (!item.first.IsScalar()) return at(item.first.Mark()) + ": a map key must be a scalar";
        auto converted = convert(item.second, depth + 1, depth_max, budget);
        if (auto* error = std::get_if<std::string>(&converted)) return *error;
        object[item.first.Scalar()] = std::get<nlohmann::json>(std::move(converted));
      }
      return object;
    }
  }
  return nlohmann::json(nullptr);
}

}  // namespace

std::variant<std::vector<YAML::Node>, std::string> load_yaml_documents(const std::string& text,
                                                                       int documents_max) {
  try {
    auto breaks = with_line_feeds(text);
    if (auto refused = check_characters(breaks)) return *refused;
    if (auto stalled = check_documents_end(breaks, documents_max)) return *stalled;
    std::vector<YAML::Node> present;
    for (auto& document : YAML::LoadAll(breaks))
      if (!document.IsNull()) present.push_back(document);
    return present;
  } catch (const YAML::Exception& error) {
    return at(error.mark) + ": " + error.msg;
  }
}

std::variant<nlohmann::json, std::string> yaml_to_json(const YAML::Node& node,
                                                       std::size_t depth_max) {
  try {
    std::size_t budget = converted_values_max;
    return convert(node, 0, depth_max, budget);
  } catch (const YAML::Exception& error) {
    return at(error.mark) + ": " + error.msg;
  }
}

}  // namespace troupe
