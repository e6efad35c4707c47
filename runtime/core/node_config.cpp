#include "runtime/core/node_config.hpp"

#include "messages/core/member_summary.hpp"

namespace troupe::runtime {

std::string to_string(runtime_kind kind) {
  switch (kind) {
    case runtime_kind::oci:
      return "oci";
    case runtime_kind::exec:
      return "exec";
    case runtime_kind::fake:
      return "fake";
  }
  return "unknown";
}

std::optional<runtime_kind> parse_runtime_kind(const std::string& text) {
  for (auto kind : {runtime_kind::oci, runtime_kind::exec, runtime_kind::fake})
    if (to_string(kind) == text) return kind;
  return std::nullopt;
}

namespace {

std::optional<std::string> validate_tls(const tls_files& tls) {
  if (!tls.enabled()) return std::nullopt;
  if (tls.certificate.empty()) return "tls.certificate: required when tls.key or tls.ca is set";
  if (tls.key.empty()) return "tls.key: required when tls.certificate or tls.ca is set";
  if (tls.ca.empty()) return "tls.ca: required when tls.certificate or tls.key is set";
  return std::nullopt;
}

std::optional<std::string> validate_store(const store_options& store) {
  if (!is_dns1123_subdomain(store.cluster))
    return "store.cluster: \"" + store.cluster + "\" is not a DNS-1123 subdomain";
  if (store.initial_replicas.size() > static_cast<std::size_t>(store_initial_replicas_max))
    return "store.initial-replicas: at most " + std::to_string(store_initial_replicas_max);
  for (std::size_t i = 0; i < store.initial_replicas.size(); ++i) {
    const auto& name = store.initial_replicas[i];
    auto path = "store.initial-replicas[" + std::to_string(i) + "]";
    if (!is_dns1123_subdomain(name)) return path + ": \"" + name + "\" is not a node name";
    for (std::size_t j = 0; j < i; ++j)
      if (store.initial_replicas[j] == name) return path + ": \"" + name + "\" is listed twice";
  }
  if (store.tick_ms < 1 || store.tick_ms > 1000) return "store.tick-ms: must be between 1 and 1000";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> node_config::validate() const {
  if (name.empty()) return "name: required";
  if (!is_dns1123_subdomain(name))
    return "name: \"" + name +
           "\" is not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253)";
  if (listen.host.empty() || listen.port == 0) return "listen: needs a host and a port";
  for (std::size_t i = 0; i < seeds.size(); ++i)
    if (seeds[i].host.empty() || seeds[i].port == 0)
      return "seeds[" + std::to_string(i) + "]: needs a host and a port";
  if (roles.empty()) return "roles: at least one of store, control, worker";
  if (data_dir.empty()) return "data-dir: required";
  if (auto error = validate_tls(tls)) return error;
  if (auto error = membership.validate()) return error;
  if (auto error = validate_store(store)) return error;
  if (api_port == 0) return "api-port: must be between 1 and 65535";
  if (workers < 0 || workers > workers_max)
    return "workers: must be between 0 and " + std::to_string(workers_max);
  if (store_replicas < 1 || store_replicas > store_replicas_max || store_replicas % 2 == 0)
    return "store-replicas: must be 1, 3, 5 or 7 (an odd quorum size)";
  return std::nullopt;
}

}  // namespace troupe::runtime
