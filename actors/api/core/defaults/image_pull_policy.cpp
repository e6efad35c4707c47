#include "actors/api/core/defaults/image_pull_policy.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>

namespace troupe::api::defaults {

namespace {

// distribution/reference's NameTotalLengthMax: the longest repository name,
// registry included.
constexpr std::size_t name_bytes_max = 255;
// The tag grammar allows a first character and up to 127 more.
constexpr std::size_t tag_bytes_max = 128;

constexpr std::string_view default_domain = "docker.io";
constexpr std::string_view legacy_default_domain = "index.docker.io";
constexpr std::string_view official_repository_prefix = "library/";

bool is_lower_alphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool is_alphanumeric(char c) {
  return is_lower_alphanumeric(c) || (c >= 'A' && c <= 'Z');
}
bool is_word(char c) {
  return is_alphanumeric(c) || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_lower_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f');
}
bool has_upper(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A path component: lower-case alphanumeric runs joined by ".", "_", "__"
// or any number of "-".
bool is_path_component(std::string_view text) {
  std::size_t i = 0;
  while (true) {
    std::size_t run = i;
    while (i < text.size() && is_lower_alphanumeric(text[i])) ++i;
    if (i == run) return false;
    if (i == text.size()) return true;
    std::size_t separator = i;
    while (i < text.size() && !is_lower_alphanumeric(text[i])) ++i;
    std::string_view between = text.substr(separator, i - separator);
    bool dashes = between.find_first_not_of('-') == std::string_view::npos;
    if (between != "." && between != "_" && between != "__" && !dashes) return false;
  }
}

// A DNS label as the registry grammar has it: alphanumeric at both ends,
// hyphens inside; upper case allowed.
bool is_domain_component(std::string_view text) {
  if (text.empty() || !is_alphanumeric(text.front()) || !is_alphanumeric(text.back())) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return is_alphanumeric(c) || c == '-'; });
}

bool is_domain_name(std::string_view text) {
  while (true) {
    std::size_t dot = text.find('.');
    if (!is_domain_component(text.substr(0, dot))) return false;
    if (dot == std::string_view::npos) return true;
    text.remove_prefix(dot + 1);
  }
}

// host [":" port], where host is a domain name or a bracketed IPv6 address.
bool is_domain_and_port(std::string_view text) {
  std::size_t host_end = 0;
  if (!text.empty() && text.front() == '[') {
    host_end = text.find(']');
    if (host_end == std::string_view::npos || host_end == 1) return false;
    std::string_view address = text.substr(1, host_end - 1);
    if (!std::all_of(address.begin(), address.end(), [](char c) { return is_hex(c) || c == ':'; }))
      return false;
    ++host_end;
  } else {
    host_end = std::min(text.find(':'), text.size());
    if (!is_domain_name(text.substr(0, host_end))) return false;
  }
  if (host_end == text.size()) return true;
  std::string_view port = text.substr(host_end);
  return port.size() > 1 && port.front() == ':' &&
         std::all_of(port.begin() + 1, port.end(), is_digit);
}

// [domain-and-port "/"] path-component ("/" path-component)*
bool is_name(std::string_view name) {
  if (name.size() > name_bytes_max) return false;
  std::size_t slash = name.find('/');
  bool first_is_path = is_path_component(name.substr(0, slash));
  if (!first_is_path &&
      (slash == std::string_view::npos || !is_domain_and_port(name.substr(0, slash))))
    return false;
  while (slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
    slash = name.find('/');
    if (!is_path_component(name.substr(0, slash))) return false;
  }
  return true;
}

bool is_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > tag_bytes_max || !is_word(tag.front())) return false;
  return std::all_of(tag.begin(), tag.end(),
                     [](char c) { return is_word(c) || c == '.' || c == '-'; });
}

// Only digests of an algorithm kube links are valid (go-digest's
// Validate): sha256, sha384 or sha512 with that many lower-case hex digits.
bool is_digest(std::string_view digest) {
  std::size_t colon = digest.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view algorithm = digest.substr(0, colon);
  std::string_view encoded = digest.substr(colon + 1);
  std::size_t hex_digits = algorithm == "sha256"   ? 64
                           : algorithm == "sha384" ? 96
                           : algorithm == "sha512" ? 128
                                                   : 0;
  return hex_digits != 0 && encoded.size() == hex_digits &&
         std::all_of(encoded.begin(), encoded.end(), is_lower_hex);
}

// ParseNormalizedNamed's split: which part names the registry, with the
// docker.io repository "library/" prefix added to one-element names.
std::string normalized_reference(std::string_view image) {
  std::size_t slash = image.find('/');
  std::string_view domain = default_domain;
  std::string_view remainder = image;
  if (slash != std::string_view::npos) {
    std::string_view first = image.substr(0, slash);
    if (first == legacy_default_domain) {
      remainder = image.substr(slash + 1);
    } else if (first == "localhost" || first.find_first_of(".:") != std::string_view::npos ||
               has_upper(first)) {
      domain = first;
      remainder = image.substr(slash + 1);
    }
  }
  std::string reference(domain);
  reference += '/';
  if (domain == default_domain && remainder.find('/') == std::string_view::npos)
    reference += official_repository_prefix;
  reference += remainder;
  return reference;
}

// The tag ParseImageName reports: "latest" when neither tag nor digest is
// given, "" with a digest alone, nothing when the reference is invalid. The
// tag is a view into `reference`, the normalized form of `image`.
std::optional<std::string_view> image_tag(std::string_view image, const std::string& reference) {
  bool identifier = image.size() == 64 && std::all_of(image.begin(), image.end(), is_lower_hex);
  std::size_t slash = reference.find('/');
  std::string_view remainder = std::string_view(reference).substr(slash + 1);
  if (identifier || has_upper(remainder.substr(0, remainder.find(':')))) return std::nullopt;

  std::string_view named = reference;
  std::string_view digest;
  if (std::size_t at = named.find('@'); at != std::string_view::npos) {
    digest = named.substr(at + 1);
    named = named.substr(0, at);
    if (!is_digest(digest)) return std::nullopt;
  }
  std::string_view tag;
  std::size_t colon = named.rfind(':');
  if (colon != std::string_view::npos && colon > named.rfind('/')) {
    tag = named.substr(colon + 1);
    named = named.substr(0, colon);
    if (!is_tag(tag)) return std::nullopt;
  }
  if (!is_name(named)) return std::nullopt;
  if (tag.empty() && digest.empty()) return std::string_view("latest");
  return tag;
}

}  // namespace

std::string_view default_image_pull_policy(std::string_view image) {
  const std::string reference = normalized_reference(image);
  auto tag = image_tag(image, reference);
  return tag && *tag == "latest" ? "Always" : "IfNotPresent";
}

}  // namespace troupe::api::defaults
