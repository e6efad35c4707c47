// One host of a cluster: the actors a node runs for its roles, on an actor
// system of its own (reachable over TCP, like a real node process) or on a
// shared one (reachable through an in-memory address book).
//
// A host runs its membership actor; with the store role, a store replica;
// with a control-plane spec (control role), the api and its HTTPS gateway.
// The components of later issues (scheduler, controllers, kubelet, proxy)
// start here by role and announce themselves to membership.
//
// Thread-safety: a host is driven by one thread (its owner); its actors run
// on the actor system's threads.
#pragma once

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "actors/membership/address_book.hpp"
#include "actors/membership/membership_actor.hpp"
#include "messages/interfaces/store_replica_actor.hpp"
#include "runtime/control_plane.hpp"
#include "runtime/core/node_config.hpp"

namespace troupe::runtime {

// A store replica for a host with the store role.
struct host_store_spec {
  std::string directory;  // the replica's LMDB environment
  std::string cluster;
  std::vector<std::string> initial_replicas;  // empty: this host alone
  std::chrono::milliseconds tick{10};
  // Called when the replica stops because its storage failed.
  std::function<void(const std::string&)> on_fatal;
};

struct host_spec {
  member_summary identity;  // identity.incarnation is chosen at start
  std::vector<net::endpoint> seeds;
  membership::membership_settings membership;
  tls_files tls;
  std::optional<host_store_spec> store;  // only with the store role
  // The api and its gateway, for a host with the control role.
  std::optional<control_plane_spec> control;
};

class host {
 public:
  // Starts a host with its own actor system, its membership published on
  // identity.host:identity.port. Errors say what failed (e.g. port in use).
  static std::variant<std::unique_ptr<host>, std::string> start_networked(
      host_spec spec, membership::event_sink on_event);

  // Starts a host on `system`, reachable through `book` at identity.address().
  static std::variant<std::unique_ptr<host>, std::string> start_local(
      caf::actor_system& system, std::shared_ptr<membership::address_book> book, host_spec spec,
      membership::event_sink on_event);

  // Stops the host's actors (and its own actor system, if any).
  ~host();
  host(const host&) = delete;
  host& operator=(const host&) = delete;

  const member_summary& identity() const { return identity_; }
  membership_actor membership() const { return membership_; }
  // The host's store replica (null without the store role).
  store_replica_actor replica() const { return replica_; }
  // The host's control plane (null without one).
  control_plane* control() const { return control_.get(); }
  caf::actor_system& system() { return *system_; }

  // Also publishes membership on `endpoint` (for `troupe members` against an
  // in-process cluster). Returns an error message on failure.
  std::optional<std::string> listen(const net::endpoint& endpoint);

  // Asks this host's membership for the members it sees alive.
  std::variant<std::vector<member_info>, std::string> members(
      std::chrono::milliseconds timeout = std::chrono::seconds(5));

  // Fault injection: drop (or resume) all of this host's membership traffic.
  void isolate(bool isolated);

 private:
  host() = default;
  std::optional<std::string> spawn_actors(connector_actor connector, host_spec spec,
                                          membership::event_sink on_event);
  std::optional<std::string> spawn_replica(const host_store_spec& spec);

  std::unique_ptr<caf::actor_system_config> own_config_;
  std::unique_ptr<caf::actor_system> own_system_;
  caf::actor_system* system_ = nullptr;
  std::shared_ptr<membership::address_book> book_;
  member_summary identity_;
  membership_actor membership_;
  connector_actor connector_;
  store_replica_actor replica_;
  std::unique_ptr<control_plane> control_;
  std::vector<std::uint16_t> published_ports_;
};

// A fresh incarnation: microseconds since the Unix epoch, strictly
// increasing within this process, so a restarted host always outranks its
// previous life.
std::uint64_t next_incarnation();

}  // namespace troupe::runtime
