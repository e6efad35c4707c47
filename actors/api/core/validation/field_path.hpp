// A field path printed as kube's field.Path prints it: children joined by
// '.', list indexes and map keys in brackets, keys unquoted
// ("spec.containers[0].resources.limits[cpu]"). A path built from an empty
// root prints no leading dot. Plain value type; cheap enough to copy.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace troupe::api::validation {

class field_path {
 public:
  explicit field_path(std::string_view root) : text_(root.empty() ? "[]" : std::string(root)) {}

  field_path child(std::string_view name) const {
    return field_path(text_ + "." + std::string(name));
  }
  field_path index(std::size_t position) const {
    return field_path(text_ + "[" + std::to_string(position) + "]");
  }
  field_path key(std::string_view name) const {
    return field_path(text_ + "[" + std::string(name) + "]");
  }
  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

}  // namespace troupe::api::validation
