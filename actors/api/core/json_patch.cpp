#include "actors/api/core/json_patch.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "actors/api/core/json_limits.hpp"

namespace troupe::api {
namespace {

using nlohmann::json;
using pointer = std::vector<std::string>;

// A failed step: the message without the "operation i" prefix.
struct step_error {
  patch_error_kind kind;
  std::string message;
};
using step_result = std::optional<step_error>;

step_error malformed(std::string message) {
  return {patch_error_kind::bad_request, std::move(message)};
}
step_error unprocessable(std::string message) {
  return {patch_error_kind::unprocessable, std::move(message)};
}

std::variant<pointer, step_error> parse_pointer(const std::string& text) {
  pointer tokens;
  if (text.empty()) return tokens;
  if (text.front() != '/') return malformed("JSON pointer \"" + text + "\" must start with '/'");
  std::string token;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
    } else if (text[i] == '~') {
      char next = i + 1 < text.size() ? text[i + 1] : '\0';
      if (next != '0' && next != '1') {
        return malformed("JSON pointer \"" + text + "\" has '~' not followed by '0' or '1'");
      }
      token.push_back(next == '0' ? '~' : '/');
      ++i;
    } else {
      token.push_back(text[i]);
    }
  }
  return tokens;
}

// The index an array token names, or nothing when it is not a canonical
// decimal number (RFC 6901 section 4: no leading zeros, no sign).
std::optional<std::size_t> array_index(const std::string& token) {
  if (token.empty() || token.size() > 18) return std::nullopt;
  if (token.size() > 1 && token.front() == '0') return std::nullopt;
  std::size_t index = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index;
}

// The value at tokens[0, count), or an error naming the first missing token.
std::variant<json*, step_error> locate(json& root, const pointer& tokens, std::size_t count) {
  json* current = &root;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& token = tokens[i];
    if (current->is_object()) {
      auto found = current->find(token);
      if (found == current->end()) return unprocessable("member \"" + token + "\" does not exist");
      current = &*found;
    } else if (current->is_array()) {
      auto index = array_index(token);
      if (!index || *index >= current->size()) {
        return unprocessable("array index \"" + token + "\" is out of range");
      }
      current = &(*current)[*index];
    } else {
      return unprocessable("\"" + token + "\" is below a value that is neither object nor array");
    }
  }
  return current;
}

step_result check_placement_depth(const pointer& path, const json& value) {
  if (path.size() + json_depth(value) <= json_depth_max) return std::nullopt;
  return step_error{patch_error_kind::too_large, "the result would nest deeper than " +
                                                     std::to_string(json_depth_max) + " levels"};
}

step_result add(json& root, const pointer& path, json value) {
  if (auto error = check_placement_depth(path, value)) return error;
  if (path.empty()) {
    root = std::move(value);
    return std::nullopt;
  }
  auto parent = locate(root, path, path.size() - 1);
  if (auto* error = std::get_if<step_error>(&parent)) return *error;
  json& target = *std::get<json*>(parent);
  const std::string& last = path.back();
  if (target.is_object()) {
    target[last] = std::move(value);
  } else if (target.is_array()) {
    if (last == "-") {
      target.push_back(std::move(value));
      return std::nullopt;
    }
    auto index = array_index(last);
    if (!index || *index > target.size()) {
      return unprocessable("array index \"" + last + "\" is out of range");
    }
    target.insert(target.begin() + static_cast<std::ptrdiff_t>(*index), std::move(value));
  } else {
    return unprocessable("the parent of \"" + last + "\" is neither object nor array");
  }
  return std::nullopt;
}

step_result remove(json& root, const pointer& path, json* removed = nullptr) {
  if (path.empty()) return unprocessable("the whole document cannot be removed");
  auto parent = locate(root, path, path.size() - 1);
  if (auto* error = std::get_if<step_error>(&parent)) return *error;
  json& target = *std::get<json*>(parent);
  const std::string& last = path.back();
  if (target.is_object()) {
    auto found = target.find(last);
    if (found == target.end()) return unprocessable("member \"" + last + "\" does not exist");
    if (removed) *removed = std::move(*found);
    target.erase(found);
  } else if (target.is_array()) {
    auto index = array_index(last);
    if (!index || *index >= target.size()) {
      return unprocessable("array index \"" + last + "\" is out of range");
    }
    if (removed) *removed = std::move(target[*index]);
    target.erase(*index);
  } else {
    return unprocessable("the parent of \"" + last + "\" is neither object nor array");
  }
  return std::nullopt;
}

bool is_proper_prefix(const pointer& prefix, const pointer& path) {
  if (prefix.size() >= path.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (prefix[i] != path[i]) return false;
  }
  return true;
}

class json_patcher {
 public:
  explicit json_patcher(json document) : document_(std::move(document)) {}

