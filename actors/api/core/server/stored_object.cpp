#include "actors/api/core/server/stored_object.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string_view>

#include "messages/schema/stored_object.capnp.h"
#include "storage/core/capnp_decode.hpp"
#include "storage/core/capnp_encode.hpp"

namespace troupe::api {

namespace {

// Appends JSON text to one string, as json::dump() writes it, so that the
// members of an object are written in place rather than dumped to
// temporaries and copied. nlohmann's own serializer (which dump() wraps)
// writes numbers, literals and every string that needs escaping or UTF-8
// checks; a string of printable ASCII without quotes or backslashes (most of
// what an object holds) is copied as it is.
class json_appender {
 public:
  explicit json_appender(std::string& text)
      : text_(text),
        serializer_(nlohmann::detail::output_adapter<char, std::string>(text), ' ',
                    nlohmann::json::error_handler_t::strict) {}

  void value(const nlohmann::json& value) {
    switch (value.type()) {
      case nlohmann::json::value_t::object:
        text_.push_back('{');
        members(value);
        text_.push_back('}');
        return;
      case nlohmann::json::value_t::array: {
        text_.push_back('[');
        bool first = true;
        for (const auto& element : value) {
          if (!first) text_.push_back(',');
          first = false;
          this->value(element);
        }
        text_.push_back(']');
        return;
      }
      case nlohmann::json::value_t::string:
        string(value.get_ref<const std::string&>(), &value);
        return;
      default:
        serializer_.dump(value, false, false, 0);
    }
  }
  void key(const std::string& key) {
    string(key, nullptr);
    text_.push_back(':');
  }
  // The members of `object` but `skipped`, comma-separated, without braces.
  void members(const nlohmann::json& object,
               std::optional<std::string_view> skipped = std::nullopt) {
    bool first = true;
    for (const auto& [name, member] : object.get_ref<const nlohmann::json::object_t&>()) {
      if (name == skipped) continue;
      if (!first) text_.push_back(',');
      first = false;
      key(name);
      value(member);
    }
  }

 private:
  static bool is_plain(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  }
  // `text`, quoted; `node` is the JSON string holding it, if there is one.
  void string(const std::string& text, const nlohmann::json* node) {
    if (is_plain(text)) {
      text_.push_back('"');
      text_.append(text);
      text_.push_back('"');
    } else if (node) {
      serializer_.dump(*node, false, false, 0);
    } else {
      serializer_.dump(nlohmann::json(text), false, false, 0);
    }
  }

  std::string& text_;
  nlohmann::detail::serializer<nlohmann::json> serializer_;
};

}  // namespace

stored_object make_stored_object(const nlohmann::json& object) {
  stored_object result;
  auto& text = result.json;
  json_appender out(text);
  text.push_back('{');
  bool first = true;
  for (const auto& [key, value] : object.items()) {
    if (!first) text.push_back(',');
    first = false;
    out.key(key);
    if (key != "metadata" || !value.is_object()) {
      out.value(value);
      continue;
    }
    text.push_back('{');
    result.resource_version_offset = static_cast<std::uint32_t>(text.size());
    out.members(value, "resourceVersion");
    text.push_back('}');
  }
  text.push_back('}');
  return result;
}

std::string encode_stored_object(const stored_object& object) {
  capnp::MallocMessageBuilder message;
  auto root = message.initRoot<schema::StoredObject>();
  root.setJson(kj::StringPtr(object.json.c_str(), object.json.size()));
  root.setResourceVersionOffset(object.resource_version_offset);
  return storage::encode_flat<std::string>(message);
}

std::variant<stored_object, std::string> decode_stored_object(std::string_view bytes) {
  auto span = std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                            bytes.size());
  auto decoded = storage::decode_flat<schema::StoredObject, stored_object>(
      span, stored_object_bytes_max + 4096, "stored object",
      [](schema::StoredObject::Reader root) -> std::variant<stored_object, storage::decode_error> {
        auto json = root.getJson();
        stored_object object{std::string(json.cStr(), json.size()),
                             root.getResourceVersionOffset()};
        auto offset = object.resource_version_offset;
        if (offset == 0 || offset >= object.json.size() || object.json[offset - 1] != '{')
          return storage::decode_error{"stored object: resource version offset " +
                                       std::to_string(offset) + " is not inside its metadata"};
        return object;
      });
  if (auto* error = std::get_if<storage::decode_error>(&decoded)) return error->message;
  return std::get<stored_object>(std::move(decoded));
}

std::string with_resource_version(const stored_object& object, std::int64_t resource_version) {
  const auto offset = object.resource_version_offset;
  const bool empty_metadata = object.json[offset] == '}';
  std::string member = "\"resourceVersion\":\"" + std::to_string(resource_version) + "\"";
  if (!empty_metadata) member.push_back(',');
  std::string text;
  text.reserve(object.json.size() + member.size());
  text.append(object.json, 0, offset);
  text += member;
  text.append(object.json, offset, std::string::npos);
  return text;
}

}  // namespace troupe::api
