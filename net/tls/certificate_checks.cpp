#include "net/tls/certificate_checks.hpp"

#include <openssl/err.h>

#include <ctime>

namespace troupe::net::tls {

namespace {

std::string time_text(const ASN1_TIME* time) {
  memory_bio bio(BIO_new(BIO_s_mem()));
  if (!bio || ASN1_TIME_print_ex(bio.get(), time, ASN1_DTFLGS_ISO8601) != 1) {
    ERR_clear_error();
    return "(unprintable time)";
  }
  char* data = nullptr;
  long length = BIO_get_mem_data(bio.get(), &data);
  return length > 0 && data ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

}  // namespace

bool is_self_signed_authority(X509& certificate) {
  bool answer = X509_check_ca(&certificate) == 1 && X509_self_signed(&certificate, 1) == 1;
  ERR_clear_error();
  return answer;
}

bool is_signed_by(X509& certificate, X509& authority) {
  EVP_PKEY* authority_key = X509_get0_pubkey(&authority);
  bool answer = authority_key && X509_verify(&certificate, authority_key) == 1;
  ERR_clear_error();
  return answer;
}

bool is_valid_throughout(X509& certificate, std::chrono::system_clock::time_point from,
                         std::chrono::system_clock::time_point until) {
  std::time_t start = std::chrono::system_clock::to_time_t(from);
  std::time_t end = std::chrono::system_clock::to_time_t(until);
  // X509_cmp_time: -1 when the certificate's time is at or before the given
  // one, 1 when after, 0 when the time field is malformed.
  bool answer = X509_cmp_time(X509_get0_notBefore(&certificate), &start) == -1 &&
                X509_cmp_time(X509_get0_notAfter(&certificate), &end) == 1;
  ERR_clear_error();
  return answer;
}

std::string validity_text(X509& certificate) {
  return "valid from " + time_text(X509_get0_notBefore(&certificate)) + " until " +
         time_text(X509_get0_notAfter(&certificate));
}

}  // namespace troupe::net::tls
