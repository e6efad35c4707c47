#include "net/tls/serving_names.hpp"

#include <arpa/inet.h>
#include <openssl/err.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "messages/core/object_names.hpp"
#include "net/tls/openssl_errors.hpp"

namespace troupe::net::tls {

namespace {

// What a client on the server's own host may dial: both loopback addresses
// and localhost, whatever else the server is named.
const std::array<const char*, 3> default_server_names{"localhost", "127.0.0.1", "::1"};

std::optional<serving_name> address_of(const std::string& text) {
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) {
    return serving_name{serving_name::kind::ip, std::string(bytes.begin(), bytes.begin() + 4)};
  }
  if (inet_pton(AF_INET6, text.c_str(), bytes.data()) == 1) {
    return serving_name{serving_name::kind::ip, std::string(bytes.begin(), bytes.end())};
  }
  return std::nullopt;
}

std::variant<serving_name, std::string> parse_serving_name(const std::string& text) {
  if (auto address = address_of(text)) return *address;
  std::string lowercase = text;
  std::transform(lowercase.begin(), lowercase.end(), lowercase.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto errors = dns1123_subdomain_errors(lowercase);
  if (!errors.empty()) {
    return "server name \"" + text +
           "\" is neither an IP address nor a DNS name: " + errors.front();
  }
  return serving_name{serving_name::kind::dns, lowercase};
}

std::variant<general_name, std::string> general_name_of(const serving_name& name) {
  general_name entry(GENERAL_NAME_new());
  ASN1_STRING* value =
      name.type == serving_name::kind::dns ? ASN1_IA5STRING_new() : ASN1_OCTET_STRING_new();
  if (!entry || !value ||
      ASN1_STRING_set(value, name.value.data(), static_cast<int>(name.value.size())) != 1) {
    ASN1_STRING_free(value);
    return openssl_error_text();
  }
  GENERAL_NAME_set0_value(entry.get(), name.type == serving_name::kind::dns ? GEN_DNS : GEN_IPADD,
                          value);
  return entry;
}

}  // namespace

std::variant<std::vector<serving_name>, std::string> serving_names(
    const std::vector<std::string>& server_names) {
  std::vector<std::string> all(default_server_names.begin(), default_server_names.end());
  all.insert(all.end(), server_names.begin(), server_names.end());
  std::vector<serving_name> names;
  for (const auto& text : all) {
    auto parsed = parse_serving_name(text);
    if (auto* error = std::get_if<std::string>(&parsed)) return *error;
    auto& name = std::get<serving_name>(parsed);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

bool certificate_covers(X509& certificate, const std::vector<serving_name>& names) {
  constexpr unsigned int exact = X509_CHECK_FLAG_NO_WILDCARDS | X509_CHECK_FLAG_NEVER_CHECK_SUBJECT;
  return std::all_of(names.begin(), names.end(), [&](const serving_name& name) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(name.value.data());
    return name.type == serving_name::kind::dns
               ? X509_check_host(&certificate, name.value.data(), name.value.size(), exact,
                                 nullptr) == 1
               : X509_check_ip(&certificate, bytes, name.value.size(), 0) == 1;
  });
}

std::optional<std::string> add_serving_names(X509& certificate,
                                             const std::vector<serving_name>& names) {
  ERR_clear_error();
  general_names entries(sk_GENERAL_NAME_new_null());
  if (!entries) return openssl_error_text();
  for (const auto& name : names) {
    auto entry = general_name_of(name);
    if (auto* error = std::get_if<std::string>(&entry)) return *error;
    if (sk_GENERAL_NAME_push(entries.get(), std::get<general_name>(entry).get()) <= 0) {
      return openssl_error_text();
    }
    std::get<general_name>(entry).release();  // the stack owns it now
  }
  if (X509_add1_ext_i2d(&certificate, NID_subject_alt_name, entries.get(), 0, X509V3_ADD_DEFAULT) !=
      1) {
    return openssl_error_text();
  }
  return std::nullopt;
}

}  // namespace troupe::net::tls
