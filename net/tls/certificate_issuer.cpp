#include "net/tls/certificate_issuer.hpp"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/rand.h>

#include <array>
#include <optional>
#include <utility>

#include "net/tls/openssl_errors.hpp"

namespace troupe::net::tls {

namespace {

// 128 random bits, as kube's certificate helpers use: unique without a
// counter, and within RFC 5280's 20-octet limit once DER adds a sign byte.
constexpr int serial_bytes = 16;

std::optional<std::string> set_random_serial(X509& certificate) {
  std::array<unsigned char, serial_bytes> bytes{};
  if (RAND_bytes(bytes.data(), serial_bytes) != 1) return openssl_error_text();
  big_number number(BN_bin2bn(bytes.data(), serial_bytes, nullptr));
  // RFC 5280 wants a positive serial; an all-zero draw becomes 1.
  if (number && BN_is_zero(number.get())) BN_one(number.get());
  asn1_integer serial(number ? BN_to_ASN1_INTEGER(number.get(), nullptr) : nullptr);
  if (!serial || X509_set_serialNumber(&certificate, serial.get()) != 1) {
    return openssl_error_text();
  }
  return std::nullopt;
}

bool add_name_entry(X509_NAME& name, const char* field, const std::string& value) {
  return X509_NAME_add_entry_by_txt(&name, field, MBSTRING_UTF8,
                                    reinterpret_cast<const unsigned char*>(value.data()),
                                    static_cast<int>(value.size()), -1, 0) == 1;
}

std::optional<std::string> set_subject(X509& certificate, const certificate_request& request) {
  X509_NAME* name = X509_get_subject_name(&certificate);
  // Go orders a subject's attributes O before CN; we follow it.
  for (const auto& organization : request.organizations) {
    if (!add_name_entry(*name, "O", organization)) {
      return "organization \"" + organization + "\": " + openssl_error_text();
    }
  }
  if (!add_name_entry(*name, "CN", request.common_name)) {
    return "common name \"" + request.common_name + "\": " + openssl_error_text();
  }
  return std::nullopt;
}

std::optional<std::string> set_validity(X509& certificate, const certificate_request& request) {
  auto start = std::chrono::system_clock::to_time_t(request.now - clock_skew_allowance);
  auto end = std::chrono::system_clock::to_time_t(request.now + request.validity);
  if (!ASN1_TIME_set(X509_getm_notBefore(&certificate), start) ||
      !ASN1_TIME_set(X509_getm_notAfter(&certificate), end)) {
    return openssl_error_text();
  }
  return std::nullopt;
}

std::vector<std::pair<int, const char*>> extensions_of(certificate_role role) {
  switch (role) {
    case certificate_role::authority:
      return {{NID_basic_constraints, "critical,CA:TRUE"},
              {NID_key_usage, "critical,digitalSignature,keyCertSign,cRLSign"},
              {NID_subject_key_identifier, "hash"}};
    case certificate_role::server:
    case certificate_role::client:
      break;
  }
  return {{NID_basic_constraints, "critical,CA:FALSE"},
          {NID_key_usage, "critical,digitalSignature"},
          {NID_ext_key_usage, role == certificate_role::server ? "serverAuth" : "clientAuth"},
          {NID_subject_key_identifier, "hash"},
          {NID_authority_key_identifier, "keyid:always"}};
}

std::optional<std::string> add_extensions(X509& certificate, X509& issuer,
                                          const certificate_request& request) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, &issuer, &certificate, nullptr, nullptr, 0);
  for (auto [nid, value] : extensions_of(request.role)) {
    x509_extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension || X509_add_ext(&certificate, extension.get(), -1) != 1) {
      return openssl_error_text();
    }
  }
  if (request.role == certificate_role::server) {
    return add_serving_names(certificate, request.serving_names);
  }
  return std::nullopt;
}

}  // namespace

std::variant<private_key, std::string> generate_key() {
  ERR_clear_error();
  private_key key(EVP_EC_gen("P-256"));
  if (!key) return "cannot generate a P-256 key: " + openssl_error_text();
  return key;
}

std::variant<certificate, std::string> issue_certificate(const certificate_request& request,
                                                         EVP_PKEY& subject_key, X509* issuer,
                                                         EVP_PKEY& issuer_key) {
  ERR_clear_error();
  certificate issued(X509_new());
  if (!issued || X509_set_version(issued.get(), X509_VERSION_3) != 1 ||
      X509_set_pubkey(issued.get(), &subject_key) != 1) {
    return openssl_error_text();
  }
  X509& self = *issued;
  X509& signer = issuer ? *issuer : self;
  if (auto error = set_random_serial(self)) return *error;
  if (auto error = set_subject(self, request)) return *error;
  if (auto error = set_validity(self, request)) return *error;
  if (X509_set_issuer_name(&self, X509_get_subject_name(&signer)) != 1) {
    return openssl_error_text();
  }
  if (auto error = add_extensions(self, signer, request)) return *error;
  if (X509_sign(&self, &issuer_key, EVP_sha256()) <= 0) {
    return "cannot sign: " + openssl_error_text();
  }
  return issued;
}

}  // namespace troupe::net::tls
