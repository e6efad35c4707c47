#include "runtime/in_process_cluster.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "runtime/actor_system_setup.hpp"
#include "runtime/wait_until.hpp"

namespace troupe::runtime {

std::uint16_t reserve_loopback_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot reserve a loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

cluster_spec cluster_spec::with_roles(std::size_t store, std::size_t control, std::size_t worker) {
  cluster_spec spec;
  auto add = [&](const char* prefix, std::size_t count, node_role role) {
    for (std::size_t i = 0; i < count; ++i) {
      role_set roles;
      roles.insert(role);
      spec.hosts.push_back({std::string(prefix) + "-" + std::to_string(i), roles});
    }
  };
  add("store", store, node_role::store);
  add("control", control, node_role::control);
  add("worker", worker, node_role::worker);
  return spec;
}

in_process_cluster::in_process_cluster(cluster_spec spec, membership::event_sink on_event)
    : spec_(std::move(spec)), on_event_(std::move(on_event)) {
  if (spec_.hosts.empty()) throw std::runtime_error("a cluster needs at least one host");
  if (auto error = spec_.membership.validate()) throw std::runtime_error(*error);
  for (auto seed : spec_.seeds)
    if (seed >= spec_.hosts.size()) throw std::runtime_error("seed index out of range");
  for (std::size_t i = 0; i < spec_.hosts.size(); ++i) {
    // Shared-system hosts are only reachable through the address book: give
    // them addresses that cannot be mistaken for sockets.
    if (spec_.networked)
      addresses_.push_back({"127.0.0.1", reserve_loopback_port()});
    else
      addresses_.push_back({"in-process", static_cast<std::uint16_t>(i + 1)});
  }
  partitioned_.assign(spec_.hosts.size(), false);
  hosts_.resize(spec_.hosts.size());
  if (!spec_.networked) {
    shared_config_ = std::make_unique<caf::actor_system_config>();
    configure_actor_system(*shared_config_, tls_files{});
    shared_system_ = std::make_unique<caf::actor_system>(*shared_config_);
    book_ = std::make_shared<membership::address_book>();
  }
}

in_process_cluster::~in_process_cluster() {
  for (auto& entry : hosts_) entry.reset();
  shared_system_.reset();
}

host& in_process_cluster::at(std::size_t index) {
  if (!hosts_.at(index)) throw std::runtime_error(name(index) + " is not running");
  return *hosts_[index];
}

host_spec in_process_cluster::spec_for(std::size_t index) const {
  host_spec spec;
  spec.identity.name = spec_.hosts[index].name;
  spec.identity.host = addresses_[index].host;
  spec.identity.port = addresses_[index].port;
  spec.identity.roles = spec_.hosts[index].roles;
  for (auto seed : spec_.seeds) spec.seeds.push_back(addresses_[seed]);
  spec.membership = spec_.membership;
  spec.tls = spec_.tls;
  if (!spec_.store_dir.empty() && spec_.hosts[index].roles.contains(node_role::store)) {
    host_store_spec store;
    store.directory = spec_.store_dir + "/" + spec_.hosts[index].name;
    store.cluster = spec_.store_cluster;
    for (const auto& other : spec_.hosts)
      if (other.roles.contains(node_role::store) && !spec_.store_joiners.count(other.name))
        store.initial_replicas.push_back(other.name);
    store.tick = spec_.store_tick;
    store.on_fatal = [on_event = on_event_,
                      on_fatal = spec_.on_store_fatal](const std::string& why) {
      if (on_fatal)
        on_fatal(why);
      else if (on_event)
        on_event(why);
    };
    spec.store = std::move(store);
  }
  if (spec_.control && index == first_control_host()) spec.control = spec_.control;
  return spec;
}

std::size_t in_process_cluster::first_control_host() const {
  for (std::size_t i = 0; i < spec_.hosts.size(); ++i)
    if (spec_.hosts[i].roles.contains(node_role::control)) return i;
  return spec_.hosts.size();
}

void in_process_cluster::start_all() {
  for (std::size_t i = 0; i < hosts_.size(); ++i)
    if (!hosts_[i]) start(i);
}

void in_process_cluster::start(std::size_t index) {
  if (hosts_.at(index)) return;
  partitioned_[index] = false;
  auto started = spec_.networked
                     ? host::start_networked(spec_for(index), on_event_)
                     : host::start_local(*shared_system_, book_, spec_for(index), on_event_);
  if (auto* error = std::get_if<std::string>(&started))
    throw std::runtime_error(name(index) + ": " + *error);
  hosts_[index] = std::move(std::get<std::unique_ptr<host>>(started));
}

void in_process_cluster::stop(std::size_t index) {
  hosts_.at(index).reset();
}

void in_process_cluster::restart(std::size_t index) {
  stop(index);
  start(index);
}

void in_process_cluster::partition(std::size_t index) {
  at(index).isolate(true);
  partitioned_[index] = true;
}

void in_process_cluster::heal(std::size_t index) {
  at(index).isolate(false);
  partitioned_[index] = false;
}

std::optional<std::set<std::string>> in_process_cluster::members_seen_by(std::size_t index) {
  auto answer = at(index).members();
  auto* members = std::get_if<std::vector<member_info>>(&answer);
  if (!members) return std::nullopt;
  std::set<std::string> names;
  for (const auto& member : *members) names.insert(member.summary.name);
  return names;
}

bool in_process_cluster::wait_until_converged(std::chrono::milliseconds deadline) {
  return wait_until(
      [&] {
        std::set<std::string> expected;
        for (std::size_t i = 0; i < size(); ++i)
          if (running(i) && !partitioned_[i]) expected.insert(name(i));
        for (std::size_t i = 0; i < size(); ++i) {
          if (!running(i) || partitioned_[i]) continue;
          if (members_seen_by(i) != expected) return false;
        }
        return true;
      },
      deadline);
}

}  // namespace troupe::runtime
