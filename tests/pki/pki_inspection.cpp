#include "tests/pki/pki_inspection.hpp"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace troupe::testing {

namespace {

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  return length > 0 ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

std::string address_text(const ASN1_OCTET_STRING* address) {
  char text[INET6_ADDRSTRLEN] = {};
  int family = ASN1_STRING_length(address) == 4 ? AF_INET : AF_INET6;
  if (!inet_ntop(family, ASN1_STRING_get0_data(address), text, sizeof text)) {
    throw std::runtime_error("unprintable IP address in a certificate");
  }
  return text;
}

struct stat status_of(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) throw std::runtime_error("cannot stat " + path);
  return status;
}

}  // namespace

certificate_handle parse_certificate(const std::string& pem) {
  std::unique_ptr<BIO, int (*)(BIO*)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())),
                                          BIO_free);
  X509* parsed = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
  if (!parsed) throw std::runtime_error("not a PEM certificate: " + pem);
  return certificate_handle(parsed, X509_free);
}

int verify_against(const std::string& ca_pem, const std::string& leaf_pem, int purpose,
                   std::chrono::system_clock::time_point when) {
  auto ca = parse_certificate(ca_pem);
  auto leaf = parse_certificate(leaf_pem);
  std::unique_ptr<X509_STORE, void (*)(X509_STORE*)> store(X509_STORE_new(), X509_STORE_free);
  X509_STORE_add_cert(store.get(), ca.get());
  std::unique_ptr<X509_STORE_CTX, void (*)(X509_STORE_CTX*)> context(X509_STORE_CTX_new(),
                                                                     X509_STORE_CTX_free);
  X509_STORE_CTX_init(context.get(), store.get(), leaf.get(), nullptr);
  X509_STORE_CTX_set_purpose(context.get(), purpose);
  X509_STORE_CTX_set_time(context.get(), 0, std::chrono::system_clock::to_time_t(when));
  if (X509_verify_cert(context.get()) == 1) return X509_V_OK;
  return X509_STORE_CTX_get_error(context.get());
}

std::vector<std::string> subject_alternative_names(const std::string& pem) {
  auto certificate = parse_certificate(pem);
  auto* names = static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(certificate.get(), NID_subject_alt_name, nullptr, nullptr));
  std::vector<std::string> result;
  for (int index = 0; names && index < sk_GENERAL_NAME_num(names); ++index) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, index);
    if (name->type == GEN_DNS) {
      auto* dns = name->d.dNSName;
      result.push_back("DNS:" +
                       std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(dns)),
                                   static_cast<std::size_t>(ASN1_STRING_length(dns))));
    } else if (name->type == GEN_IPADD) {
      result.push_back("IP:" + address_text(name->d.iPAddress));
    } else {
      result.push_back("other");
    }
  }
  GENERAL_NAMES_free(names);
  return result;
}

std::vector<std::string> subject_values(const std::string& pem, int nid) {
  auto certificate = parse_certificate(pem);
  X509_NAME* name = X509_get_subject_name(certificate.get());
  std::vector<std::string> values;
  for (int index = X509_NAME_get_index_by_NID(name, nid, -1); index >= 0;
       index = X509_NAME_get_index_by_NID(name, nid, index)) {
    ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    values.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                        static_cast<std::size_t>(ASN1_STRING_length(value)));
  }
  return values;
}

std::string issuer_common_name(const std::string& pem) {
  auto certificate = parse_certificate(pem);
  char text[256] = {};
  X509_NAME_get_text_by_NID(X509_get_issuer_name(certificate.get()), NID_commonName, text,
                            sizeof text);
  return text;
}

std::string serial_hex(const std::string& pem) {
  auto certificate = parse_certificate(pem);
  BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate.get()), nullptr);
  char* hex = BN_bn2hex(number);
  std::string text(hex);
  OPENSSL_free(hex);
  BN_free(number);
  return text;
}

int serial_bits(const std::string& pem) {
  auto certificate = parse_certificate(pem);
  BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate.get()), nullptr);
  int bits = BN_is_negative(number) ? -BN_num_bits(number) : BN_num_bits(number);
  BN_free(number);
  return bits;
}

std::string extension_text(const std::string& pem, int nid) {
  auto certificate = parse_certificate(pem);
  int index = X509_get_ext_by_NID(certificate.get(), nid, -1);
  if (index < 0) return "";
  X509_EXTENSION* extension = X509_get_ext(certificate.get(), index);
  std::unique_ptr<BIO, int (*)(BIO*)> bio(BIO_new(BIO_s_mem()), BIO_free);
  X509V3_EXT_print(bio.get(), extension, 0, 0);
  return (X509_EXTENSION_get_critical(extension) ? "critical: " : "") + bio_text(bio.get());
}

std::chrono::seconds validity_length(const std::string& pem) {
  auto certificate = parse_certificate(pem);
  int days = 0;
  int seconds = 0;
  ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(certificate.get()),
                 X509_get0_notAfter(certificate.get()));
  return std::chrono::days(days) + std::chrono::seconds(seconds);
}

std::chrono::system_clock::time_point not_before(const std::string& pem) {
  auto certificate = parse_certificate(pem);
  struct tm broken_down {};
  ASN1_TIME_to_tm(X509_get0_notBefore(certificate.get()), &broken_down);
  return std::chrono::system_clock::from_time_t(timegm(&broken_down));
}

std::string key_description(const std::string& key_pem) {
  std::unique_ptr<BIO, int (*)(BIO*)> bio(
      BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size())), BIO_free);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (!key) throw std::runtime_error("not a PEM private key: " + key_pem);
  char group[64] = {};
  EVP_PKEY_get_group_name(key, group, sizeof group, nullptr);
  std::string description = std::string(EVP_PKEY_get0_type_name(key)) + " " + group;
  EVP_PKEY_free(key);
  return description;
}

mode_t mode_of(const std::string& path) {
  return status_of(path).st_mode & 07777;
}

ino_t inode_of(const std::string& path) {
  return status_of(path).st_ino;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string base64_decode(const std::string& text) {
  std::string bytes(text.size() / 4 * 3 + 3, '\0');
  int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                               reinterpret_cast<const unsigned char*>(text.data()),
                               static_cast<int>(text.size()));
  if (length < 0) throw std::runtime_error("not base64: " + text);
  // EVP_DecodeBlock counts the bytes padding stands for; they are not data.
  std::size_t padding = 0;
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) ++padding;
  bytes.resize(static_cast<std::size_t>(length) - padding);
  return bytes;
}

}  // namespace troupe::testing
