// A whole cluster inside one process, for tests and `troupe up`.
//
// Each host either has an actor system of its own, connected to the others
// over loopback TCP through CAF's middleman exactly as separate processes
// would be (`networked`), or all hosts share one actor system and find each
// other through an in-memory address book (their addresses then read
// "in-process:N"). Hosts can be stopped, restarted
// (with a new incarnation, same name and address) and partitioned (all their
// membership traffic dropped) individually.
//
// Later issues extend this one fixture: each component a host runs for its
// roles starts in `host`.
//
// Thread-safety: drive it from one thread.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runtime/host.hpp"

namespace troupe::runtime {

struct cluster_host_spec {
  std::string name;
  role_set roles;
};

struct cluster_spec {
  std::vector<cluster_host_spec> hosts;
  // Separate actor systems over loopback TCP (true) or one shared system.
  bool networked = true;
  // Indexes of the hosts every host lists as seeds.
  std::vector<std::size_t> seeds{0};
  membership::membership_settings membership;
  // Mutual TLS between networked hosts (ignored when sharing one system).
  tls_files tls;
  // Hosts with the store role run a replica with its data dir in
  // store_dir/<host name> (none when empty); all of them form the store.
  std::string store_dir;
  std::string store_cluster = "troupe";
  std::chrono::milliseconds store_tick{10};
  // Called with why when a replica stops because its storage failed
  // (without it, the event sink hears why).
  std::function<void(const std::string&)> on_store_fatal;
  // Store hosts left out of the initial replicas: they join later through a
  // replica change (as a learner, then a voter).
  std::set<std::string> store_joiners;
  // The api and its HTTPS gateway, run by the first host with the control
  // role (a cluster serves one API address).
  std::optional<control_plane_spec> control;

  // store-0.., control-0.., worker-0.. with one role each.
  static cluster_spec with_roles(std::size_t store, std::size_t control, std::size_t worker);
};

class in_process_cluster {
 public:
  // Reserves addresses for every host but starts none: call start_all() or
  // start(i). Throws std::runtime_error if the spec is unusable.
  explicit in_process_cluster(cluster_spec spec, membership::event_sink on_event = {});
  ~in_process_cluster();
  in_process_cluster(const in_process_cluster&) = delete;
  in_process_cluster& operator=(const in_process_cluster&) = delete;

  std::size_t size() const { return hosts_.size(); }
  const std::string& name(std::size_t index) const { return spec_.hosts.at(index).name; }
  net::endpoint address(std::size_t index) const { return addresses_.at(index); }
  bool running(std::size_t index) const { return hosts_.at(index) != nullptr; }
  host& at(std::size_t index);

  void start_all();
  void start(std::size_t index);
  void stop(std::size_t index);
  void restart(std::size_t index);
  // Drops every membership message to and from the host, as a silent
  // network partition would, until heal().
  void partition(std::size_t index);
  void heal(std::size_t index);

  // Names of the members host `index` sees alive (itself included), or
  // nothing if it did not answer.
  std::optional<std::set<std::string>> members_seen_by(std::size_t index);

  // Waits until every running, unpartitioned host sees exactly the running,
  // unpartitioned hosts. Returns false at the deadline.
  bool wait_until_converged(std::chrono::milliseconds deadline);

 private:
  host_spec spec_for(std::size_t index) const;
  std::size_t first_control_host() const;

  cluster_spec spec_;
  membership::event_sink on_event_;
  std::vector<net::endpoint> addresses_;
  std::vector<bool> partitioned_;
  std::unique_ptr<caf::actor_system_config> shared_config_;
  std::unique_ptr<caf::actor_system> shared_system_;
  std::shared_ptr<membership::address_book> book_;
  std::vector<std::unique_ptr<host>> hosts_;
};

// Asks the kernel for a free loopback TCP port (bind to port 0, then close).
std::uint16_t reserve_loopback_port();

}  // namespace troupe::runtime
