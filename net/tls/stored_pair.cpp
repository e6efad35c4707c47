#include "net/tls/stored_pair.hpp"

#include <openssl/err.h>

#include <filesystem>
#include <optional>

#include "net/tls/atomic_files.hpp"
#include "net/tls/pem_text.hpp"

namespace troupe::net::tls {

namespace {

// Reads `path` and parses it with `parse`; an absent file leaves `object` null.
template <class Object, class Parse>
std::optional<std::string> read_pem_file(const std::string& path, Parse parse, Object& object) {
  auto text = read_small_file(path, pem_text_bytes_max);
  if (auto* error = std::get_if<std::string>(&text)) return *error;
  auto& contents = std::get<std::optional<std::string>>(text);
  if (!contents) return std::nullopt;
  auto parsed = parse(*contents);
  if (auto* error = std::get_if<std::string>(&parsed)) return path + ": " + *error;
  object = std::move(std::get<Object>(parsed));
  return std::nullopt;
}

}  // namespace

std::variant<stored_pair, std::string> read_stored_pair(const std::string& directory,
                                                        std::string_view stem) {
  stored_pair pair;
  auto base = std::filesystem::path(directory) / stem;
  pair.certificate_path = base.string() + ".crt";
  pair.key_path = base.string() + ".key";
  if (auto error =
          read_pem_file(pair.certificate_path, certificate_from_pem, pair.certificate_object)) {
    return *error;
  }
  if (auto error = read_pem_file(pair.key_path, private_key_from_pem, pair.key_object)) {
    return *error;
  }
  if (pair.certificate_object && !pair.key_object) {
    return pair.key_path + ": missing, but " + pair.certificate_path + " exists";
  }
  if (pair.certificate_object &&
      X509_check_private_key(pair.certificate_object.get(), pair.key_object.get()) != 1) {
    ERR_clear_error();
    return pair.key_path + ": does not match the certificate in " + pair.certificate_path;
  }
  return pair;
}

}  // namespace troupe::net::tls
