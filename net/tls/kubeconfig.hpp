// The kubeconfig file kubectl reads to reach a troupe cluster: one cluster
// (server URL and CA), one user (client certificate and key) and one
// context joining them, which is the current context.
//
// Contract:
//   1. render_kubeconfig() emits, with yaml-cpp, apiVersion v1, kind Config,
//      clusters[{name, cluster: {server, certificate-authority-data}}],
//      users[{name, user: {client-certificate-data, client-key-data}}],
//      contexts[{name, context: {cluster, user}}] and current-context. The
//      *-data fields are the PEM texts in standard base64 without line
//      breaks, as client-go decodes them. Every value taken from the spec is
//      a double-quoted YAML string (kubeconfig.cpp says why). It never
//      fails.
//   2. write_kubeconfig() writes that text to `path` with mode 0600,
//      atomically (atomic_files.hpp); the error names the file.
// kubectl sends a client certificate only over https, so `server` is
// expected to be an https URL.
#pragma once

#include <optional>
#include <string>

#include "net/tls/cluster_pki.hpp"

namespace troupe::net::tls {

struct kubeconfig_spec {
  std::string cluster_name = "troupe";
  // e.g. "https://127.0.0.1:6443"
  std::string server;
  std::string ca_certificate;
  std::string user_name = "troupe-admin";
  pem_key_pair client;
  std::string context_name = "troupe";
};

std::string render_kubeconfig(const kubeconfig_spec& spec);

std::optional<std::string> write_kubeconfig(const std::string& path, const kubeconfig_spec& spec);

}  // namespace troupe::net::tls