  step_result apply(const json& operation) {
    if (!operation.is_object()) return malformed("an operation must be an object");
    auto op = member_string(operation, "op");
    if (auto* error = std::get_if<step_error>(&op)) return *error;
    auto path = pointer_member(operation, "path");
    if (auto* error = std::get_if<step_error>(&path)) return *error;
    const std::string& name = std::get<std::string>(op);
    const pointer& target = std::get<pointer>(path);
    if (name == "add" || name == "replace" || name == "test") {
      auto value = operation.find("value");
      if (value == operation.end()) return malformed("\"" + name + "\" needs a \"value\"");
      if (name == "add") return add(document_, target, *value);
      if (name == "replace") return replace(target, *value);
      return test(target, *value);
    }
    if (name == "remove") return remove(document_, target);
    if (name == "move" || name == "copy") {
      auto from = pointer_member(operation, "from");
      if (auto* error = std::get_if<step_error>(&from)) return *error;
      if (name == "move") return move(std::get<pointer>(from), target);
      return copy(std::get<pointer>(from), target);
    }
    return malformed("unknown operation \"" + name + "\"");
  }

  json take_document() { return std::move(document_); }

 private:
  static std::variant<std::string, step_error> member_string(const json& operation,
                                                             const char* name) {
    auto found = operation.find(name);
    if (found == operation.end() || !found->is_string()) {
      return malformed(std::string("member \"") + name + "\" must be a string");
    }
    return found->get<std::string>();
  }

  static std::variant<pointer, step_error> pointer_member(const json& operation, const char* name) {
    auto text = member_string(operation, name);
    if (auto* error = std::get_if<step_error>(&text)) return *error;
    return parse_pointer(std::get<std::string>(text));
  }

  step_result replace(const pointer& path, const json& value) {
    if (auto error = check_placement_depth(path, value)) return error;
    auto target = locate(document_, path, path.size());
    if (auto* error = std::get_if<step_error>(&target)) return *error;
    *std::get<json*>(target) = value;
    return std::nullopt;
  }

  step_result test(const pointer& path, const json& value) {
    auto target = locate(document_, path, path.size());
    if (auto* error = std::get_if<step_error>(&target)) return *error;
    if (*std::get<json*>(target) == value) return std::nullopt;
    return unprocessable("test failed: the value differs");
  }

  step_result move(const pointer& from, const pointer& path) {
    if (from == path) {
      auto source = locate(document_, from, from.size());
      if (auto* error = std::get_if<step_error>(&source)) return *error;
      return std::nullopt;
    }
    if (is_proper_prefix(from, path))
      return unprocessable("cannot move a value into its own child");
    json value;
    if (auto error = remove(document_, from, &value)) return error;
    return add(document_, path, std::move(value));
  }

  step_result copy(const pointer& from, const pointer& path) {
    auto source = locate(document_, from, from.size());
    if (auto* error = std::get_if<step_error>(&source)) return *error;
    const json& value = *std::get<json*>(source);
    std::size_t room = json_patch_copied_values_max - copied_values_;
    std::size_t count = json_value_count(value, room);
    if (count > room) {
      return step_error{
          patch_error_kind::too_large,
          "copies exceed " + std::to_string(json_patch_copied_values_max) + " values in total"};
    }
    copied_values_ += count;
    return add(document_, path, value);
  }

  json document_;
  std::size_t copied_values_ = 0;
};

}  // namespace

patch_result<json> apply_json_patch(const json& document, const json& patch) {
  if (!patch.is_array()) {
    return patch_error{patch_error_kind::bad_request,
                       "a JSON patch must be an array of operations"};
  }
  if (patch.size() > json_patch_operations_max) {
    return patch_error{patch_error_kind::too_large, "a JSON patch may hold at most " +
                                                        std::to_string(json_patch_operations_max) +
                                                        " operations"};
  }
  if (auto error = check_depth(document, "the document")) return *error;
  if (auto error = check_depth(patch, "the patch")) return *error;
  try {
    json_patcher patcher(document);
    for (std::size_t i = 0; i < patch.size(); ++i) {
      if (auto error = patcher.apply(patch[i])) {
        const json& operation = patch[i];
        std::string label = "operation " + std::to_string(i);
        if (operation.is_object() && operation.value("op", json()).is_string() &&
            operation.value("path", json()).is_string()) {
          label += " (" + operation.at("op").get<std::string>() + " " +
                   operation.at("path").get<std::string>() + ")";
        }
        return patch_error{error->kind, label + ": " + error->message};
      }
    }
    return patcher.take_document();
  } catch (const std::exception& error) {
    return patch_error{patch_error_kind::unprocessable, error.what()};
  }
}

}  // namespace troupe::api
