#include "actors/api/core/validation/config_validation.hpp"

#include <map>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/semantic_equal.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

// core.MaxSecretSize, the limit of ConfigMaps too.
constexpr std::size_t data_bytes_max = 1024 * 1024;

// Standard base64 (binaryData and Secret data); other bytes are skipped.
std::string base64_decode(const std::string& text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int digit = value(c);
    if (digit < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(digit);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

// Go's json.Unmarshal into map[string]interface{}: the error it reports,
// in its wording for the common cases.
std::optional<std::string> json_object_error(const std::string& document) {
  auto first = document.find_first_not_of(" \t\n\r");
  if (first == std::string::npos) return "unexpected end of JSON input";
  if (!nlohmann::json::accept(document)) {
    const std::string starts = "{[\"-0123456789tfn";
    if (starts.find(document[first]) == std::string::npos)
      return std::string("invalid character '") + document[first] +
             "' looking for beginning of value";
    return "unexpected end of JSON input";
  }
  auto parsed = nlohmann::json::parse(document, nullptr, false);
  if (parsed.is_object()) return std::nullopt;
  const char* kind = parsed.is_array()     ? "array"
                     : parsed.is_string()  ? "string"
                     : parsed.is_boolean() ? "bool"
                     : parsed.is_null()    ? nullptr
                                           : "number";
  if (kind == nullptr) return std::nullopt;
  return std::string("json: cannot unmarshal ") + kind +
         " into Go value of type map[string]interface {}";
}

error_list keys(const json& data, const field_path& path) {
  error_list errors;
  for (auto it = data.begin(); it != data.end(); ++it)
    append_invalid(errors, path.key(it.key()), go_quote(it.key()),
                   config_map_key_messages(it.key()));
  return errors;
}

// Secret data as kube sees it: data (base64) with stringData merged in.
std::map<std::string, std::string> secret_data(const json& secret) {
  std::map<std::string, std::string> data;
  const json& encoded = dictionary(secret, "data");
  for (auto it = encoded.begin(); it != encoded.end(); ++it)
    data[it.key()] = base64_decode(it.value().is_string() ? it.value().get<std::string>() : "");
  const json& plain = dictionary(secret, "stringData");
  for (auto it = plain.begin(); it != plain.end(); ++it)
    data[it.key()] = it.value().is_string() ? it.value().get<std::string>() : "";
  return data;
}

void docker_config(const std::map<std::string, std::string>& data, const char* key,
                   error_list& errors) {
  auto path = field_path("data").key(key);
  auto found = data.find(key);
  if (found == data.end()) {
    errors.push_back(required(path));
    return;
  }
  if (auto error = json_object_error(found->second))
    errors.push_back(invalid(path, "\"<secret contents redacted>\"", *error));
}

error_list secret_type_rules(const json& secret, const std::map<std::string, std::string>& data) {
  error_list errors;
  auto type = text(secret, "type");
  auto data_path = field_path("data");
  if (type == "kubernetes.io/service-account-token") {
    const char* key = "kubernetes.io/service-account.name";
    if (text(dictionary(dictionary(secret, "metadata"), "annotations"), key).empty())
      errors.push_back(required(field_path("metadata").child("annotations").key(key)));
  } else if (type == "kubernetes.io/dockercfg") {
    docker_config(data, ".dockercfg", errors);
  } else if (type == "kubernetes.io/dockerconfigjson") {
    docker_config(data, ".dockerconfigjson", errors);
  } else if (type == "kubernetes.io/basic-auth") {
    if (data.count("username") == 0 && data.count("password") == 0) {
      errors.push_back(required(data_path.key("username")));
      errors.push_back(required(data_path.key("password")));
    }
  } else if (type == "kubernetes.io/ssh-auth") {
    auto found = data.find("ssh-privatekey");
    if (found == data.end() || found->second.empty())
      errors.push_back(required(data_path.key("ssh-privatekey")));
  } else if (type == "kubernetes.io/tls") {
    if (data.count("tls.crt") == 0) errors.push_back(required(data_path.key("tls.crt")));
    if (data.count("tls.key") == 0) errors.push_back(required(data_path.key("tls.key")));
  }
  return errors;
}

void immutable_data(const json& object, const json& old, std::initializer_list<const char*> fields,
                    error_list& errors) {
  if (!flag(old, "immutable")) return;
  if (!flag(object, "immutable"))
    errors.push_back(
        forbidden(field_path("immutable"), "field is immutable when `immutable` is set"));
  for (const char* key : fields)
    if (!semantically_equal(dictionary(object, key), dictionary(old, key)))
      errors.push_back(forbidden(field_path(key), "field is immutable when `immutable` is set"));
}

}  // namespace

error_list validate_config_map(const json& object) {
  error_list errors = validate_object_meta(object, {});
  const json& data = dictionary(object, "data");
  const json& binary = dictionary(object, "binaryData");
  std::size_t total = 0;
  for (auto it = data.begin(); it != data.end(); ++it) {
    auto at = field_path("data").key(it.key());
    append_invalid(errors, at, go_quote(it.key()), config_map_key_messages(it.key()));
    if (binary.contains(it.key()))
      errors.push_back(invalid(at, go_quote(it.key()), "duplicate of key present in binaryData"));
    total += it.value().is_string() ? it.value().get_ref<const std::string&>().size() : 0;
  }
  append(errors, keys(binary, field_path("binaryData")));
  for (auto it = binary.begin(); it != binary.end(); ++it)
    total += base64_decode(it.value().is_string() ? it.value().get<std::string>() : "").size();
  if (total > data_bytes_max) errors.push_back(too_long(field_path(""), data_bytes_max));
  return errors;
}

error_list validate_config_map_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  immutable_data(object, old, {"data", "binaryData"}, errors);
  append(errors, validate_config_map(object));
  return errors;
}

error_list validate_secret(const json& object) {
  error_list errors = validate_object_meta(object, {});
  auto data = secret_data(object);
  std::size_t total = 0;
  for (const auto& [key, value] : data) {
    append_invalid(errors, field_path("data").key(key), go_quote(key),
                   config_map_key_messages(key));
    total += value.size();
  }
  if (total > data_bytes_max) errors.push_back(too_long(field_path("data"), data_bytes_max));
  append(errors, secret_type_rules(object, data));
  return errors;
}

error_list validate_secret_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  auto type = text(object, "type");
  if (type != text(old, "type"))
    errors.push_back(invalid(field_path("type"), go_quote(type), "field is immutable"));
  immutable_data(object, old, {"data"}, errors);
  append(errors, validate_secret(object));
  return errors;
}

}  // namespace troupe::api::validation
