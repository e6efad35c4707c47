// Owning handles for the OpenSSL objects net/tls works with: each frees its
// object with the matching OpenSSL free function. A null handle owns nothing.
// Not thread-safe beyond what OpenSSL guarantees for the object itself.
#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace troupe::net::tls {

template <auto free_function>
struct openssl_free {
  template <class Object>
  void operator()(Object* object) const {
    free_function(object);
  }
};

using private_key = std::unique_ptr<EVP_PKEY, openssl_free<EVP_PKEY_free>>;
using certificate = std::unique_ptr<X509, openssl_free<X509_free>>;
using memory_bio = std::unique_ptr<BIO, openssl_free<BIO_free_all>>;
using big_number = std::unique_ptr<BIGNUM, openssl_free<BN_free>>;
using asn1_integer = std::unique_ptr<ASN1_INTEGER, openssl_free<ASN1_INTEGER_free>>;
using x509_extension = std::unique_ptr<X509_EXTENSION, openssl_free<X509_EXTENSION_free>>;
using general_names = std::unique_ptr<GENERAL_NAMES, openssl_free<GENERAL_NAMES_free>>;
using general_name = std::unique_ptr<GENERAL_NAME, openssl_free<GENERAL_NAME_free>>;

}  // namespace troupe::net::tls
