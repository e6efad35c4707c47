#include "runtime/control_plane.hpp"

#include <caf/all.hpp>

#include <filesystem>
#include <random>

#include "actors/api/api_actor.hpp"
#include "actors/store/store_client.hpp"
#include "net/tls/kubeconfig.hpp"
#include "runtime/wait_until.hpp"

namespace troupe::runtime {

namespace {

std::uint64_t random_nonzero() {
  std::random_device entropy;
  std::uint64_t value = 0;
  while (value == 0) value = (std::uint64_t{entropy()} << 32) | entropy();
  return value;
}

std::string https_url(const net::endpoint& address, std::uint16_t port) {
  auto host = address.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  if (host == "0.0.0.0") host = "127.0.0.1";
  return "https://" + host + ":" + std::to_string(port);
}

}  // namespace

std::variant<std::unique_ptr<control_plane>, std::string> control_plane::start(
    caf::actor_system& system, const member_summary& identity, membership_actor membership,
    const control_plane_spec& spec) {
  auto names = spec.server_names;
  names.push_back(spec.api_address.host == "0.0.0.0" ? "127.0.0.1" : spec.api_address.host);
  auto loaded = net::tls::load_or_create_pki(spec.pki_directory, names);
  if (auto* error = std::get_if<std::string>(&loaded)) return "API certificates: " + *error;
  std::unique_ptr<control_plane> plane(new control_plane);
  plane->system_ = &system;
  plane->pki_ = std::get<net::tls::cluster_pki>(std::move(loaded));
  store::client_config client;
  client.membership = membership;
  // Lanes use client_id .. client_id + requests_max - 1: a random id with
  // its low 16 bits clear and a high bit set never reaches 0.
  client.client_id = (random_nonzero() | (std::uint64_t{1} << 62)) & ~std::uint64_t{0xffff};
  plane->store_ = store::spawn_store_client(system, client);
  api::api_config api_config;
  api_config.store = plane->store_;
  api_config.membership = membership;
  api_config.node = identity.name;
  api_config.now = [] { return std::chrono::system_clock::now(); };
  api_config.seed = random_nonzero();
  api_config.bookmark_interval = spec.bookmark_interval;
  plane->api_ = api::spawn_api(system, std::move(api_config));
  caf::anon_send(membership, announce_atom::value,
                 published_actor{component_kind::api, identity.name, "",
                                 caf::actor_cast<caf::strong_actor_ptr>(plane->api_)});
  gateway::gateway_config gateway_config;
  gateway_config.api = plane->api_;
  gateway_config.http.host = spec.api_address.host;
  gateway_config.http.port = spec.api_address.port;
  gateway_config.http.certificate_pem = plane->pki_.server.certificate;
  gateway_config.http.key_pem = plane->pki_.server.key;
  gateway_config.http.client_ca_pem = plane->pki_.ca_certificate;
  gateway_config.troupe_version = TROUPE_VERSION;
  gateway_config.now = [] { return std::chrono::system_clock::now(); };
  auto gateway = gateway::gateway::start(system, std::move(gateway_config));
  if (auto* error = std::get_if<std::string>(&gateway)) return "API gateway: " + *error;
  plane->gateway_ = std::move(std::get<std::unique_ptr<gateway::gateway>>(gateway));
  plane->api_url_ = https_url(spec.api_address, plane->gateway_->port());
  if (!spec.kubeconfig_path.empty()) {
    net::tls::kubeconfig_spec kubeconfig;
    kubeconfig.server = plane->api_url_;
    kubeconfig.ca_certificate = plane->pki_.ca_certificate;
    kubeconfig.client = plane->pki_.admin;
    if (auto error = net::tls::write_kubeconfig(spec.kubeconfig_path, kubeconfig))
      return "kubeconfig: " + *error;
    plane->kubeconfig_path_ = spec.kubeconfig_path;
  }
  return plane;
}

control_plane_spec control_plane_spec_of(const node_config& config) {
  control_plane_spec control;
  control.api_address = net::endpoint{config.listen.host, config.api_port};
  control.pki_directory = config.data_dir + "/pki";
  control.kubeconfig_path =
      std::filesystem::absolute(std::filesystem::path(config.data_dir) / "kubeconfig").string();
  return control;
}

bool control_plane::wait_ready(std::chrono::milliseconds deadline, std::string& detail) {
  return wait_until(
      [&] {
        caf::scoped_actor self{*system_};
        bool ready = false;
        self->request(api_, std::chrono::seconds(2), status_atom::value)
            .receive(
                [&](const component_status& status) {
                  ready = status.ready;
                  detail = status.detail;
                },
                [&](const caf::error& error) { detail = system_->render(error); });
        return ready;
      },
      deadline, std::chrono::milliseconds(50));
}

control_plane::~control_plane() {
  // The gateway first, so its watches end cleanly while the api still runs.
  if (gateway_) gateway_->stop();
  gateway_.reset();
  if (api_) caf::anon_send_exit(api_, caf::exit_reason::user_shutdown);
  if (store_) caf::anon_send_exit(store_, caf::exit_reason::user_shutdown);
}

}  // namespace troupe::runtime
