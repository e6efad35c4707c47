#include "net/tls/cluster_pki.hpp"

#include <openssl/err.h>
#include <sys/types.h>

#include <optional>
#include <utility>

#include "net/tls/atomic_files.hpp"
#include "net/tls/certificate_checks.hpp"
#include "net/tls/certificate_issuer.hpp"
#include "net/tls/pem_text.hpp"
#include "net/tls/serving_names.hpp"
#include "net/tls/stored_pair.hpp"

namespace troupe::net::tls {

namespace {

constexpr mode_t key_file_mode = 0600;
constexpr mode_t certificate_file_mode = 0644;

struct pending_write {
  std::string path;
  std::string text;
  mode_t mode = 0;
};

// The keys and certificates that will be in use, and the files to write so
// that the directory holds them. Keys come before their certificates, the
// CA before what it signs: a crash part-way leaves a state the next start
// completes (a key without its certificate gets one).
struct pki_plan {
  stored_pair authority;
  stored_pair server;
  stored_pair admin;
  std::vector<pending_write> writes;
};

std::optional<std::string> plan_key(stored_pair& pair, std::vector<pending_write>& writes) {
  if (pair.key_object) return std::nullopt;
  auto key = generate_key();
  if (auto* error = std::get_if<std::string>(&key)) return pair.key_path + ": " + *error;
  pending_write write{pair.key_path, {}, key_file_mode};
  if (auto error = private_key_to_pem(*std::get<private_key>(key), write.text)) {
    return pair.key_path + ": " + *error;
  }
  writes.push_back(std::move(write));
  pair.key_object = std::move(std::get<private_key>(key));
  return std::nullopt;
}

std::optional<std::string> plan_certificate(stored_pair& pair, const certificate_request& request,
                                            X509* issuer, EVP_PKEY& issuer_key,
                                            std::vector<pending_write>& writes) {
  auto issued = issue_certificate(request, *pair.key_object, issuer, issuer_key);
  if (auto* error = std::get_if<std::string>(&issued)) {
    return pair.certificate_path + ": cannot issue: " + *error;
  }
  pending_write write{pair.certificate_path, {}, certificate_file_mode};
  if (auto error = certificate_to_pem(*std::get<certificate>(issued), write.text)) {
    return pair.certificate_path + ": " + *error;
  }
  writes.push_back(std::move(write));
  pair.certificate_object = std::move(std::get<certificate>(issued));
  return std::nullopt;
}

const std::string* first_existing_file(const pki_plan& plan) {
  for (const auto* pair : {&plan.server, &plan.admin}) {
    if (pair->certificate_object) return &pair->certificate_path;
    if (pair->key_object) return &pair->key_path;
  }
  return nullptr;
}

std::optional<std::string> plan_authority(pki_plan& plan,
                                          std::chrono::system_clock::time_point now) {
  stored_pair& authority = plan.authority;
  if (!authority.key_object) {
    if (const auto* orphan = first_existing_file(plan)) {
      return authority.key_path + ": missing, but " + *orphan +
             " exists; a new CA would not have signed it";
    }
  }
  if (auto error = plan_key(authority, plan.writes)) return error;
  if (!authority.certificate_object) {
    certificate_request request{.role = certificate_role::authority,
                                .common_name = "troupe-ca",
                                .now = now,
                                .validity = authority_validity};
    return plan_certificate(authority, request, nullptr, *authority.key_object, plan.writes);
  }
  if (!is_self_signed_authority(*authority.certificate_object)) {
    return authority.certificate_path + ": not a self-signed CA certificate";
  }
  if (!is_valid_throughout(*authority.certificate_object, now, now + renewal_margin)) {
    return authority.certificate_path + ": the CA certificate is " +
           validity_text(*authority.certificate_object) + ", which does not cover the next " +
           std::to_string(renewal_margin.count()) +
           " days; a CA is never replaced automatically (start a new PKI directory to replace "
           "it)";
  }
  return std::nullopt;
}

bool still_fits(X509& existing, const certificate_request& request) {
  return is_valid_throughout(existing, request.now, request.now + renewal_margin) &&
         (request.role != certificate_role::server ||
          certificate_covers(existing, request.serving_names));
}

std::optional<std::string> plan_leaf(stored_pair& leaf, const stored_pair& authority,
                                     const certificate_request& request,
                                     std::vector<pending_write>& writes) {
  if (leaf.certificate_object &&
      !is_signed_by(*leaf.certificate_object, *authority.certificate_object)) {
    return leaf.certificate_path + ": not signed by the CA in " + authority.certificate_path;
  }
  if (auto error = plan_key(leaf, writes)) return error;
  if (leaf.certificate_object && still_fits(*leaf.certificate_object, request)) {
    return std::nullopt;
  }
  return plan_certificate(leaf, request, authority.certificate_object.get(), *authority.key_object,
                          writes);
}

std::variant<pem_key_pair, std::string> pem_pair_of(X509& certificate_object, EVP_PKEY& key) {
  pem_key_pair pair;
  if (auto error = certificate_to_pem(certificate_object, pair.certificate)) return *error;
  if (auto error = private_key_to_pem(key, pair.key)) return *error;
  return pair;
}

std::variant<cluster_pki, std::string> pki_of(const pki_plan& plan) {
  cluster_pki pki;
  auto authority = pem_pair_of(*plan.authority.certificate_object, *plan.authority.key_object);
  auto server = pem_pair_of(*plan.server.certificate_object, *plan.server.key_object);
  auto admin = pem_pair_of(*plan.admin.certificate_object, *plan.admin.key_object);
  for (auto* pair : {&authority, &server, &admin}) {
    if (auto* error = std::get_if<std::string>(pair)) return *error;
  }
  pki.ca_certificate = std::move(std::get<pem_key_pair>(authority).certificate);
  pki.ca_key = std::move(std::get<pem_key_pair>(authority).key);
  pki.server = std::move(std::get<pem_key_pair>(server));
  pki.admin = std::move(std::get<pem_key_pair>(admin));
  return pki;
}

std::optional<std::string> read_plan(const std::string& directory, pki_plan& plan) {
  for (auto [stem, pair] : {std::pair{"ca", &plan.authority}, std::pair{"apiserver", &plan.server},
                            std::pair{"admin", &plan.admin}}) {
    auto stored = read_stored_pair(directory, stem);
    if (auto* error = std::get_if<std::string>(&stored)) return *error;
    *pair = std::move(std::get<stored_pair>(stored));
  }
  return std::nullopt;
}

}  // namespace

std::variant<cluster_pki, std::string> load_or_create_pki(
    const std::string& directory, const std::vector<std::string>& server_names,
    std::chrono::system_clock::time_point now) {
  if (directory.empty()) return std::string("the PKI directory must be named");
  auto names = serving_names(server_names);
  if (auto* error = std::get_if<std::string>(&names)) return *error;
  if (auto error = ensure_private_directory(directory)) return *error;
  pki_plan plan;
  if (auto error = read_plan(directory, plan)) return *error;
  if (auto error = plan_authority(plan, now)) return *error;
  certificate_request server{.role = certificate_role::server,
                             .common_name = "troupe-apiserver",
                             .serving_names = std::move(std::get<std::vector<serving_name>>(names)),
                             .now = now,
                             .validity = leaf_validity};
  if (auto error = plan_leaf(plan.server, plan.authority, server, plan.writes)) return *error;
  certificate_request admin{.role = certificate_role::client,
                            .common_name = "troupe-admin",
                            .organizations = {"system:masters"},
                            .now = now,
                            .validity = leaf_validity};
  if (auto error = plan_leaf(plan.admin, plan.authority, admin, plan.writes)) return *error;
  auto pki = pki_of(plan);
  if (std::holds_alternative<std::string>(pki)) return pki;
  for (const auto& write : plan.writes) {
    if (auto error = write_file_atomically(write.path, write.text, write.mode)) return *error;
  }
  return pki;
}

std::variant<pem_key_pair, std::string> issue_client_certificate(
    const cluster_pki& pki, const std::string& common_name,
    const std::vector<std::string>& organizations, std::chrono::seconds validity,
    std::chrono::system_clock::time_point now) {
  if (common_name.empty()) return std::string("a client certificate needs a common name");
  if (validity <= std::chrono::seconds(0) || validity > authority_validity) {
    return "a client certificate's validity must be positive and at most " +
           std::to_string(authority_validity.count()) + " days";
  }
  auto authority = certificate_from_pem(pki.ca_certificate);
  if (auto* error = std::get_if<std::string>(&authority)) return "CA certificate: " + *error;
  auto authority_key = private_key_from_pem(pki.ca_key);
  if (auto* error = std::get_if<std::string>(&authority_key)) return "CA key: " + *error;
  auto& signer = *std::get<certificate>(authority);
  auto& signer_key = *std::get<private_key>(authority_key);
  if (X509_check_private_key(&signer, &signer_key) != 1) {
    ERR_clear_error();
    return std::string("CA key: does not match the CA certificate");
  }
  auto key = generate_key();
  if (auto* error = std::get_if<std::string>(&key)) return *error;
  certificate_request request{.role = certificate_role::client,
                              .common_name = common_name,
                              .organizations = organizations,
                              .now = now,
                              .validity = validity};
  auto issued = issue_certificate(request, *std::get<private_key>(key), &signer, signer_key);
  if (auto* error = std::get_if<std::string>(&issued)) return *error;
  return pem_pair_of(*std::get<certificate>(issued), *std::get<private_key>(key));
}

}  // namespace troupe::net::tls
