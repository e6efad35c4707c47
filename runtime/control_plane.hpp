// The control-plane components of a host with the control role: a store
// client, the api actor (announced to membership as component "api") and
// the HTTPS gateway in front of it, with the cluster PKI loaded (or made at
// first start) from `pki_directory` and a kubeconfig for kubectl written.
// Later issues add the scheduler and the controllers here.
//
// Thread-safety: driven by its host's thread.
#pragma once

#include <caf/actor_system.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "actors/gateway/gateway.hpp"
#include "messages/core/member_summary.hpp"
#include "messages/interfaces/api_actor.hpp"
#include "messages/interfaces/membership_actor.hpp"
#include "messages/interfaces/store_replica_actor.hpp"
#include "net/core/endpoint.hpp"
#include "net/tls/cluster_pki.hpp"
#include "runtime/core/node_config.hpp"

namespace troupe::runtime {

struct control_plane_spec {
  net::endpoint api_address{"127.0.0.1", 6443};  // where the gateway listens
  std::string pki_directory;
  std::string kubeconfig_path;  // "" writes none
  // Further names the serving certificate must cover (besides localhost,
  // 127.0.0.1, ::1 and api_address.host).
  std::vector<std::string> server_names;
  std::chrono::milliseconds bookmark_interval{60'000};
};

// The control plane of a host configured by `config` (troupe up and troupe
// node): the gateway at the listen host's api-port, <data-dir>/pki and
// <data-dir>/kubeconfig (an absolute path, as printed).
control_plane_spec control_plane_spec_of(const node_config& config);

class control_plane {
 public:
  static std::variant<std::unique_ptr<control_plane>, std::string> start(
      caf::actor_system& system, const member_summary& identity, membership_actor membership,
      const control_plane_spec& spec);
  ~control_plane();
  control_plane(const control_plane&) = delete;
  control_plane& operator=(const control_plane&) = delete;

  api_actor api() const { return api_; }
  store_client_actor store() const { return store_; }
  std::uint16_t api_port() const { return gateway_->port(); }
  // https://<host>:<port> as written in the kubeconfig (a wildcard listen
  // host becomes 127.0.0.1).
  const std::string& api_url() const { return api_url_; }
  const net::tls::cluster_pki& pki() const { return pki_; }
  const std::string& kubeconfig_path() const { return kubeconfig_path_; }

  // Until the api has loaded its watch cache (and may serve); false at the
  // deadline, with the api's last status in `detail`.
  bool wait_ready(std::chrono::milliseconds deadline, std::string& detail);

 private:
  control_plane() = default;

  caf::actor_system* system_ = nullptr;
  store_client_actor store_;
  api_actor api_;
  std::unique_ptr<gateway::gateway> gateway_;
  net::tls::cluster_pki pki_;
  std::string kubeconfig_path_;
  std::string api_url_;
};

}  // namespace troupe::runtime
