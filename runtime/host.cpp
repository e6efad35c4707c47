#include "runtime/host.hpp"

#include <caf/all.hpp>
#include <caf/io/all.hpp>

#include <atomic>

#include "actors/membership/middleman_connector.hpp"
#include "actors/store/replica_actor.hpp"
#include "runtime/actor_system_setup.hpp"

namespace troupe::runtime {

std::uint64_t next_incarnation() {
  static std::atomic<std::uint64_t> last{0};
  auto now = std::chrono::system_clock::now().time_since_epoch();
  auto candidate = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(now).count());
  auto previous = last.load();
  std::uint64_t chosen = 0;
  do {
    chosen = std::max(candidate, previous + 1);
  } while (!last.compare_exchange_weak(previous, chosen));
  return chosen;
}

namespace {

std::variant<std::uint16_t, std::string> publish(caf::actor_system& system,
                                                 const membership_actor& actor,
                                                 const net::endpoint& endpoint) {
  caf::scoped_actor self{system};
  std::variant<std::uint16_t, std::string> result = std::string("no answer");
  auto interface = system.message_types<membership_actor>();
  self->request(network_of(system), std::chrono::seconds(10), caf::publish_atom::value,
                endpoint.port, caf::actor_cast<caf::strong_actor_ptr>(actor), interface,
                endpoint.host, true)
      .receive([&](std::uint16_t port) { result = port; },
               [&](caf::error& error) {
                 result = "cannot listen on " + endpoint.to_string() + ": " + system.render(error);
               });
  return result;
}

}  // namespace

std::optional<std::string> host::spawn_actors(connector_actor connector, host_spec spec,
                                              membership::event_sink on_event) {
  identity_ = spec.identity;
  identity_.incarnation = next_incarnation();
  connector_ = std::move(connector);
  membership_ = membership::spawn_membership(
      *system_, membership::membership_config{identity_, std::move(spec.seeds), spec.membership,
                                              connector_, std::move(on_event)});
  if (spec.store) {
    if (auto error = spawn_replica(*spec.store)) return error;
  }
  if (!spec.control) return std::nullopt;
  auto plane = control_plane::start(*system_, identity_, membership_, *spec.control);
  if (auto* error = std::get_if<std::string>(&plane)) return *error;
  control_ = std::move(std::get<std::unique_ptr<control_plane>>(plane));
  return std::nullopt;
}

std::optional<std::string> host::spawn_replica(const host_store_spec& spec) {
  store::replica_config replica;
  replica.name = identity_.name;
  replica.cluster = spec.cluster;
  replica.directory = spec.directory;
  for (const auto& name : spec.initial_replicas) replica.bootstrap.voters.insert(name);
  if (replica.bootstrap.voters.empty()) replica.bootstrap.voters.insert(identity_.name);
  replica.tick_interval = spec.tick;
  replica.membership = membership_;
  replica.seed = identity_.incarnation;
  replica.on_fatal = spec.on_fatal;
  auto spawned = store::spawn_replica(*system_, std::move(replica));
  if (auto* error = std::get_if<std::string>(&spawned)) return "store replica: " + *error;
  replica_ = std::get<store_replica_actor>(spawned);
  return std::nullopt;
}

std::variant<std::unique_ptr<host>, std::string> host::start_networked(
    host_spec spec, membership::event_sink on_event) {
  std::unique_ptr<host> result(new host);
  result->own_config_ = std::make_unique<caf::actor_system_config>();
  configure_actor_system(*result->own_config_, spec.tls);
  result->own_system_ = std::make_unique<caf::actor_system>(*result->own_config_);
  result->system_ = result->own_system_.get();
  auto endpoint = net::endpoint{spec.identity.host, spec.identity.port};
  auto connector =
      membership::spawn_middleman_connector(*result->system_, network_of(*result->system_));
  if (auto error = result->spawn_actors(std::move(connector), std::move(spec), std::move(on_event)))
    return *error;
  if (auto error = result->listen(endpoint)) return *error;
  return result;
}

std::variant<std::unique_ptr<host>, std::string> host::start_local(
    caf::actor_system& system, std::shared_ptr<membership::address_book> book, host_spec spec,
    membership::event_sink on_event) {
  std::unique_ptr<host> result(new host);
  result->system_ = &system;
  result->book_ = std::move(book);
  auto connector = membership::spawn_address_book_connector(system, result->book_);
  if (auto error = result->spawn_actors(std::move(connector), std::move(spec), std::move(on_event)))
    return *error;
  result->book_->add(result->identity_.address(),
                     caf::actor_cast<caf::strong_actor_ptr>(result->membership_));
  return result;
}

std::optional<std::string> host::listen(const net::endpoint& endpoint) {
  auto published = publish(*system_, membership_, endpoint);
  if (auto* error = std::get_if<std::string>(&published)) return *error;
  published_ports_.push_back(std::get<std::uint16_t>(published));
  return std::nullopt;
}

host::~host() {
  // The control plane first: its gateway ends watches cleanly while the api
  // and the store still run.
  control_.reset();
  if (book_) book_->remove(identity_.address());
  // Closed and waited for: a port still closing while the system shuts
  // down leaks its doorman.
  for (auto port : published_ports_) (void)system_->middleman().close(port);
  // Published and remotely referenced actors keep an actor system alive
  // (STACK.md): terminate ours explicitly before the system goes away.
  if (replica_) {
    // Wait for the replica to close its data dir: a restart in this process
    // opens the same directory again.
    caf::scoped_actor self{*system_};
    self->monitor(replica_);
    self->send_exit(replica_, caf::exit_reason::user_shutdown);
    self->receive([](const caf::down_msg&) {}, caf::after(std::chrono::seconds(30)) >> [] {});
  }
  caf::anon_send_exit(membership_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(connector_, caf::exit_reason::user_shutdown);
  replica_ = store_replica_actor{};
  membership_ = nullptr;
  connector_ = nullptr;
  own_system_.reset();
}

std::variant<std::vector<member_info>, std::string> host::members(
    std::chrono::milliseconds timeout) {
  caf::scoped_actor self{*system_};
  std::variant<std::vector<member_info>, std::string> result = std::string("no answer");
  self->request(membership_, timeout, members_atom::value)
      .receive([&](std::vector<member_info>& members) { result = std::move(members); },
               [&](caf::error& error) { result = system_->render(error); });
  return result;
}

void host::isolate(bool isolated) {
  caf::anon_send(membership_, isolate_atom::value, isolated);
}

}  // namespace troupe::runtime
