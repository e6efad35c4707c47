// The API server's PKI: a cluster CA, the serving certificate the gateway
// presents, and the admin client certificate `troupe up` puts into the
// kubeconfig. The gateway trusts client certificates signed by the CA; the
// user is a certificate's common name, its groups the organizations.
//
// Files in the PKI directory (created with mode 0700), all PEM, keys PKCS#8:
//   ca.crt  ca.key               self-signed CA, CN "troupe-ca", 10 years
//   apiserver.crt  apiserver.key CN "troupe-apiserver", serverAuth, 1 year
//   admin.crt  admin.key         CN "troupe-admin", O "system:masters",
//                                clientAuth, 1 year
// Keys are ECDSA P-256; serials random 128-bit. What each certificate holds:
// certificate_issuer.hpp.
//
// Contract of load_or_create_pki(directory, server_names, now):
//   1. Missing files are created: keys mode 0600, certificates 0644, each
//      written atomically (temporary file, fsync, rename).
//   2. Existing files are loaded and kept, except that a certificate is
//      re-issued for its existing key and by the same CA when it is not
//      valid from `now` until `renewal_margin` later, or (the serving
//      certificate) when it lacks one of serving_names(server_names)
//      (serving_names.hpp: the given names plus localhost, 127.0.0.1, ::1).
//      A key whose certificate is missing gets a new certificate.
//   3. Never replaced, an error naming the file instead: an unreadable or
//      corrupt file, a key that does not match its certificate, a
//      certificate whose key is missing, a CA certificate that is not a
//      self-signed CA or is not valid for the renewal margin (replacing a CA
//      would orphan every certificate it signed, so that is an operator's
//      decision), a certificate the CA did not sign, or certificates without
//      a CA. Every check is made before anything is written, so an error
//      leaves the files untouched.
//   4. Returns the PEM texts in use, or an error string; no exception
//      escapes.
// One process per directory: concurrent callers may both issue a
// certificate, and the last rename wins.
#pragma once

#include <chrono>
#include <string>
#include <variant>
#include <vector>

namespace troupe::net::tls {

// A certificate is re-issued once it is this close to its end, as kubelet
// rotates well before expiry, so a long-running cluster never serves an
// expired certificate after a routine restart.
constexpr std::chrono::days renewal_margin{30};
constexpr std::chrono::days authority_validity{3650};
constexpr std::chrono::days leaf_validity{365};

// A certificate and its private key, PEM.
struct pem_key_pair {
  std::string certificate;
  std::string key;
};

struct cluster_pki {
  std::string ca_certificate;
  // The CA's private key: issue_client_certificate() signs with it. Give it
  // to nothing that talks to the network.
  std::string ca_key;
  pem_key_pair server;
  pem_key_pair admin;
};

std::variant<cluster_pki, std::string> load_or_create_pki(
    const std::string& directory, const std::vector<std::string>& server_names,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// A new client certificate signed by the PKI's CA, for the user
// `common_name` in the groups `organizations`, valid for `validity` from
// `now` (less certificate_issuer's clock skew allowance). Nothing is
// written. Errors: an empty common name, a validity that is not positive
// or longer than authority_validity, a name OpenSSL refuses (a common name
// over 64 characters), or a `pki` whose CA texts do not parse or match.
std::variant<pem_key_pair, std::string> issue_client_certificate(
    const cluster_pki& pki, const std::string& common_name,
    const std::vector<std::string>& organizations, std::chrono::seconds validity,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace troupe::net::tls
