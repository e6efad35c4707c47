#include "net/tls/pem_text.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>

#include "net/tls/openssl_errors.hpp"

namespace troupe::net::tls {

namespace {

std::variant<memory_bio, std::string> reader_of(std::string_view text) {
  if (text.size() > pem_text_bytes_max) {
    return "larger than " + std::to_string(pem_text_bytes_max) + " bytes";
  }
  memory_bio bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  if (!bio) return openssl_error_text();
  return bio;
}

// A passphrase callback that supplies none, so an encrypted key fails
// instead of OpenSSL prompting on the terminal.
int no_passphrase(char*, int, int, void*) {
  return -1;
}

template <class Write>
std::optional<std::string> write_pem(Write write, std::string& pem) {
  ERR_clear_error();
  memory_bio bio(BIO_new(BIO_s_mem()));
  if (!bio || write(bio.get()) != 1) return openssl_error_text();
  char* data = nullptr;
  long length = BIO_get_mem_data(bio.get(), &data);
  if (length <= 0 || !data) return openssl_error_text();
  pem.assign(data, static_cast<std::size_t>(length));
  return std::nullopt;
}

}  // namespace

std::variant<certificate, std::string> certificate_from_pem(std::string_view text) {
  ERR_clear_error();
  auto bio = reader_of(text);
  if (auto* error = std::get_if<std::string>(&bio)) return "not a PEM certificate: " + *error;
  certificate parsed(
      PEM_read_bio_X509(std::get<memory_bio>(bio).get(), nullptr, no_passphrase, nullptr));
  if (!parsed) return "not a PEM certificate: " + openssl_error_text();
  return parsed;
}

std::variant<private_key, std::string> private_key_from_pem(std::string_view text) {
  ERR_clear_error();
  auto bio = reader_of(text);
  if (auto* error = std::get_if<std::string>(&bio)) return "not a PEM private key: " + *error;
  private_key parsed(
      PEM_read_bio_PrivateKey(std::get<memory_bio>(bio).get(), nullptr, no_passphrase, nullptr));
  if (!parsed) return "not a PEM private key: " + openssl_error_text();
  return parsed;
}

std::optional<std::string> certificate_to_pem(X509& certificate, std::string& pem) {
  return write_pem([&](BIO* bio) { return PEM_write_bio_X509(bio, &certificate); }, pem);
}

std::optional<std::string> private_key_to_pem(EVP_PKEY& key, std::string& pem) {
  return write_pem(
      [&](BIO* bio) {
        return PEM_write_bio_PrivateKey(bio, &key, nullptr, nullptr, 0, nullptr, nullptr);
      },
      pem);
}

}  // namespace troupe::net::tls
